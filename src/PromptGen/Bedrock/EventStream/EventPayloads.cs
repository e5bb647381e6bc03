using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PromptGen.Bedrock.EventStream;

/// <summary>
/// Reads the JSON payload of one event of a decoded event stream, for every stream the client reads: a payload that
/// does not fit its event is a typed <see cref="EventStreamErrorKind.InvalidEvent"/> error at its offset, never an
/// untyped exception.
/// </summary>
internal static class EventPayloads
{
    public static T Read<T>(EventStreamMessage message, JsonTypeInfo<T> typeInfo, string eventType, long offset, string? requestId)
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

    /// <summary>The payload of an event type the client does not know, kept as JSON when it is JSON.</summary>
    public static JsonElement? TryParse(byte[] payload)
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
