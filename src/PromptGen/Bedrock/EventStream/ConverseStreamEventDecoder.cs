using PromptGen.Bedrock.Errors;

namespace PromptGen.Bedrock.EventStream;

/// <summary>
/// Turns one decoded event-stream message of a <c>ConverseStream</c> response into a typed event, or into the
/// exception it carries: <c>:message-type exception</c> becomes the same <see cref="BedrockServiceException"/>
/// subclass Converse raises for that code, <c>:message-type error</c> likewise by its <c>:error-code</c>.
/// </summary>
internal static class ConverseStreamEventDecoder
{
    public static ConverseStreamEvent Decode(EventStreamMessage message, long offset, string? requestId, RequestSecretRedactor redactor)
    {
        string? messageType = message.GetString(EventStreamMessage.MessageTypeHeader);
        switch (messageType)
        {
            case "event":
                return DecodeEvent(message, offset, requestId);
            case "exception":
                {
                    string? exceptionType = message.GetString(EventStreamMessage.ExceptionTypeHeader);
                    string? code = ToErrorCode(exceptionType);
                    BedrockErrorResponse error = BedrockErrorResponse.Parse(code ?? "", message.Payload, reasonPhrase: null);
                    throw BedrockErrorFactory.Create(StreamErrorStatus.ForCode(error.Code), requestId, error, redactor);
                }

            case "error":
                {
                    string? code = message.GetString(EventStreamMessage.ErrorCodeHeader);
                    var error = BedrockErrorResponse.FromCodeAndMessage(code, message.GetString(EventStreamMessage.ErrorMessageHeader));
                    throw BedrockErrorFactory.Create(StreamErrorStatus.ForCode(error.Code), requestId, error, redactor);
                }

            default:
                throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent,
                    messageType is null ? "a frame has no ':message-type' header" : $"a frame has the unknown message type '{messageType}'",
                    offset, requestId);
        }
    }

    /// <summary>In-stream exception types are camelCase members of the stream union; error codes are PascalCase.</summary>
    internal static string? ToErrorCode(string? exceptionType) =>
        string.IsNullOrEmpty(exceptionType) ? null : char.ToUpperInvariant(exceptionType[0]) + exceptionType[1..];

    private static ConverseStreamEvent DecodeEvent(EventStreamMessage message, long offset, string? requestId)
    {
        string? eventType = message.GetString(EventStreamMessage.EventTypeHeader);
        BedrockJsonContext context = BedrockJsonContext.Default;
        ConverseStreamEvent decoded = eventType switch
        {
            MessageStartEvent.Name => EventPayloads.Read(message, context.MessageStartEvent, eventType, offset, requestId),
            ContentBlockStartEvent.Name => EventPayloads.Read(message, context.ContentBlockStartEvent, eventType, offset, requestId),
            ContentBlockDeltaEvent.Name => EventPayloads.Read(message, context.ContentBlockDeltaEvent, eventType, offset, requestId),
            ContentBlockStopEvent.Name => EventPayloads.Read(message, context.ContentBlockStopEvent, eventType, offset, requestId),
            MessageStopEvent.Name => EventPayloads.Read(message, context.MessageStopEvent, eventType, offset, requestId),
            ConverseStreamMetadataEvent.Name => EventPayloads.Read(message, context.ConverseStreamMetadataEvent, eventType, offset, requestId),
            null => throw EventStreamFrame.Error(EventStreamErrorKind.InvalidEvent, "an event frame has no ':event-type' header", offset, requestId),
            _ => new UnknownConverseStreamEvent(eventType, EventPayloads.TryParse(message.Payload)),
        };
        decoded.RequestId = requestId;
        return decoded;
    }
}
