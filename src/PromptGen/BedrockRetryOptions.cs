using System;

namespace PromptGen;

/// <summary>
/// How a <see cref="BedrockRuntimeClient"/> retries a failed call, following the AWS SDKs' "standard" retry mode:
/// throttling and transient errors are sent again after an exponential back-off with full jitter, up to
/// <see cref="MaxAttempts"/> attempts, while a per-client retry quota stops retries when most calls are failing.
/// </summary>
/// <remarks>
/// Retried: <c>ThrottlingException</c>, <c>ServiceUnavailableException</c>, <c>InternalServerException</c>,
/// <c>ModelNotReadyException</c>, any other HTTP 429/500/502/503/504, connection failures and attempt timeouts.
/// Never retried: validation, access, authentication and not-found errors, unusable 2xx answers, and the caller's
/// cancellation. Every attempt is built and signed afresh (a new SigV4 date) and carries
/// <c>amz-sdk-request: attempt=N; max=M</c>.
/// </remarks>
public sealed class BedrockRetryOptions
{
    /// <summary>Three attempts in all (one call and two retries), the AWS SDKs' standard-mode default.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>The standard-mode retry quota: 500 tokens per client.</summary>
    public const int DefaultRetryQuotaCapacity = 500;

    /// <summary>One second, the standard-mode back-off base.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>Twenty seconds, the standard-mode back-off cap.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(20);

    private int _maxAttempts = DefaultMaxAttempts;
    private TimeSpan _baseDelay = DefaultBaseDelay;
    private TimeSpan _maxDelay = DefaultMaxDelay;
    private TimeSpan _attemptTimeout = System.Threading.Timeout.InfiniteTimeSpan;
    private int _retryQuotaCapacity = DefaultRetryQuotaCapacity;

    /// <summary>Attempts per call including the first; 1 turns retries off. Defaults to <see cref="DefaultMaxAttempts"/>.</summary>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = value is >= 1 and <= 100
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxAttempts must be between 1 and 100.");
    }

    /// <summary>
    /// The back-off base: before retry <c>n</c> (1-based) the client waits a random time between zero and
    /// <c>min(BaseDelay × 2^(n-1), MaxDelay)</c> ("full jitter"). Defaults to <see cref="DefaultBaseDelay"/>.
    /// </summary>
    public TimeSpan BaseDelay
    {
        get => _baseDelay;
        set => _baseDelay = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "BaseDelay cannot be negative.");
    }

    /// <summary>
    /// The longest wait before a retry. Also the longest <c>Retry-After</c> the client waits for: an error asking
    /// for a longer pause is not retried but raised at once, with <see cref="BedrockServiceException.RetryAfter"/>
    /// set so the caller can reschedule. Defaults to <see cref="DefaultMaxDelay"/>.
    /// </summary>
    public TimeSpan MaxDelay
    {
        get => _maxDelay;
        set => _maxDelay = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDelay cannot be negative.");
    }

    /// <summary>
    /// The limit for one attempt, from signing to the last byte of the response; an attempt that exceeds it counts
    /// as a transient failure and is retried. Off (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/>) by
    /// default, because a long answer can legitimately take minutes; <see cref="BedrockOptions.Timeout"/>
    /// bounds the whole call, retries and back-off included.
    /// </summary>
    public TimeSpan AttemptTimeout
    {
        get => _attemptTimeout;
        set => _attemptTimeout = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The attempt timeout must be positive, or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>
    /// Whether retries draw on the client's retry quota (a token bucket shared by all calls of one client): a
    /// retry costs 5 tokens, or 10 after a timeout; a call that succeeds on its first attempt adds 1 back, one that
    /// succeeds after retries returns what its last retry took. With the bucket empty, failures are raised without
    /// retrying, so a failing service is not hammered. On by default.
    /// </summary>
    public bool UseRetryQuota { get; set; } = true;

    /// <summary>The size of the retry quota in tokens. Defaults to <see cref="DefaultRetryQuotaCapacity"/>.</summary>
    public int RetryQuotaCapacity
    {
        get => _retryQuotaCapacity;
        set => _retryQuotaCapacity = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "RetryQuotaCapacity cannot be negative.");
    }

    /// <summary>A copy, so a client keeps the values it was built with.</summary>
    internal BedrockRetryOptions Clone() => (BedrockRetryOptions)MemberwiseClone();

    /// <summary>The source of jitter in [0, 1); tests replace it to make back-off deterministic.</summary>
    internal Func<double> Jitter { get; set; } = Random.Shared.NextDouble;
}
