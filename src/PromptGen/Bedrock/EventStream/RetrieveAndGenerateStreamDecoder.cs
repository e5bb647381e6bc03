using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PromptGen.Bedrock.Errors;

namespace PromptGen.Bedrock.EventStream;

/// <summary>
/// Turns one decoded event-stream message of a <c>RetrieveAndGenerateStream</c> answer into its typed event. Exception
/// and error frames become the same typed exceptions as in a ConverseStream (through
/// <see cref="ConverseStreamEventDecoder"/>, the one place that maps them); an event type this version does not know
/// arrives as <see cref="UnknownRetrieveAndGenerateStreamEvent"/>, as the union may grow.
/// </summary>
internal static class RetrieveAndGenerateStreamDecoder
{
    public static RetrieveAndGenerateStreamEvent Decode(EventStreamMessage message, long offset, string? requestId, string? sessionId, RequestSecretRedactor redactor)
    {
        string? messageType = message.GetString(EventStreamMessage.MessageTypeHeader);
        if (messageType != "event")
        {
            // Throws: the typed exception of an exception or error frame, or InvalidEvent for anything else.
            ConverseStreamEventDecoder.Decode(message, offset, requestId, redactor);
            throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, $"a frame has the unexpected message type '{messageType}'", offset, requestId);
        }

        string? eventType = message.GetString(EventStreamMessage.EventTypeHeader);
        KnowledgeBaseJsonContext context = KnowledgeBaseJsonContext.Default;
        RetrieveAndGenerateStreamEvent decoded = eventType switch
        {
            RetrieveAndGenerateOutputEvent.Name => Read(message, context.RetrieveAndGenerateOutputEvent, eventType, offset, requestId),
            RetrieveAndGenerateCitationEvent.Name => Read(message, context.RetrieveAndGenerateCitationEvent, eventType, offset, requestId),
            RetrieveAndGenerateGuardrailEvent.Name => Read(message, context.RetrieveAndGenerateGuardrailEvent, eventType, offset, requestId),
            null => throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, "an event frame has no ':event-type' header", offset, requestId),
            _ => new UnknownRetrieveAndGenerateStreamEvent(eventType, TryParse(message.Payload)),
        };

        // The members the API marks required, and no null entries where the reader of the whole answer refuses them too.
        string? problem = decoded switch
        {
            RetrieveAndGenerateOutputEvent { Text: null } => "an 'output' event without 'text'",
            RetrieveAndGenerateCitationEvent { RetrievedReferences: { } references } when references.Contains(null!) => "a 'citation' event with a null retrieved reference",
            RetrieveAndGenerateCitationEvent { Citation.RetrievedReferences: { } references } when references.Contains(null!) => "a 'citation' event with a null retrieved reference",
            _ => null,
        };
        if (problem is not null)
        {
            throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, problem, offset, requestId);
        }

        decoded.RequestId = requestId;
        decoded.SessionId = sessionId;
        return decoded;
    }

    private static T Read<T>(EventStreamMessage message, JsonTypeInfo<T> typeInfo, string eventType, long offset, string? requestId)
        where T : RetrieveAndGenerateStreamEvent
    {
        try
        {
            return JsonSerializer.Deserialize(message.Payload, typeInfo)
                ?? throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, $"the '{eventType}' event's payload is null", offset, requestId);
        }
        catch (JsonException e)
        {
            throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, $"the '{eventType}' event's payload is not valid JSON for it: {e.Message}", offset, requestId, e);
        }
        catch (InvalidOperationException e)
        {
            // Text that is not valid UTF-8 or UTF-16 surfaces here from the reader (as the invoke-stream fuzz target found).
            throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, $"the '{eventType}' event's payload holds text that is not valid UTF-8 or UTF-16: {e.Message}", offset, requestId, e);
        }
    }

    private static JsonElement? TryParse(byte[] payload)
    {
        if (payload.Length == 0)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(payload);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
