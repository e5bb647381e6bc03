using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PromptGen.CompilerServices;

/// <summary>
/// What a function tool returned, as a tool result for the model. MCP client tools return a plain answer as
/// Microsoft.Extensions.AI contents, and anything else as the server's <c>CallToolResult</c> in JSON (<c>content</c>
/// blocks, <c>structuredContent</c>, <c>isError</c>): its error flag becomes an error result carrying the server's own
/// text for the model, its structured content a JSON result, its text blocks a text result. Any other value is sent
/// as text (a string) or JSON.
/// </summary>
internal static class FunctionResults
{
    public static ToolOutput ToOutput(AIFunction function, object? result) => result switch
    {
        null => ToolOutput.Done(),
        string text => ToolOutput.Text(text),
        JsonElement element => FromJson(function.Name, element),
        AIContent content => ToolOutput.Text(TextOf([content])),
        IEnumerable<AIContent> contents => ToolOutput.Text(TextOf(contents)),
        _ => FromJson(function.Name, JsonSerializer.SerializeToElement(result, function.JsonSerializerOptions.GetTypeInfo(result.GetType()))),
    };

    /// <summary>
    /// Contents as MCP client tools return a plain answer: texts as they are, anything else named by its kind (a model
    /// reading a tool result cannot use raw bytes).
    /// </summary>
    private static string TextOf(IEnumerable<AIContent> contents) => string.Join("\n", contents.Select(content => content switch
    {
        TextContent text => text.Text,
        DataContent data => $"[{data.MediaType} content, {data.Data.Length} bytes]",
        UriContent uri => $"[{uri.MediaType} at {uri.Uri}]",
        _ => $"[{content.GetType().Name}]",
    }));

    private static ToolOutput FromJson(string name, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return ToolOutput.Text(element.GetString());
        }

        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return ToolOutput.Done();
        }

        if (!IsCallToolResult(element, out JsonElement content))
        {
            return ToolOutput.Json(writer => element.WriteTo(writer));
        }

        string text = TextOf(content);
        if (element.TryGetProperty("isError", out JsonElement isError) && isError.ValueKind == JsonValueKind.True)
        {
            return ToolOutput.Error(text.Length > 0 ? text : $"The tool '{name}' reported an error.");
        }

        if (element.TryGetProperty("structuredContent", out JsonElement structured) && structured.ValueKind == JsonValueKind.Object)
        {
            return ToolOutput.Json(writer => structured.WriteTo(writer));
        }

        return text.Length > 0 || content.GetArrayLength() == 0
            ? ToolOutput.Text(text)
            : ToolOutput.Json(writer => content.WriteTo(writer));
    }

    /// <summary>An object whose <c>content</c> is an array of typed blocks: the shape of MCP's <c>CallToolResult</c>.</summary>
    private static bool IsCallToolResult(JsonElement element, out JsonElement content)
    {
        content = default;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("content", out content)
            || content.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (JsonElement block in content.EnumerateArray())
        {
            if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty("type", out JsonElement type) || type.ValueKind != JsonValueKind.String)
            {
                return false;
            }
        }

        return true;
    }

    private static string TextOf(JsonElement content)
    {
        var texts = new List<string>();
        foreach (JsonElement block in content.EnumerateArray())
        {
            if (block.GetProperty("type").ValueEquals("text") && block.TryGetProperty("text", out JsonElement text) && text.ValueKind == JsonValueKind.String)
            {
                texts.Add(text.GetString()!);
            }
        }

        return string.Join("\n", texts);
    }
}
