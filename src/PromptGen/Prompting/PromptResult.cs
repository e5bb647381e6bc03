using System.Collections.Generic;
using PromptGen.Bedrock;

namespace PromptGen.Prompting;

/// <summary>A typed result with what it took to get it.</summary>
public sealed class PromptResult<T>
{
    public PromptResult(T value, IReadOnlyList<PromptAttempt> attempts, TokenUsage usage, string? stopReason)
    {
        Value = value;
        Attempts = attempts;
        Usage = usage;
        StopReason = stopReason;
    }

    public T Value { get; }

    /// <summary>Every call made, in order; the last one produced <see cref="Value"/>.</summary>
    public IReadOnlyList<PromptAttempt> Attempts { get; }

    /// <summary>Tokens summed over all attempts, repairs included: what the result cost.</summary>
    public TokenUsage Usage { get; }

    /// <summary>The stop reason of the last attempt.</summary>
    public string? StopReason { get; }
}
