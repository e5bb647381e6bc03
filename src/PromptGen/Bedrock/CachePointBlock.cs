using System.Text.Json.Serialization;
using PromptGen.Bedrock.Serialization;

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

    /// <summary>The kind of cache point; <see cref="DefaultType"/> is the only one.</summary>
    public string Type { get; set; } = DefaultType;

    /// <summary>How long the cached prefix lives; null is the model's default (5 minutes).</summary>
    [JsonConverter(typeof(CacheTtlConverter))]
    public CacheTtl? Ttl { get; set; }
}

/// <summary>Cache tokens of one time-to-live (usage <c>cacheDetails</c>).</summary>
public sealed class CacheDetail
{
    /// <summary>The time-to-live of these tokens; null when Bedrock names one this version does not know.</summary>
    [JsonConverter(typeof(CacheTtlConverter))]
    public CacheTtl? Ttl { get; set; }

    /// <summary>Input tokens written to the cache with this time-to-live.</summary>
    public int InputTokens { get; set; }
}
