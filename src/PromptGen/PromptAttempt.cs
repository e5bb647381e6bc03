using System;
using System.Collections.Generic;

namespace PromptGen;

/// <summary>
/// One call to a model within a prompt: a structured prompt's first call or a repair, a plain-text call, or a call
/// that failed and made the prompt fall back to its next model.
/// </summary>
public sealed class PromptAttempt
{
    /// <summary>Records one call, e.g. to build a <see cref="PromptResult{T}"/> in a test double of a prompt interface.</summary>
    /// <param name="number">1 for the prompt's first call, 2 for the next, and so on.</param>
    /// <param name="text">The answer as it came; empty when the call failed.</param>
    /// <param name="errors">What was wrong with the answer; null or empty when nothing was.</param>
    /// <param name="usage">The tokens the call used, when it reported them.</param>
    /// <param name="stopReason">Why the model stopped, when the call answered.</param>
    public PromptAttempt(int number, string text, IReadOnlyList<ResultError> errors, TokenUsage? usage, StopReason? stopReason)
    {
        Number = number;
        Text = text;
        Errors = errors ?? Array.Empty<ResultError>();
        Usage = usage;
        StopReason = stopReason;
    }

    /// <summary>1 for the first call, 2 for the next (a repair, or the first call of a fallback model)...</summary>
    public int Number { get; }

    /// <summary>The model's answer as it came: its text, or the JSON input of its tool call; empty when the call failed.</summary>
    public string Text { get; }

    /// <summary>What was wrong with the answer; empty when the attempt produced the result (or the call itself failed).</summary>
    public IReadOnlyList<ResultError> Errors { get; }

    /// <summary>The tokens this call used; null when it failed before Bedrock reported usage.</summary>
    public TokenUsage? Usage { get; }

    /// <summary>Why the model stopped (end of turn, token limit, tool use…); null when the call failed.</summary>
    public StopReason? StopReason { get; }

    /// <summary>The model id, inference profile or ARN this attempt called.</summary>
    public string ModelId { get; init; } = "";

    /// <summary>The <c>x-amzn-RequestId</c> of the call's response, when the client knew it.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// The error the call raised (after the client's own retries), when it failed and the prompt fell back to its
    /// next model; null for a call that answered.
    /// </summary>
    public Exception? Failure { get; init; }
}
