using System;

namespace PromptGen.Bedrock.Retries;

/// <summary>Exponential back-off with full jitter: a uniform wait in [0, min(base × 2^n, max)).</summary>
internal static class FullJitter
{
    // retryIndex: 0 before the first retry, 1 before the second; random: a sample in [0, 1).
    public static TimeSpan Delay(TimeSpan baseDelay, TimeSpan maxDelay, int retryIndex, double random)
    {
        // Doubles so large attempt counts saturate at maxDelay instead of overflowing.
        double ceilingTicks = Math.Min(baseDelay.Ticks * Math.Pow(2, Math.Min(retryIndex, 62)), maxDelay.Ticks);
        return TimeSpan.FromTicks((long)(ceilingTicks * Math.Clamp(random, 0, 1)));
    }
}
