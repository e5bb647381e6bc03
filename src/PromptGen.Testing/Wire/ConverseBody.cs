using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>
/// A Converse body read leniently: the texts that rules match on are pulled out even from requests that will be refused,
/// so a recorded refusal still shows what was asked.
/// </summary>
internal sealed class ConverseBody
{
    private ConverseBody(JsonElement? root, string? problem)
    {
        Root = root;
        Problem = problem;
    }

    /// <summary>The body's JSON object; null when the body is not one (see <see cref="Problem"/>).</summary>
    public JsonElement? Root { get; }

    public string? Problem { get; }

    public string? SystemText { get; private init; }

    public string? UserText { get; private init; }

    /// <summary>What the request asks of the model (tools, structured output, media, limits).</summary>
    public ConverseFeatures Features { get; private init; } = ConverseFeatures.None;

    /// <summary>The length of every text block of the request, system included: the base for emulated input tokens.</summary>
    public int InputTextLength { get; private init; }

    public static ConverseBody Parse(byte[] body)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return new ConverseBody(null, $"the body is not valid JSON ({exception.Message})");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ConverseBody(null, $"the body must be a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}");
        }

        try
        {
            List<string> systemTexts = TextsOf(ConverseRequestValidator.Member(root, "system"));
            List<JsonElement> messages = Messages(root);
            JsonElement? lastUser = messages.LastOrDefault(m => RoleOf(m) == "user") is { ValueKind: JsonValueKind.Object } found ? found : null;
            List<string> userTexts = lastUser is { } user ? TextsOf(ConverseRequestValidator.Member(user, "content")) : new List<string>();

            return new ConverseBody(root, null)
            {
                SystemText = systemTexts.Count == 0 ? null : string.Join('\n', systemTexts),
                UserText = userTexts.Count == 0 ? null : string.Join('\n', userTexts),
                Features = ConverseFeatures.From(root),
                InputTextLength = systemTexts.Sum(t => t.Length)
                    + messages.Sum(m => TextsOf(ConverseRequestValidator.Member(m, "content")).Sum(t => t.Length)),
            };
        }
        catch (InvalidOperationException)
        {
            // A string or member name whose bytes (or \u escapes, a lone surrogate) are not valid UTF-8 once unescaped;
            // found by the knowledge-bases fuzz target through the citable-document reader.
            return new ConverseBody(null, "the body holds a string that is not valid UTF-8");
        }
    }

    private static List<JsonElement> Messages(JsonElement root) =>
        ConverseRequestValidator.Member(root, "messages") is { ValueKind: JsonValueKind.Array } messages
            ? messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object).ToList()
            : new List<JsonElement>();

    private static string? RoleOf(JsonElement message) =>
        ConverseRequestValidator.Member(message, "role") is { ValueKind: JsonValueKind.String } role ? role.GetString() : null;

    /// <summary>The string <c>text</c> members of a list of union blocks; anything malformed is skipped.</summary>
    private static List<string> TextsOf(JsonElement? blocks)
    {
        var texts = new List<string>();
        if (blocks is not { ValueKind: JsonValueKind.Array } list)
        {
            return texts;
        }

        foreach (JsonElement block in list.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object
                && ConverseRequestValidator.Member(block, "text") is { ValueKind: JsonValueKind.String } text)
            {
                texts.Add(text.GetString()!);
            }
        }

        return texts;
    }
}
