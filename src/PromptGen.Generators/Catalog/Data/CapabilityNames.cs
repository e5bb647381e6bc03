using System.Collections.Generic;

namespace PromptGen.Generators.Catalog.Data;

/// <summary>The names catalog files give <see cref="ModelCapabilities"/> flags (camelCase, as in models.schema.json).</summary>
internal static class CapabilityNames
{
    private static readonly KeyValuePair<string, ModelCapabilities>[] Names =
    {
        new("converse", ModelCapabilities.Converse),
        new("converseStream", ModelCapabilities.ConverseStream),
        new("systemPrompt", ModelCapabilities.SystemPrompt),
        new("toolUse", ModelCapabilities.ToolUse),
        new("forcedToolChoice", ModelCapabilities.ForcedToolChoice),
        new("streamingToolUse", ModelCapabilities.StreamingToolUse),
        new("nativeStructuredOutput", ModelCapabilities.NativeStructuredOutput),
        new("images", ModelCapabilities.Images),
        new("documents", ModelCapabilities.Documents),
        new("video", ModelCapabilities.Video),
        new("reasoning", ModelCapabilities.Reasoning),
    };

    /// <summary>Every name, in flag order.</summary>
    public static IEnumerable<string> All
    {
        get
        {
            foreach (KeyValuePair<string, ModelCapabilities> name in Names)
            {
                yield return name.Key;
            }
        }
    }

    public static ModelCapabilities? Parse(string name)
    {
        foreach (KeyValuePair<string, ModelCapabilities> pair in Names)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The names of the flags set in <paramref name="flags"/>, in flag order.</summary>
    public static IEnumerable<string> Of(ModelCapabilities flags)
    {
        foreach (KeyValuePair<string, ModelCapabilities> pair in Names)
        {
            if ((flags & pair.Value) == pair.Value)
            {
                yield return pair.Key;
            }
        }
    }
}
