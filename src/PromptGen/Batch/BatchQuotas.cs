namespace PromptGen.Batch;

/// <summary>
/// The batch inference quotas a run splits its input at. The defaults are Bedrock's defaults for most models; an
/// account's own values (per model) are in Service Quotas under "Minimum number of records per batch inference job",
/// "Records per input file per batch inference job", "Records per batch inference job", "Batch inference input file
/// size" and "Batch inference job size".
/// Source: https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-data.html
/// </summary>
public sealed class BatchQuotas
{
    /// <summary>Fewer records than this cannot be a job; they run on demand.</summary>
    public int MinRecordsPerJob { get; set; } = 100;

    /// <summary>The most records in one input file.</summary>
    public int MaxRecordsPerFile { get; set; } = 50_000;

    /// <summary>The most records in one job; more inputs make more jobs.</summary>
    public int MaxRecordsPerJob { get; set; } = 50_000;

    /// <summary>The largest input file, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 1L << 30;

    /// <summary>The largest job (all its files), in bytes.</summary>
    public long MaxJobBytes { get; set; } = 5L << 30;
}
