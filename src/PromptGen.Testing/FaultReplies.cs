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

    private EmulatorReply With(EmulatorFault fault, TimeSpan? retryAfter) =>
        new(Text, StopReason, InputTokens, OutputTokens, ErrorCode, ErrorStatus, ErrorMessage)
        {
            IsToolUse = IsToolUse,
            ToolName = ToolName,
            ToolInputJson = ToolInputJson,
            ToolCalls = ToolCalls,
            ToolPreamble = ToolPreamble,
            Fault = fault,
            RetryAfter = retryAfter,
        };
}
