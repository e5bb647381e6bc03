using System.Collections.Generic;
using PromptGen.Bedrock;

namespace PromptGen;

/// <summary>
/// The tokens a call used (Converse <c>usage</c>), or, on <see cref="PromptResult{T}"/> and the exceptions, the sum over
/// every call a prompt made. Input tokens read from or written to the prompt cache are counted apart.
/// </summary>
public sealed class TokenUsage
{
    /// <summary>Tokens in the request that were processed afresh (<c>inputTokens</c>); cache reads and writes are counted apart.</summary>
    public int InputTokens { get; set; }

    /// <summary>Tokens the model generated (<c>outputTokens</c>), reasoning included.</summary>
    public int OutputTokens { get; set; }

    /// <summary>All tokens of the call as Bedrock counts them (<c>totalTokens</c>): input, output and cache tokens.</summary>
    public int TotalTokens { get; set; }

    /// <summary>Input tokens read from the prompt cache (prompt caching); null when the model reported none.</summary>
    public int? CacheReadInputTokens { get; set; }

    /// <summary>Input tokens written to the prompt cache at a cache point; null when the model reported none.</summary>
    public int? CacheWriteInputTokens { get; set; }

    /// <summary>Cache-write tokens by time-to-live (<c>cacheDetails</c>); null when the model reported none.</summary>
    public List<CacheDetail>? CacheDetails { get; set; }

    /// <summary>
    /// An estimate, not a bill: the cost in USD of these tokens at the model catalog's on-demand list prices for the
    /// model, its endpoint (base id, geographic or global profile) and the client's region. Null when the catalog has
    /// no such price or lacks a rate the usage needs (cache reads, cache writes), when the call was billed at other
    /// than standard prices (latency-optimized, a service tier), or when the client does not estimate costs. On a
    /// prompt's result, the sum over every call it made, and null if any of them has no estimate. Model tokens only:
    /// guardrails, knowledge bases and other charges are not included. Not on the wire.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal? EstimatedCostUsd { get; set; }
}
