namespace PromptGen.Bedrock;

/// <summary>
/// A <c>cachePoint</c> block: marks the end of a prompt prefix Bedrock may cache (prompt caching). It can follow the
/// system prompt (<see cref="SystemContentBlock.CachePoint"/>), the tools (<see cref="Tool.CachePoint"/>) or any
/// content block of a message, e.g. a long document (<see cref="ContentBlock.CachePoint"/>). A later request with
/// the same prefix reads it from the cache: <see cref="TokenUsage.CacheReadInputTokens"/>.
/// </summary>
public sealed class CachePointBlock
{
    /// <summary>The one value Bedrock defines for <see cref="Type"/>.</summary>
    public const string DefaultType = "default";

    public string Type { get; set; } = DefaultType;

    /// <summary>How long the cached prefix lives: one of <see cref="CacheTtls"/>; null is the model's default (5 minutes).</summary>
    public string? Ttl { get; set; }
}

/// <summary>The values of <see cref="CachePointBlock.Ttl"/> and <see cref="CacheDetail.Ttl"/>.</summary>
public static class CacheTtls
{
    public const string FiveMinutes = "5m";
    public const string OneHour = "1h";
}

/// <summary>Cache tokens of one time-to-live (usage <c>cacheDetails</c>).</summary>
public sealed class CacheDetail
{
    public string Ttl { get; set; } = "";

    public int InputTokens { get; set; }
}
