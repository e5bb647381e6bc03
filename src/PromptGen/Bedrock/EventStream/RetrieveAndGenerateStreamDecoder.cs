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
            RetrieveAndGenerateOutputEvent.Name => EventPayloads.Read(message, context.RetrieveAndGenerateOutputEvent, eventType, offset, requestId),
            RetrieveAndGenerateCitationEvent.Name => EventPayloads.Read(message, context.RetrieveAndGenerateCitationEvent, eventType, offset, requestId),
            RetrieveAndGenerateGuardrailEvent.Name => EventPayloads.Read(message, context.RetrieveAndGenerateGuardrailEvent, eventType, offset, requestId),
            null => throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, "an event frame has no ':event-type' header", offset, requestId),
            _ => new UnknownRetrieveAndGenerateStreamEvent(eventType, EventPayloads.TryParse(message.Payload)),
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
}
