using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>
/// What a Converse request asks of the model: the members that per-model rules, rule conditions and default replies
/// look at. Read leniently, so it can be built from any body; it is meaningful once the body passed validation.
/// </summary>
internal sealed class ConverseFeatures
{
    public static readonly ConverseFeatures None = new();

    public bool HasSystem { get; private init; }

    public bool HasToolConfig { get; private init; }

    /// <summary><c>auto</c>, <c>any</c> or <c>tool</c>; null when the request has no <c>toolChoice</c>.</summary>
    public string? ToolChoice { get; private init; }

    /// <summary>The tool named by <c>toolChoice.tool</c>; null otherwise.</summary>
    public string? ForcedToolName { get; private init; }

    /// <summary>True for <c>toolChoice</c> <c>any</c> or <c>tool</c>: the model must call a tool.</summary>
    public bool IsToolUseForced => ToolChoice is "any" or "tool";

    /// <summary>The <c>toolSpec</c> tools in order, with their input schemas.</summary>
    public IReadOnlyList<(string Name, JsonElement? InputSchema)> Tools { get; private init; } = [];

    public bool HasOutputConfig { get; private init; }

    /// <summary>The JSON schema text of <c>outputConfig.textFormat.structure.jsonSchema.schema</c>.</summary>
    public string? OutputSchema { get; private init; }

    public int MessageCount { get; private init; }

    /// <summary>The <c>toolResult</c> blocks of the last message, in order.</summary>
    public IReadOnlyList<EmulatorToolResult> LastToolResults { get; private init; } = [];

    public bool HasImages { get; private init; }

    public bool HasDocuments { get; private init; }

    public bool HasVideo { get; private init; }

    public long? MaxTokens { get; private init; }

    /// <summary>What the request asks of the service beyond the prompt: guardrail, cache points, latency, tier, metadata.</summary>
    public InvocationOptions Options { get; private init; } = InvocationOptions.None;

    /// <summary>The last user message's content blocks, in order.</summary>
    public IReadOnlyList<RecordedContentBlock> UserContent { get; private init; } = [];

    public static ConverseFeatures From(JsonElement root)
    {
        JsonElement? toolConfig = Member(root, "toolConfig");
        JsonElement? toolChoice = toolConfig is { } config ? Member(config, "toolChoice") : null;
        string? choice = toolChoice is { ValueKind: JsonValueKind.Object } union
            ? union.EnumerateObject().Where(member => member.Value.ValueKind != JsonValueKind.Null).Select(member => member.Name).FirstOrDefault()
            : null;
        List<JsonElement> blocks = ContentBlocks(root).ToList();

        return new ConverseFeatures
        {
            HasSystem = Member(root, "system") is { ValueKind: JsonValueKind.Array } system && system.GetArrayLength() > 0,
            HasToolConfig = toolConfig is not null,
            ToolChoice = choice,
            ForcedToolName = choice == "tool" && Path(toolChoice, "tool", "name") is { ValueKind: JsonValueKind.String } name ? name.GetString() : null,
            Tools = ToolsOf(toolConfig),
            HasOutputConfig = Member(root, "outputConfig") is not null,
            OutputSchema = Path(Member(root, "outputConfig"), "textFormat", "structure", "jsonSchema", "schema") is { ValueKind: JsonValueKind.String } schema
                ? schema.GetString()
                : null,
            MessageCount = Member(root, "messages") is { ValueKind: JsonValueKind.Array } messages ? messages.GetArrayLength() : 0,
            LastToolResults = ToolResultsOfLastMessage(root),
            HasImages = blocks.Any(block => Member(block, "image") is not null),
            HasDocuments = blocks.Any(block => Member(block, "document") is not null),
            HasVideo = blocks.Any(block => Member(block, "video") is not null),
            MaxTokens = Path(Member(root, "inferenceConfig"), "maxTokens") is { ValueKind: JsonValueKind.Number } max && max.TryGetInt64(out long tokens)
                ? tokens
                : null,
            Options = InvocationOptions.From(root),
            UserContent = UserContentReader.Read(root),
        };
    }

    private static IReadOnlyList<(string Name, JsonElement? InputSchema)> ToolsOf(JsonElement? toolConfig)
    {
        if (toolConfig is not { ValueKind: JsonValueKind.Object } config || Member(config, "tools") is not { ValueKind: JsonValueKind.Array } tools)
        {
            return [];
        }

        return tools.EnumerateArray()
            .Select(tool => Member(tool, "toolSpec"))
            .Where(spec => Path(spec, "name") is { ValueKind: JsonValueKind.String })
            .Select(spec => (Path(spec, "name")!.Value.GetString()!, Path(spec, "inputSchema", "json")))
            .ToList();
    }

    private static IReadOnlyList<EmulatorToolResult> ToolResultsOfLastMessage(JsonElement root)
    {
        if (Member(root, "messages") is not { ValueKind: JsonValueKind.Array } messages || messages.GetArrayLength() == 0
            || Member(messages[messages.GetArrayLength() - 1], "content") is not { ValueKind: JsonValueKind.Array } content)
        {
            return [];
        }

        var results = new List<EmulatorToolResult>();
        foreach (JsonElement block in content.EnumerateArray())
        {
            if (Member(block, "toolResult") is not { ValueKind: JsonValueKind.Object } result
                || Member(result, "toolUseId") is not { ValueKind: JsonValueKind.String } id)
            {
                continue;
            }

            var parts = new List<string>();
            if (Member(result, "content") is { ValueKind: JsonValueKind.Array } inner)
            {
                foreach (JsonElement part in inner.EnumerateArray())
                {
                    if (Member(part, "text") is { ValueKind: JsonValueKind.String } text)
                    {
                        parts.Add(text.GetString()!);
                    }
                    else if (Member(part, "json") is { } json)
                    {
                        parts.Add(json.GetRawText());
                    }
                }
            }

            string? status = Member(result, "status") is { ValueKind: JsonValueKind.String } given ? given.GetString() : null;
            results.Add(new EmulatorToolResult(id.GetString()!, status, string.Join("\n", parts)));
        }

        return results;
    }

    /// <summary>Every object content block of every message, tool results' nested blocks included.</summary>
    private static IEnumerable<JsonElement> ContentBlocks(JsonElement root)
    {
        if (Member(root, "messages") is not { ValueKind: JsonValueKind.Array } messages)
        {
            yield break;
        }

        foreach (JsonElement message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object || Member(message, "content") is not { ValueKind: JsonValueKind.Array } content)
            {
                continue;
            }

            foreach (JsonElement block in content.EnumerateArray().Where(block => block.ValueKind == JsonValueKind.Object))
            {
                yield return block;
                if (Path(block, "toolResult", "content") is { ValueKind: JsonValueKind.Array } nested)
                {
                    foreach (JsonElement inner in nested.EnumerateArray().Where(inner => inner.ValueKind == JsonValueKind.Object))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private static JsonElement? Member(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object ? ConverseRequestValidator.Member(parent, name) : null;

    private static JsonElement? Path(JsonElement? start, params string[] names)
    {
        JsonElement? current = start;
        foreach (string name in names)
        {
            current = current is { } element ? Member(element, name) : null;
        }

        return current;
    }
}
