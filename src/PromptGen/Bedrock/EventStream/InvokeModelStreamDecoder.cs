using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using PromptGen.Bedrock.Errors;

namespace PromptGen.Bedrock.EventStream;

/// <summary>
/// Turns one decoded event-stream message of an <c>InvokeModelWithResponseStream</c> response into the chunk it
/// carries (union <c>ResponseStream</c>, wire spec §5): a <c>chunk</c> event's payload is <c>{"bytes":"&lt;base64&gt;"}</c>,
/// whose bytes are the model's native chunk. Exception and error frames become the same typed exceptions as in a
/// ConverseStream (<see cref="ConverseStreamEventDecoder"/>); an event type this version does not know is skipped
/// (null), as the union may grow.
/// </summary>
internal static class InvokeModelStreamDecoder
{
    public const string ChunkEventType = "chunk";

    private static ReadOnlySpan<byte> BytesMember => "bytes"u8;

    /// <returns>The chunk's bytes; null for an event type to skip.</returns>
    public static byte[]? Decode(EventStreamMessage message, long offset, string? requestId, RequestSecretRedactor redactor)
    {
        string? messageType = message.GetString(EventStreamMessage.MessageTypeHeader);
        if (messageType != "event")
        {
            // Throws: the typed exception of an exception or error frame, or InvalidEvent for anything else.
            ConverseStreamEventDecoder.Decode(message, offset, requestId, redactor);
            throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, $"a frame has the unexpected message type '{messageType}'", offset, requestId);
        }

        string? eventType = message.GetString(EventStreamMessage.EventTypeHeader);
        if (eventType is null)
        {
            throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, "an event frame has no ':event-type' header", offset, requestId);
        }

        return eventType == ChunkEventType ? ReadChunk(message.Payload, offset, requestId) : null;
    }

    /// <summary>The decoded <c>bytes</c> member of a chunk payload; other members (such as padding) are ignored.</summary>
    internal static byte[] ReadChunk(byte[] payload, long offset, string? requestId)
    {
        byte[]? bytes = null;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid("is not a JSON object", offset, requestId);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isBytes = reader.ValueTextEquals(BytesMember);
                reader.Read();
                if (isBytes)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw Invalid("has a 'bytes' member that is not a string", offset, requestId);
                    }

                    bytes = DecodeBase64(ref reader) ?? throw Invalid("has a 'bytes' member that is not valid base64", offset, requestId);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw Invalid("is not one JSON object", offset, requestId);
            }
        }
        catch (JsonException e)
        {
            throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, $"the 'chunk' event's payload is not valid JSON: {e.Message}", offset, requestId, e);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader accepts a member name or string holding invalid UTF-8 or an escaped lone surrogate, and
            // throws when the text is compared or unescaped (found by the invoke-stream fuzz target).
            throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, $"the 'chunk' event's payload holds text that is not valid UTF-8 or UTF-16: {e.Message}", offset, requestId, e);
        }

        return bytes ?? throw Invalid("has no 'bytes' member", offset, requestId);
    }

    private static byte[]? DecodeBase64(ref Utf8JsonReader reader)
    {
        // The value is plain base64 (no escapes in practice); an escaped one is unescaped first.
        byte[]? rented = null;
        ReadOnlySpan<byte> text;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            rented = ArrayPool<byte>.Shared.Rent(length);
            int written = reader.CopyString(rented);
            text = rented.AsSpan(0, written);
        }
        else
        {
            text = reader.ValueSpan;
        }

        try
        {
            byte[] decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
            OperationStatus status = Base64.DecodeFromUtf8(text, decoded, out int consumed, out int written);
            if (status != OperationStatus.Done || consumed != text.Length)
            {
                return null;
            }

            return written == decoded.Length ? decoded : decoded.AsSpan(0, written).ToArray();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static BedrockEventStreamException Invalid(string problem, long offset, string? requestId) =>
        EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, $"the 'chunk' event's payload {problem}", offset, requestId);
}
