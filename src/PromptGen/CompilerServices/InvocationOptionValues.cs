using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using PromptGen.Bedrock;

namespace PromptGen.CompilerServices;

/// <summary>Builds the invocation options of generated prompt methods. Used by generated code; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class InvocationOptionValues
{
    /// <summary>Parses model request fields the generator has already checked to be a JSON object.</summary>
    public static JsonElement ParseFields(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The request metadata: <paramref name="constant"/> pairs, then <paramref name="perCall"/> pairs (which win);
    /// null when there are none, since Bedrock rejects an empty map.
    /// </summary>
    public static Dictionary<string, string>? Metadata(IReadOnlyList<KeyValuePair<string, string>>? constant, IReadOnlyDictionary<string, string>? perCall)
    {
        int count = (constant?.Count ?? 0) + (perCall?.Count ?? 0);
        if (count == 0)
        {
            return null;
        }

        var metadata = new Dictionary<string, string>(count, System.StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in constant ?? (IReadOnlyList<KeyValuePair<string, string>>)System.Array.Empty<KeyValuePair<string, string>>())
        {
            metadata[pair.Key] = pair.Value;
        }

        if (perCall is not null)
        {
            foreach (KeyValuePair<string, string> pair in perCall)
            {
                metadata[pair.Key] = pair.Value;
            }
        }

        return metadata;
    }

    /// <summary>The system member with a cache point after the text; null (no system prompt) when the text is empty.</summary>
    public static List<SystemContentBlock>? SystemWithCachePoint(string? text, CacheTtl? ttl = null) =>
        string.IsNullOrEmpty(text)
            ? null
            : new List<SystemContentBlock> { SystemContentBlock.FromText(text!), new() { CachePoint = new CachePointBlock { Ttl = ttl } } };

    /// <summary>A user turn holding <paramref name="text"/> then a cache point.</summary>
    public static Message UserWithCachePoint(string text, CacheTtl? ttl = null) =>
        new() { Role = ConversationRole.User, Content = { ContentBlock.FromText(text), ContentBlock.FromCachePoint(ttl) } };
}
