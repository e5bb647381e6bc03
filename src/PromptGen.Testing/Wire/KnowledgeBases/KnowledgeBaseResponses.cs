using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using PromptGen.Testing.KnowledgeBases;

namespace PromptGen.Testing.Wire.KnowledgeBases;

/// <summary>A cited part of an answer: where it is (start and end offsets, end inclusive) and the passages behind it.</summary>
internal sealed record AnswerCitation(int Start, int End, string Text, IReadOnlyList<KnowledgeBaseChunk> References);

/// <summary>The JSON bodies of the emulator's Retrieve and RetrieveAndGenerate answers.</summary>
internal static class KnowledgeBaseResponses
{
    /// <summary>The header a RetrieveAndGenerateStream answer carries its session id in.</summary>
    public const string SessionIdHeader = "x-amzn-bedrock-knowledge-base-session-id";

    /// <summary>
    /// The frames of a RetrieveAndGenerateStream answer: <c>output</c> events of at most <paramref name="chunkSize"/>
    /// characters, then a <c>citation</c> event per cited part (in the current members, <c>generatedResponsePart</c> and
    /// <c>retrievedReferences</c>); at least one frame, as an empty answer still sends its one empty output event.
    /// </summary>
    public static List<byte[]> StreamEvents(string text, IReadOnlyList<AnswerCitation> citations, int chunkSize)
    {
        var frames = new List<byte[]>();
        foreach (string chunk in StreamEventBodies.Chunks(text, chunkSize))
        {
            frames.Add(EventStreamEncoder.Event("output", Write(writer => writer.WriteString("text", chunk))));
        }

        if (frames.Count == 0)
        {
            frames.Add(EventStreamEncoder.Event("output", Write(writer => writer.WriteString("text", ""))));
        }

        foreach (AnswerCitation citation in citations)
        {
            frames.Add(EventStreamEncoder.Event("citation", Write(writer => WriteCitationMembers(writer, citation))));
        }

        return frames;
    }

    public static byte[] Retrieve(IReadOnlyList<(KnowledgeBaseChunk Chunk, double Score)> hits) => Write(writer =>
    {
        writer.WriteStartArray("retrievalResults");
        foreach ((KnowledgeBaseChunk chunk, double score) in hits)
        {
            writer.WriteStartObject();
            WritePassage(writer, chunk);
            writer.WriteNumber("score", score);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static byte[] RetrieveAndGenerate(string sessionId, string text, IReadOnlyList<AnswerCitation> citations) => Write(writer =>
    {
        writer.WriteString("sessionId", sessionId);
        writer.WriteStartObject("output");
        writer.WriteString("text", text);
        writer.WriteEndObject();
        writer.WriteStartArray("citations");
        foreach (AnswerCitation citation in citations)
        {
            writer.WriteStartObject();
            WriteCitationMembers(writer, citation);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static void WriteCitationMembers(Utf8JsonWriter writer, AnswerCitation citation)
    {
        writer.WriteStartObject("generatedResponsePart");
        writer.WriteStartObject("textResponsePart");
        writer.WriteString("text", citation.Text);
        writer.WriteStartObject("span");
        writer.WriteNumber("start", citation.Start);
        writer.WriteNumber("end", citation.End);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("retrievedReferences");
        foreach (KnowledgeBaseChunk chunk in citation.References)
        {
            writer.WriteStartObject();
            WritePassage(writer, chunk);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WritePassage(Utf8JsonWriter writer, KnowledgeBaseChunk chunk)
    {
        writer.WriteStartObject("content");
        writer.WriteString("type", "TEXT");
        writer.WriteString("text", chunk.Text);
        writer.WriteEndObject();
        writer.WriteStartObject("location");
        writer.WriteString("type", "S3");
        writer.WriteStartObject("s3Location");
        writer.WriteString("uri", chunk.SourceUri);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("metadata");
        foreach (KeyValuePair<string, JsonElement> attribute in chunk.Metadata)
        {
            writer.WritePropertyName(attribute.Key);
            attribute.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static byte[] Write(System.Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
