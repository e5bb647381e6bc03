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

    /// <summary>One of <see cref="GuardrailTraceModes"/>; with a trace, the response carries the guardrail's assessments.</summary>
    public string? Trace { get; set; }

    /// <summary>ConverseStream only: one of <see cref="GuardrailStreamProcessingModes"/>.</summary>
    public string? StreamProcessingMode { get; set; }
}

/// <summary>The values of <see cref="GuardrailConfiguration.Trace"/> (lower case on the Converse wire).</summary>
public static class GuardrailTraceModes
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";

    /// <summary>The trace includes the assessments of filters that did not intervene, too.</summary>
    public const string EnabledFull = "enabled_full";
}

/// <summary>The values of <see cref="GuardrailConfiguration.StreamProcessingMode"/>.</summary>
public static class GuardrailStreamProcessingModes
{
    /// <summary>The guardrail checks each chunk before it is sent (slower, nothing unscreened reaches the caller).</summary>
    public const string Sync = "sync";

    /// <summary>Chunks are sent at once and screened in the background (faster; unscreened text can reach the caller).</summary>
    public const string Async = "async";
}
