using System;
using System.Collections.Generic;

namespace PromptGen.Bedrock.EventStream;

/// <summary>One decoded event-stream frame: its headers in wire order and its payload.</summary>
internal sealed class EventStreamMessage(IReadOnlyList<EventStreamHeader> headers, byte[] payload)
{
    public const string MessageTypeHeader = ":message-type";
    public const string EventTypeHeader = ":event-type";
    public const string ExceptionTypeHeader = ":exception-type";
    public const string ContentTypeHeader = ":content-type";
    public const string ErrorCodeHeader = ":error-code";
    public const string ErrorMessageHeader = ":error-message";

    public IReadOnlyList<EventStreamHeader> Headers { get; } = headers;

    public byte[] Payload { get; } = payload;

    /// <summary>The value of the first string header called <paramref name="name"/>, or null.</summary>
    public string? GetString(string name)
    {
        foreach (EventStreamHeader header in Headers)
        {
            if (header.Value is string value && string.Equals(header.Name, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }
}
