namespace PromptGen;

/// <summary>What was wrong with a <c>ConverseStream</c> event stream; see <see cref="BedrockEventStreamException"/>.</summary>
public enum EventStreamErrorKind
{
    /// <summary>The CRC-32 of a frame's first 8 bytes does not match its prelude checksum.</summary>
    PreludeChecksumMismatch,

    /// <summary>The CRC-32 of a frame does not match its message checksum.</summary>
    MessageChecksumMismatch,

    /// <summary>The lengths in a frame's prelude are impossible (shorter than a frame, headers longer than the frame).</summary>
    InvalidLength,

    /// <summary>A frame is longer than the client accepts; it was not read into memory.</summary>
    MessageTooLarge,

    /// <summary>A header is malformed: unknown value type, a length past the header block, invalid UTF-8.</summary>
    InvalidHeader,

    /// <summary>The stream ended inside a frame, or before the message was complete.</summary>
    Truncated,

    /// <summary>An event's payload is not the JSON its event type requires.</summary>
    InvalidEvent,

    /// <summary>The response is not an event stream at all.</summary>
    NotAnEventStream,
}

/// <summary>
/// A <c>ConverseStream</c> response could not be read as an <c>application/vnd.amazon.eventstream</c> stream:
/// a checksum failed, a frame was malformed, too large or cut short. The events before the faulty frame were
/// delivered; nothing after it is trusted.
/// </summary>
public sealed class BedrockEventStreamException : BedrockException
{
    /// <summary>Creates the error for a stream that failed at <paramref name="streamOffset"/>.</summary>
    /// <param name="kind">What was wrong with the stream.</param>
    /// <param name="message">A description of the fault.</param>
    /// <param name="streamOffset">The byte offset in the response body of the frame that failed.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public BedrockEventStreamException(EventStreamErrorKind kind, string message, long streamOffset, System.Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StreamOffset = streamOffset;
    }

    /// <summary>What was wrong with the stream: a checksum, a length, a header, a truncation, an event's payload.</summary>
    public EventStreamErrorKind Kind { get; }

    /// <summary>The byte offset in the response body of the frame that failed.</summary>
    public long StreamOffset { get; }

    /// <summary>The <c>x-amzn-RequestId</c> of the response, when known.</summary>
    public string? RequestId { get; init; }
}
