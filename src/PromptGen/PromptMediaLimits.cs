namespace PromptGen;

/// <summary>
/// Bedrock's documented limits on media in one message (wire spec §3). Megabytes are read as decimal (1 MB = 1,000,000
/// bytes), the stricter reading, so nothing PromptGen lets through is refused for its size.
/// </summary>
public static class PromptMediaLimits
{
    /// <summary>3.75 MB per image.</summary>
    public const int MaxImageBytes = 3_750_000;

    /// <summary>4.5 MB per document.</summary>
    public const int MaxDocumentBytes = 4_500_000;

    /// <summary>
    /// 25 MB per video sent inline. Not in the wire spec: Amazon Nova's documentation gives 25 MB for inline video (larger
    /// videos go through S3); unconfirmed here.
    /// </summary>
    public const int MaxVideoBytes = 25_000_000;

    /// <summary>At most 20 images in one message.</summary>
    public const int MaxImagesPerMessage = 20;

    /// <summary>At most 5 documents in one message.</summary>
    public const int MaxDocumentsPerMessage = 5;

    /// <summary>A document name's most characters.</summary>
    public const int MaxDocumentNameLength = 200;
}
