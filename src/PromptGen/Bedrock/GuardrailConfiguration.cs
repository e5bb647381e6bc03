namespace PromptGen.Bedrock;

/// <summary>
/// Converse <c>guardrailConfig</c>: the Bedrock guardrail that screens the prompt and the answer. On ConverseStream
/// the same member may also carry <see cref="StreamProcessingMode"/>; leave it null for Converse.
/// </summary>
public sealed class GuardrailConfiguration
{
    /// <summary>The guardrail's id (e.g. <c>gr1abc2def3</c>) or ARN.</summary>
    public string? GuardrailIdentifier { get; set; }

    /// <summary><c>DRAFT</c> or a version number of 1 to 8 digits.</summary>
    public string? GuardrailVersion { get; set; }

    /// <summary>Whether the response carries the guardrail's assessments; Bedrock's default (disabled) when null.</summary>
    public GuardrailTrace? Trace { get; set; }

    /// <summary>ConverseStream only: whether chunks are screened before they are sent.</summary>
    public GuardrailStreamProcessing? StreamProcessingMode { get; set; }
}
