using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>The JSON payloads of <c>ConverseStream</c> events (wire spec §4), in the order Bedrock sends them.</summary>
internal static class StreamEventBodies
{
    public static byte[] MessageStart() => Write(writer => writer.WriteString("role", "assistant"));

    public static byte[] ToolUseStart(int index, string toolUseId, string name) => Write(writer =>
    {
        writer.WriteNumber("contentBlockIndex", index);
        writer.WriteStartObject("start");
        writer.WriteStartObject("toolUse");
        writer.WriteString("toolUseId", toolUseId);
        writer.WriteString("name", name);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static byte[] TextDelta(int index, string text) => Write(writer =>
    {
        writer.WriteNumber("contentBlockIndex", index);
        writer.WriteStartObject("delta");
        writer.WriteString("text", text);
        writer.WriteEndObject();
    });

    public static byte[] ToolInputDelta(int index, string inputFragment) => Write(writer =>
    {
        writer.WriteNumber("contentBlockIndex", index);
        writer.WriteStartObject("delta");
        writer.WriteStartObject("toolUse");
        writer.WriteString("input", inputFragment);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static byte[] ReasoningDelta(int index, string? text, string? signature) => Write(writer =>
    {
        writer.WriteNumber("contentBlockIndex", index);
        writer.WriteStartObject("delta");
        writer.WriteStartObject("reasoningContent");
        if (text is not null)
        {
            writer.WriteString("text", text);
        }

        if (signature is not null)
        {
            writer.WriteString("signature", signature);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static byte[] BlockStop(int index) => Write(writer => writer.WriteNumber("contentBlockIndex", index));

    public static byte[] MessageStop(string stopReason) => Write(writer => writer.WriteString("stopReason", stopReason));

    public static byte[] Metadata(int inputTokens, int outputTokens, long latencyMs, AnswerExtras? extras = null) => Write(writer =>
    {
        extras ??= AnswerExtras.None;
        writer.WriteStartObject("usage");
        writer.WriteNumber("inputTokens", inputTokens);
        writer.WriteNumber("outputTokens", outputTokens);
        writer.WriteNumber("totalTokens", extras.TotalTokens(inputTokens, outputTokens));
        extras.WriteUsageMembers(writer);
        writer.WriteEndObject();
        writer.WriteStartObject("metrics");
        writer.WriteNumber("latencyMs", latencyMs);
        writer.WriteEndObject();
        extras.WriteTrailingMembers(writer);
    });

    public static byte[] ExceptionMessage(string message) => Write(writer => writer.WriteString("message", message));

    /// <summary>
    /// Cuts <paramref name="text"/> into pieces of <paramref name="size"/> characters, never between the two
    /// halves of a surrogate pair (a delta must be valid UTF-16 on its own to become valid UTF-8 JSON).
    /// </summary>
    public static IEnumerable<string> Chunks(string text, int size)
    {
        int start = 0;
        while (start < text.Length)
        {
            int end = System.Math.Min(start + size, text.Length);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end++;
            }

            yield return text[start..end];
            start = end;
        }
    }

    private static byte[] Write(System.Action<Utf8JsonWriter> writeMembers)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
