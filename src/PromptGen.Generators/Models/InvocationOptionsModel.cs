namespace PromptGen.Generators.Models;

/// <summary>
/// The Bedrock invocation options of one method (guardrail, cache points, latency, tier, model fields, request
/// metadata), already resolved from the method's and its interface's attributes into wire values.
/// </summary>
internal sealed record InvocationOptionsModel(
    GuardrailModel? Guardrail,
    CachePointModel? CachePoint,
    bool LatencyOptimized,
    string? ServiceTier,
    string? ModelRequestFieldsJson,
    EquatableArray<MetadataPairModel> RequestMetadata,
    string? RequestMetadataParameter)
{
    public bool IsEmpty => Guardrail is null && CachePoint is null && !LatencyOptimized && ServiceTier is null
        && ModelRequestFieldsJson is null && RequestMetadata.IsEmpty && RequestMetadataParameter is null;
}

/// <summary><c>guardrailConfig</c>; null members are not sent.</summary>
internal sealed record GuardrailModel(string Identifier, string Version, string? Trace, string? StreamProcessingMode);

/// <summary>Where cache points go, and their time-to-live (null: the model's default).</summary>
internal sealed record CachePointModel(bool AfterSystem, bool AfterPrompt, string? Ttl)
{
    /// <summary>After the tool definitions; only methods with tools have any.</summary>
    public bool AfterTools { get; init; }
}

/// <summary>A constant request-metadata pair.</summary>
internal sealed record MetadataPairModel(string Key, string Value);
