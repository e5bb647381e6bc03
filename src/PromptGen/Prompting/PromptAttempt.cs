using System;
using System.Collections.Generic;
using PromptGen.Bedrock;

namespace PromptGen.Prompting;

/// <summary>One call to the model within a structured prompt, and what was wrong with its answer.</summary>
public sealed class PromptAttempt
{
    public PromptAttempt(int number, string rawOutput, IReadOnlyList<ResultError> errors, TokenUsage? usage, string? stopReason)
    {
        Number = number;
        RawOutput = rawOutput;
        Errors = errors ?? Array.Empty<ResultError>();
        Usage = usage;
        StopReason = stopReason;
    }

    /// <summary>1 for the first call, 2 for the first repair...</summary>
    public int Number { get; }

    /// <summary>The model's answer as it came: its text, or the JSON input of its tool call.</summary>
    public string RawOutput { get; }

    /// <summary>Empty when the attempt produced the result.</summary>
    public IReadOnlyList<ResultError> Errors { get; }

    public TokenUsage? Usage { get; }

    public string? StopReason { get; }
}
