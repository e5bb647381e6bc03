using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PromptGen.Testing.KnowledgeBases;

namespace PromptGen.Testing.Wire;

/// <summary>
/// Converse document citations, as the emulator answers them: when the last user turn holds documents with
/// <c>citations: {"enabled": true}</c> and some of them share a term with a text answer, the answer comes back as one
/// <c>citationsContent</c> block (its text, and one citation per such document, in request order) instead of a text
/// block; an answer that shares no term with them is plain text, as a model that cites nothing answers. Each
/// citation names the document (<c>title</c>), quotes its text (<c>sourceContent</c>) and locates it as
/// <c>documentChar</c> (document index among the turn's documents, characters 0 to its length). The shape is the
/// official SDK's (<c>CitationsContentBlock</c>, <c>Citation</c>, <c>CitationLocation.DocumentCharMember</c> in
/// @aws-sdk/client-bedrock-runtime) and AWS's
/// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_CitationsContentBlock.html; which spans a real
/// model cites is its own choice, so the emulator's rule (shared terms) is only a deterministic stand-in.
/// </summary>
internal sealed class DocumentCitations
{
    private readonly List<(int Index, string Title, string Text)> _documents;

    private DocumentCitations(List<(int Index, string Title, string Text)> documents)
    {
        _documents = documents;
    }

    /// <summary>The citable documents of the turn that <paramref name="answer"/> cites; null when it cites none.</summary>
    public static DocumentCitations? For(IReadOnlyList<RecordedContentBlock> userContent, string answer)
    {
        var answerTerms = new HashSet<string>(TextTerms.Of(answer), StringComparer.Ordinal);
        var documents = new List<(int, string, string)>();
        int index = 0;
        foreach (RecordedContentBlock block in userContent)
        {
            if (block.Kind != ContentKinds.Document)
            {
                continue;
            }

            if (block.CitationsEnabled)
            {
                string text = block.Text ?? (block.Bytes is { } bytes ? Encoding.UTF8.GetString(bytes.Span) : string.Empty);
                if (TextTerms.Of(text).Exists(answerTerms.Contains))
                {
                    documents.Add((index, block.Name ?? string.Empty, text));
                }
            }

            index++;
        }

        return documents.Count == 0 ? null : new DocumentCitations(documents);
    }

    /// <summary>Writes the answer's one content block (the object inside the <c>content</c> array).</summary>
    public void WriteBlock(Utf8JsonWriter writer, string answer)
    {
        writer.WriteStartObject("citationsContent");
        writer.WriteStartArray("content");
        writer.WriteStartObject();
        writer.WriteString("text", answer);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartArray("citations");
        foreach ((int index, string title, string text) in _documents)
        {
            writer.WriteStartObject();
            WriteCitationMembers(writer, index, title, text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The stream's form: one <c>contentBlockDelta</c> body per citation (<c>delta.citation</c>, the SDK's
    /// CitationsDelta), sent after the cited block's text deltas and before its stop.
    /// </summary>
    public IEnumerable<byte[]> DeltaBodies(int contentBlockIndex)
    {
        foreach ((int index, string title, string text) in _documents)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("contentBlockIndex", contentBlockIndex);
                writer.WriteStartObject("delta");
                writer.WriteStartObject("citation");
                WriteCitationMembers(writer, index, title, text);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            yield return buffer.WrittenSpan.ToArray();
        }
    }

    private static void WriteCitationMembers(Utf8JsonWriter writer, int index, string title, string text)
    {
        writer.WriteString("title", title);
        writer.WriteStartArray("sourceContent");
        writer.WriteStartObject();
        writer.WriteString("text", text);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("location");
        writer.WriteStartObject("documentChar");
        writer.WriteNumber("documentIndex", index);
        writer.WriteNumber("start", 0);
        writer.WriteNumber("end", text.Length);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
