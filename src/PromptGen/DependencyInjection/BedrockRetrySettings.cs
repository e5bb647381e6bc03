using System;

namespace PromptGen.DependencyInjection;

/// <summary>
/// Retry settings as configuration carries them (<c>"PromptGen": { "Retry": { "MaxAttempts": 5 } }</c>). Unset
/// values keep the client's defaults.
/// </summary>
public sealed class BedrockRetrySettings
{
    /// <summary>Attempts per call including the first; 1 turns retries off.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>The back-off base before the first retry; later retries wait exponentially longer (with jitter).</summary>
    public TimeSpan? BaseDelay { get; set; }

    /// <summary>The longest wait before a retry.</summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>The limit for one attempt; <see cref="BedrockOptions.Timeout"/> bounds the whole call.</summary>
    public TimeSpan? AttemptTimeout { get; set; }
}
