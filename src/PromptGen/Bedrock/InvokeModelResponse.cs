using System;
using System.Collections.Generic;
using System.Text;

namespace PromptGen.Bedrock;

/// <summary>
/// The answer to an <c>InvokeModel</c> call: the model's native response body as it arrived, its content type, and
/// what Bedrock says about the call in its headers.
/// </summary>
public sealed class InvokeModelResponse
{
    /// <summary>Creates a response, e.g. in a test double of <see cref="IBedrockRuntime"/>.</summary>
    /// <param name="body">The native response body.</param>
    /// <param name="contentType">The <c>Content-Type</c> of the body.</param>
    public InvokeModelResponse(ReadOnlyMemory<byte> body, string? contentType)
    {
        Body = body;
        ContentType = contentType;
    }

    /// <summary>The model's native response body, e.g. <c>{"embedding":[…],"inputTextTokenCount":5}</c>.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The media type of <see cref="Body"/> (the response's <c>Content-Type</c>), e.g. <c>application/json</c>.</summary>
    public string? ContentType { get; }

    /// <summary>The <c>x-amzn-RequestId</c> of the response.</summary>
    public string? RequestId { get; init; }

    /// <summary>Input tokens Bedrock counted (<c>X-Amzn-Bedrock-Input-Token-Count</c>), when it sent the header.</summary>
    public int? InputTokenCount { get; init; }

    /// <summary>Output tokens Bedrock counted (<c>X-Amzn-Bedrock-Output-Token-Count</c>), when it sent the header.</summary>
    public int? OutputTokenCount { get; init; }

    /// <summary>How long the model took, in milliseconds (<c>X-Amzn-Bedrock-Invocation-Latency</c>), when Bedrock sent it.</summary>
    public long? InvocationLatencyMs { get; init; }

    /// <summary>The latency mode that served the call (<c>X-Amzn-Bedrock-PerformanceConfig-Latency</c>), when Bedrock sent it.</summary>
    public string? PerformanceLatency { get; init; }

    /// <summary>The tier that served the call (<c>X-Amzn-Bedrock-Service-Tier</c>), when Bedrock sent it.</summary>
    public string? ServiceTier { get; init; }

    /// <summary>
    /// The call's estimated cost in USD at the catalog's on-demand list prices (an estimate, not a bill): the images in
    /// the answer times the model's per-image price, or the tokens Bedrock counted times its token rates. Null when the
    /// catalog (with <see cref="BedrockOptions.ModelCatalogFiles"/>) has no price the call needs, or the call is billed
    /// otherwise (latency-optimized, another service tier, premium or large Amazon images, embeddings of media).
    /// Set by <see cref="BedrockRuntimeClient"/>.
    /// </summary>
    public decimal? EstimatedCostUsd { get; set; }

    /// <summary>
    /// Every <c>X-Amzn-Bedrock-*</c> header of the response (names as sent, looked up case-insensitively), including
    /// ones this version has no property for.
    /// </summary>
    public IReadOnlyDictionary<string, string> BedrockHeaders { get; init; } = EmptyHeaders;

    private static IReadOnlyDictionary<string, string> EmptyHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body as UTF-8 text (invalid bytes become U+FFFD).</summary>
    public string GetBodyText() => Encoding.UTF8.GetString(Body.Span);
}
