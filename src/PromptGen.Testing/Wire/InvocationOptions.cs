using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>
/// The invocation options of a Converse request as the emulator answers them: the guardrail (for an intervention's
/// trace), the cacheable prefix (for cache usage), the latency and tier to echo, and the thinking budget.
/// Read leniently; meaningful once the body passed validation.
/// </summary>
internal sealed class InvocationOptions
{
    public static readonly InvocationOptions None = new();

    public string? GuardrailIdentifier { get; private init; }

    public string? GuardrailVersion { get; private init; }

    /// <summary><c>enabled</c>, <c>enabled_full</c> or <c>disabled</c>; null when not sent.</summary>
    public string? GuardrailTrace { get; private init; }

    public bool HasGuardrail => GuardrailIdentifier is not null;

    public bool WantsGuardrailTrace => GuardrailTrace is "enabled" or "enabled_full";

    public string? Latency { get; private init; }

    public string? ServiceTier { get; private init; }

    public IReadOnlyDictionary<string, string> RequestMetadata { get; private init; } = new Dictionary<string, string>();

    /// <summary>
    /// The request up to its last cache point, in the order Bedrock caches (tools, system, messages), as raw JSON;
    /// null when the request has no cache point.
    /// </summary>
    public string? CachedPrefix { get; private init; }

    /// <summary>The number of cache points in the request.</summary>
    public int CachePointCount { get; private init; }

    /// <summary><c>additionalModelRequestFields.thinking.budget_tokens</c> when thinking is <c>enabled</c> (Claude).</summary>
    public long? ThinkingBudget { get; private init; }

    public static InvocationOptions From(JsonElement root)
    {
        JsonElement? guardrail = Member(root, "guardrailConfig");
        (string? prefix, int cachePoints) = CachePrefix(root);
        JsonElement? thinking = Member(Member(root, "additionalModelRequestFields"), "thinking");
        return new InvocationOptions
        {
            GuardrailIdentifier = StringOf(Member(guardrail, "guardrailIdentifier")),
            GuardrailVersion = StringOf(Member(guardrail, "guardrailVersion")),
            GuardrailTrace = StringOf(Member(guardrail, "trace")),
            Latency = StringOf(Member(Member(root, "performanceConfig"), "latency")),
            ServiceTier = StringOf(Member(Member(root, "serviceTier"), "type")),
            RequestMetadata = Member(root, "requestMetadata") is { ValueKind: JsonValueKind.Object } metadata
                ? metadata.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
                : new Dictionary<string, string>(),
            CachedPrefix = prefix,
            CachePointCount = cachePoints,
            ThinkingBudget = StringOf(Member(thinking, "type")) == "enabled"
                && Member(thinking, "budget_tokens") is { ValueKind: JsonValueKind.Number } budget && budget.TryGetInt64(out long tokens)
                    ? tokens
                    : null,
        };
    }

    private static (string? Prefix, int CachePoints) CachePrefix(JsonElement root)
    {
        var prefix = new StringBuilder();
        int cachedLength = -1;
        int cachePoints = 0;
        foreach (JsonElement block in Blocks(root))
        {
            if (Member(block, "cachePoint") is not null)
            {
                cachePoints++;
                cachedLength = prefix.Length;
            }
            else
            {
                prefix.Append(block.GetRawText());
            }
        }

        return (cachedLength < 0 ? null : prefix.ToString(0, cachedLength), cachePoints);
    }

    /// <summary>Tool, system and message content blocks in cache order.</summary>
    private static IEnumerable<JsonElement> Blocks(JsonElement root)
    {
        foreach (JsonElement tool in Items(Member(Member(root, "toolConfig"), "tools")))
        {
            yield return tool;
        }

        foreach (JsonElement block in Items(Member(root, "system")))
        {
            yield return block;
        }

        foreach (JsonElement message in Items(Member(root, "messages")))
        {
            foreach (JsonElement block in Items(Member(message, "content")))
            {
                yield return block;
            }
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement? list) =>
        list is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object) : Enumerable.Empty<JsonElement>();

    private static JsonElement? Member(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } element ? ConverseRequestValidator.Member(element, name) : null;

    private static string? StringOf(JsonElement? value) => value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
}
