using System;
using System.Linq;

namespace PromptGen.Testing;

/// <summary>What a <see cref="StreamFault"/> does once <see cref="StreamFault.AfterEvents"/> events have been sent.</summary>
public enum StreamFaultKind
{
    /// <summary>Send a modelled exception frame (<c>:message-type exception</c>) and end the stream.</summary>
    Exception,

    /// <summary>Send an unmodelled error frame (<c>:message-type error</c>) and end the stream.</summary>
    Error,

    /// <summary>Abort the connection (TCP reset on HTTP/1.1, RST_STREAM on HTTP/2) without ending the stream.</summary>
    CutConnection,

    /// <summary>Send the next event with one payload byte flipped, so its message checksum fails, then continue.</summary>
    CorruptFrame,

    /// <summary>Send nothing more and keep the connection open until the client gives up.</summary>
    Stall,
}

/// <summary>
/// A failure the emulator injects into a <c>ConverseStream</c> answer after a number of events, to test how
/// clients cope with errors that arrive after a 200.
/// </summary>
public sealed class StreamFault
{
    private StreamFault(StreamFaultKind kind, int afterEvents, string? code, string? message)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterEvents);
        Kind = kind;
        AfterEvents = afterEvents;
        Code = code;
        Message = message;
    }

    /// <summary>What happens.</summary>
    public StreamFaultKind Kind { get; }

    /// <summary>How many events are sent intact before the fault.</summary>
    public int AfterEvents { get; }

    /// <summary>The <c>:exception-type</c> (camelCase, e.g. <c>throttlingException</c>) or <c>:error-code</c>.</summary>
    public string? Code { get; }

    /// <summary>The exception's <c>message</c> or the <c>:error-message</c>.</summary>
    public string? Message { get; }

    /// <summary>
    /// A modelled exception, as Bedrock sends one mid-stream: <c>internalServerException</c>,
    /// <c>modelStreamErrorException</c>, <c>validationException</c>, <c>throttlingException</c> or
    /// <c>serviceUnavailableException</c> (any camelCase name is accepted).
    /// </summary>
    public static StreamFault Exception(string exceptionType, string message, int afterEvents)
    {
        RequireName(exceptionType, nameof(exceptionType));
        ArgumentNullException.ThrowIfNull(message);
        return new StreamFault(StreamFaultKind.Exception, afterEvents, exceptionType, message);
    }

    /// <summary>An unmodelled protocol error frame with <c>:error-code</c> and <c>:error-message</c>.</summary>
    public static StreamFault Error(string errorCode, string message, int afterEvents)
    {
        RequireName(errorCode, nameof(errorCode));
        ArgumentNullException.ThrowIfNull(message);
        return new StreamFault(StreamFaultKind.Error, afterEvents, errorCode, message);
    }

    /// <summary>Abort the connection after <paramref name="afterEvents"/> events.</summary>
    public static StreamFault CutConnection(int afterEvents) => new(StreamFaultKind.CutConnection, afterEvents, null, null);

    /// <summary>Corrupt the event after the first <paramref name="afterEvents"/> (its message checksum fails).</summary>
    public static StreamFault CorruptFrame(int afterEvents) => new(StreamFaultKind.CorruptFrame, afterEvents, null, null);

    /// <summary>Stop sending after <paramref name="afterEvents"/> events but keep the connection open.</summary>
    public static StreamFault Stall(int afterEvents) => new(StreamFaultKind.Stall, afterEvents, null, null);

    /// <inheritdoc />
    public override string ToString() => $"{Kind}{(Code is null ? "" : " " + Code)} after {AfterEvents} events";

    private static void RequireName(string value, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameter);
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"'{value}' cannot hold whitespace: it goes into an event-stream header.", parameter);
        }
    }
}
