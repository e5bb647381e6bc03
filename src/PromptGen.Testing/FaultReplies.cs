using System;
using PromptGen.Testing.Scripting;

namespace PromptGen.Testing;

// Fault injection: replies that fail at the transport level, and Retry-After on error replies.
public sealed partial class EmulatorReply
{
    /// <summary>The transport failure this reply injects; <see cref="EmulatorFault.None"/> for an ordinary answer.</summary>
    public EmulatorFault Fault { get; private init; }

    /// <summary>The <c>Retry-After</c> an error reply sends (whole seconds, rounded up); null for none.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>The body length of a <see cref="EmulatorFault.LargeBody"/> reply in bytes; null for a body that never ends.</summary>
    public long? BodyLength { get; private init; }

    /// <summary>Whether a <see cref="EmulatorFault.LargeBody"/> reply announces its length in <c>Content-Length</c>.</summary>
    public bool AnnouncesLength { get; private init; }

    /// <summary>
    /// A 200 Converse answer of exactly <paramref name="length"/> bytes (its text padded with <c>x</c>), or with a
    /// null length one that never ends; to <c>ConverseStream</c>, one text-delta frame of that length. See
    /// <see cref="EmulatorFault.LargeBody"/>.
    /// </summary>
    /// <param name="length">The body (or frame) length in bytes; null for no end.</param>
    /// <param name="announceLength">Send <c>Content-Length</c> (ignored without a length: such a body is chunked).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is too short for the JSON around the padding.</exception>
    public static EmulatorReply LargeText(long? length, bool announceLength = true) =>
        FromText("x").WithLargeBody(length, announceLength, LargeBodyResponder.MinimumAnswerLength);

    /// <summary>
    /// An error response of exactly <paramref name="length"/> bytes (its message padded with <c>x</c>), or with a
    /// null length one that never ends. See <see cref="EmulatorFault.LargeBody"/>.
    /// </summary>
    /// <param name="code">The error code, as for <see cref="FromError"/>.</param>
    /// <param name="status">The HTTP status, 400 to 599.</param>
    /// <param name="length">The body length in bytes; null for no end.</param>
    /// <param name="announceLength">Send <c>Content-Length</c> (ignored without a length: such a body is chunked).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is too short for the JSON around the padding.</exception>
    public static EmulatorReply LargeError(string code, int status, long? length, bool announceLength = true) =>
        FromError(code, status, "x").WithLargeBody(length, announceLength, LargeBodyResponder.MinimumErrorLength);

    /// <summary>Closes the connection without any response.</summary>
    public static EmulatorReply DropConnection() =>
        new(null, StopReasons.EndTurn, null, null, null, 0, null) { Fault = EmulatorFault.DropConnection };

    /// <summary>Starts the text answer <paramref name="text"/> with its full length announced, sends half, and closes the connection.</summary>
    public static EmulatorReply TruncatedText(string text) => FromText(text).With(EmulatorFault.TruncatedBody, retryAfter: null);

    /// <summary>
    /// A <c>ThrottlingException</c> (429) as Bedrock sends it, optionally with <c>Retry-After</c>.
    /// </summary>
    public static EmulatorReply Throttling(TimeSpan? retryAfter = null) =>
        FromError("ThrottlingException", 429, "Too many requests, please wait before trying again.").WithRetryAfter(retryAfter);

    /// <summary>This error reply with a <c>Retry-After</c> header; null removes it.</summary>
    /// <exception cref="InvalidOperationException">This is not an error reply.</exception>
    public EmulatorReply WithRetryAfter(TimeSpan? retryAfter)
    {
        if (!IsError)
        {
            throw new InvalidOperationException("Only an error reply can carry Retry-After.");
        }

        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After cannot be negative.");
        }

        return With(Fault, retryAfter);
    }

    private EmulatorReply WithLargeBody(long? length, bool announceLength, int minimum)
    {
        if (length < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"The body needs at least {minimum} bytes for the JSON around the padding.");
        }

        return With(EmulatorFault.LargeBody, RetryAfter, length, announceLength && length is not null);
    }

    private EmulatorReply With(EmulatorFault fault, TimeSpan? retryAfter) => With(fault, retryAfter, BodyLength, AnnouncesLength);

    private EmulatorReply With(EmulatorFault fault, TimeSpan? retryAfter, long? bodyLength, bool announcesLength) =>
        new(Text, StopReason, InputTokens, OutputTokens, ErrorCode, ErrorStatus, ErrorMessage)
        {
            IsToolUse = IsToolUse,
            ToolName = ToolName,
            ToolInputJson = ToolInputJson,
            ToolCalls = ToolCalls,
            ToolPreamble = ToolPreamble,
            Fault = fault,
            RetryAfter = retryAfter,
            BodyLength = bodyLength,
            AnnouncesLength = announcesLength,
        };
}
