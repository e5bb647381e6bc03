using System;
using System.Linq;

namespace PromptGen.Testing;

/// <summary>What a script rule answers: either an assistant text or an error response.</summary>
public sealed class EmulatorReply
{
    private EmulatorReply(string? text, string stopReason, int? inputTokens, int? outputTokens, string? errorCode, int errorStatus, string? errorMessage)
    {
        Text = text;
        StopReason = stopReason;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        ErrorCode = errorCode;
        ErrorStatus = errorStatus;
        ErrorMessage = errorMessage;
    }

    /// <summary>The assistant text; null for an error reply.</summary>
    public string? Text { get; }

    /// <summary>The <c>stopReason</c> of a text reply.</summary>
    public string StopReason { get; }

    /// <summary>The reported input tokens; null derives them from the request's text length.</summary>
    public int? InputTokens { get; }

    /// <summary>The reported output tokens; null derives them from <see cref="Text"/>'s length.</summary>
    public int? OutputTokens { get; }

    /// <summary>The error code sent in <c>x-amzn-ErrorType</c>, e.g. <c>ThrottlingException</c>; null for a text reply.</summary>
    public string? ErrorCode { get; }

    /// <summary>The HTTP status of an error reply.</summary>
    public int ErrorStatus { get; }

    /// <summary>The <c>message</c> of an error reply.</summary>
    public string? ErrorMessage { get; }

    /// <summary>True for an error reply.</summary>
    public bool IsError => ErrorCode is not null;

    /// <summary>A successful Converse answer holding one text block.</summary>
    public static EmulatorReply FromText(string text, string stopReason = StopReasons.EndTurn, int? inputTokens = null, int? outputTokens = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(stopReason);
        if (inputTokens < 0 || outputTokens < 0)
        {
            throw new ArgumentOutOfRangeException(inputTokens < 0 ? nameof(inputTokens) : nameof(outputTokens), "Token counts cannot be negative.");
        }

        return new EmulatorReply(text, stopReason, inputTokens, outputTokens, null, 0, null);
    }

    /// <summary>An error response, sent as the wire spec §6 describes.</summary>
    /// <param name="code">The error code, e.g. <c>ThrottlingException</c>; no ':', ',' or whitespace, as it goes into a header.</param>
    /// <param name="status">An HTTP status from 400 to 599.</param>
    /// <param name="message">The body's <c>message</c>.</param>
    public static EmulatorReply FromError(string code, int status, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        if (code.Any(c => c is ':' or ',' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"The error code '{code}' cannot hold ':', ',' or whitespace: clients cut the header there.", nameof(code));
        }

        if (status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An error reply needs an HTTP status from 400 to 599.");
        }

        return new EmulatorReply(null, StopReasons.EndTurn, null, null, code, status, message);
    }
}
