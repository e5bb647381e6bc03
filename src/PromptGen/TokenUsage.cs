using System.Collections.Generic;
using PromptGen.Bedrock;

namespace PromptGen;

public sealed class TokenUsage
{
    public int InputTokens { get; set; }

    public int OutputTokens { get; set; }

    public int TotalTokens { get; set; }

    /// <summary>Input tokens read from the prompt cache (prompt caching); null when the model reported none.</summary>
    public int? CacheReadInputTokens { get; set; }

    /// <summary>Input tokens written to the prompt cache at a cache point.</summary>

    public int? CacheWriteInputTokens { get; set; }

    /// <summary>Cache-write tokens by time-to-live.</summary>
    public List<CacheDetail>? CacheDetails { get; set; }
}
