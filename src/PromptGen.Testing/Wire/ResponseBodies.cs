using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>The JSON bodies the emulator sends (spec §3 for Converse, spec §6 for errors).</summary>
internal static class ResponseBodies
{
    public static byte[] ConverseOutput(string text, string stopReason, int inputTokens, int outputTokens, long latencyMs, AnswerExtras? extras = null) =>
        ConverseOutput(writer => writer.WriteString("text", text), stopReason, inputTokens, outputTokens, latencyMs, extras ?? AnswerExtras.None);

    /// <summary>A text answer to a turn with citable documents: one <c>citationsContent</c> block (see <see cref="DocumentCitations"/>).</summary>
    public static byte[] ConverseCitedOutput(string text, DocumentCitations citations, string stopReason, int inputTokens, int outputTokens, long latencyMs, AnswerExtras? extras = null) =>
        ConverseOutput(writer => citations.WriteBlock(writer, text), stopReason, inputTokens, outputTokens, latencyMs, extras ?? AnswerExtras.None);

    /// <summary>
    /// An answer holding an optional text block, then one <c>toolUse</c> block per call (parallel tool use); every
    /// input must be valid JSON.
    /// </summary>
    public static byte[] ConverseToolUses(string? preamble, System.Collections.Generic.IReadOnlyList<(string Id, string Name, string InputJson)> calls, string stopReason, int inputTokens, int outputTokens, long latencyMs, AnswerExtras? extras = null) =>
        ConverseOutputBlocks(
            writer =>
            {
                if (preamble is not null)
                {
                    writer.WriteStartObject();
                    writer.WriteString("text", preamble);
                    writer.WriteEndObject();
                }

                foreach ((string id, string name, string inputJson) in calls)
                {
                    writer.WriteStartObject();
                    writer.WriteStartObject("toolUse");
                    writer.WriteString("toolUseId", id);
                    writer.WriteString("name", name);
                    writer.WritePropertyName("input");
                    writer.WriteRawValue(inputJson);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }
            },
            stopReason,
            inputTokens,
            outputTokens,
            latencyMs,
            extras ?? AnswerExtras.None);

    private static byte[] ConverseOutput(System.Action<Utf8JsonWriter> writeBlock, string stopReason, int inputTokens, int outputTokens, long latencyMs, AnswerExtras extras) =>
        ConverseOutputBlocks(
            writer =>
            {
                writer.WriteStartObject();
                writeBlock(writer);
                writer.WriteEndObject();
            },
            stopReason,
            inputTokens,
            outputTokens,
            latencyMs,
            extras);

    private static byte[] ConverseOutputBlocks(System.Action<Utf8JsonWriter> writeBlocks, string stopReason, int inputTokens, int outputTokens, long latencyMs, AnswerExtras extras) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("output");
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            writer.WriteStartArray("content");
            if (extras.HasReasoning)
            {
                extras.WriteReasoningBlock(writer);
            }

            writeBlocks(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteString("stopReason", stopReason);
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
            writer.WriteEndObject();
        });

    public static byte[] Error(string message) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });

    private static byte[] Write(System.Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps quotes and apostrophes in messages readable; the bodies are never embedded in HTML.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
