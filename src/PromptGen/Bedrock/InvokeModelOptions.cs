using System.Collections.Generic;

namespace PromptGen.Bedrock;

/// <summary>
/// The HTTP headers of an <c>InvokeModel</c> or <c>InvokeModelWithResponseStream</c> request (wire spec §5). Every
/// member is optional; a member left null is not sent, and the service's default applies.
/// </summary>
public sealed class InvokeModelOptions
{
    /// <summary>The media type of the body, sent as <c>Content-Type</c>; <c>application/json</c> when null (Bedrock requires it).</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// The media type wanted back: <c>Accept</c> for InvokeModel, <c>X-Amzn-Bedrock-Accept</c> for the stream;
    /// <c>application/json</c> when null.
    /// </summary>
    public string? Accept { get; init; }

    /// <summary>The guardrail to apply (<c>X-Amzn-Bedrock-GuardrailIdentifier</c>): its id or ARN.</summary>
    public string? GuardrailIdentifier { get; init; }

    /// <summary>The guardrail version, <c>DRAFT</c> or a number (<c>X-Amzn-Bedrock-GuardrailVersion</c>).</summary>
    public string? GuardrailVersion { get; init; }

    /// <summary>Whether the guardrail's trace comes back (<c>X-Amzn-Bedrock-Trace</c>: <c>ENABLED</c>, <c>DISABLED</c>, <c>ENABLED_FULL</c>).</summary>
    public GuardrailTrace? Trace { get; init; }

    /// <summary>Standard or latency-optimized inference (<c>X-Amzn-Bedrock-PerformanceConfig-Latency</c>).</summary>
    public LatencyMode? Latency { get; init; }

    /// <summary>The capacity tier (<c>X-Amzn-Bedrock-Service-Tier</c>).</summary>
    public ServiceTier? ServiceTier { get; init; }

    /// <summary>
    /// Key–value pairs for the invocation logs, sent as one JSON object in <c>X-Amzn-Bedrock-Request-Metadata</c> (at
    /// most 8,500 characters written).
    /// </summary>
    public IReadOnlyDictionary<string, string>? RequestMetadata { get; init; }

    /// <summary>
    /// What the call is, for telemetry: the span's <c>gen_ai.operation.name</c>. Null lets the client tell from the
    /// model id (embedding models, image models, else chat).
    /// </summary>
    public InvokeModelOperation? Operation { get; init; }
}

/// <summary>What an <c>InvokeModel</c> call does, as telemetry names it (<c>gen_ai.operation.name</c>).</summary>
public enum InvokeModelOperation
{
    /// <summary>A conversation with a chat model's native body (Claude Messages, say): <c>chat</c>.</summary>
    Chat,

    /// <summary>A completion of a raw prompt (Llama, Mistral prompt bodies): <c>text_completion</c>.</summary>
    TextCompletion,

    /// <summary>Embeddings of texts or images: <c>embeddings</c>.</summary>
    Embeddings,

    /// <summary>
    /// Image generation: <c>generate_content</c>, the GenAI conventions' operation for multimodal content
    /// generation (they name no image-specific one).
    /// </summary>
    ImageGeneration,
}
