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
}
