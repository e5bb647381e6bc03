using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace PromptGen.Prompting;

/// <summary>What one prompt call has done so far, over every attempt and every model tried.</summary>
internal sealed class PromptRun
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public List<PromptAttempt> Attempts { get; } = new();

    public TokenUsageTotal Usage { get; } = new();

    /// <summary>Monotonic time since the prompt started (not the wall clock, which may jump).</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public int NextAttemptNumber => Attempts.Count + 1;
}
