using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PromptGen.Bedrock.Retries;

/// <summary>
/// Runs one Bedrock call through a Polly <see cref="ResiliencePipeline"/>: overall timeout, then standard-mode
/// retry (full-jitter back-off, <c>Retry-After</c>, retry quota), then the per-attempt timeout. Maps what comes
/// out to the client's typed exceptions: the last attempt's error with <see cref="BedrockException.Attempts"/>
/// set, <see cref="BedrockTimeoutException"/> for either time limit, or the caller's
/// <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>
/// A streaming call must run only the part before the first event through this pipeline: once content has
/// reached the caller, a retry would repeat it.
/// </remarks>
internal sealed class BedrockCallPipeline
{
    private static readonly ResiliencePropertyKey<CallState> StateKey = new("PromptGen.Bedrock.CallState");

    /// <summary>
    /// The longest wait a timer takes (about 49.7 days); a <c>Retry-After</c> or back-off past it is never waited
    /// for, whatever <see cref="BedrockRetryOptions.MaxDelay"/> says.
    /// </summary>
    internal static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly ResiliencePipeline _pipeline;
    private readonly BedrockRetryOptions _retry;
    private readonly RetryQuota? _quota;
    private readonly TimeSpan _overallTimeout;
    private readonly Uri _endpoint;

    public BedrockCallPipeline(BedrockRetryOptions retry, TimeSpan overallTimeout, TimeProvider timeProvider, Uri endpoint)
    {
        _retry = retry;
        _overallTimeout = overallTimeout;
        _endpoint = endpoint;
        _quota = retry.UseRetryQuota ? new RetryQuota(retry.RetryQuotaCapacity) : null;

        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (overallTimeout != Timeout.InfiniteTimeSpan)
        {
            // A generator rather than Timeout: Polly validates Timeout to at least 10 ms, ours may be shorter.
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = _ => new ValueTask<TimeSpan>(overallTimeout),
                OnTimeout = args =>
                {
                    args.Context.Properties.GetValue(StateKey, null!).OverallTimedOut = true;
                    return default;
                },
            });
        }

        if (retry.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxAttempts - 1,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.AttemptNumber, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(DelayBeforeRetry(args.Outcome.Exception, args.AttemptNumber)),
            });
        }

        if (retry.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            TimeSpan attemptTimeout = retry.AttemptTimeout;
            builder.AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = _ => new ValueTask<TimeSpan>(attemptTimeout) });
        }

        _pipeline = builder.Build();
    }

    /// <summary>Tokens left in the retry quota; null when the quota is off.</summary>
    internal int? QuotaAvailable => _quota?.Available;

    /// <summary>
    /// Calls <paramref name="attempt"/> (with the attempt number, the maximum and the attempt's token) until it
    /// succeeds or the policy gives up.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<int, int, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = new CallState();
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            T result = await _pipeline.ExecuteAsync(
                static async (ctx, s) =>
                {
                    CallState callState = s.State;
                    int number = Interlocked.Increment(ref callState.Attempts);
                    try
                    {
                        return await s.Attempt(number, s.MaxAttempts, ctx.CancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        callState.LastError = e;
                        throw;
                    }
                },
                context,
                (Attempt: attempt, MaxAttempts: _retry.MaxAttempts, State: state)).ConfigureAwait(false);

            RewardSuccess(state);
            return result;
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            // Canceled through a linked token: report it as the caller's, so ex.CancellationToken checks work.
            throw e.CancellationToken == cancellationToken ? e : new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            // The overall limit keeps the last attempt's error (if one failed before time ran out) as the cause.
            throw state.OverallTimedOut
                ? WithAttempts(new BedrockTimeoutException(_endpoint, _overallTimeout, state.LastError ?? e), state)
                : WithAttempts(new BedrockTimeoutException(_endpoint, _retry.AttemptTimeout, e), state);
        }
        catch (BedrockException e)
        {
            throw WithAttempts(e, state);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool ShouldRetry(Exception? error, int attemptNumber, ResilienceContext context)
    {
        // Polly asks about the last attempt too: decide nothing (and spend nothing) then.
        CallState state = context.Properties.GetValue(StateKey, null!);
        if (error is not null and not OperationCanceledException)
        {
            state.LastError = error;
        }

        if (error is null || attemptNumber + 1 >= _retry.MaxAttempts || context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (RetryClassifier.RetryCost(error) is not { } cost)
        {
            return false;
        }

        if (error is BedrockServiceException { RetryAfter: { } retryAfter } && (retryAfter > _retry.MaxDelay || retryAfter > LongestWait))
        {
            return false;
        }

        if (_quota is not null)
        {
            if (!_quota.TryAcquire(cost))
            {
                state.QuotaExhausted = true;
                return false;
            }

            state.LastRetryCost = cost;
        }

        return true;
    }

    private TimeSpan? DelayBeforeRetry(Exception? error, int attemptNumber)
    {
        TimeSpan delay = error is BedrockServiceException { RetryAfter: { } retryAfter }
            ? retryAfter
            : FullJitter.Delay(_retry.BaseDelay, _retry.MaxDelay, attemptNumber, _retry.Jitter());
        return delay > LongestWait ? LongestWait : delay;
    }

    private void RewardSuccess(CallState state)
    {
        if (_quota is null)
        {
            return;
        }

        _quota.Release(state.Attempts > 1 ? state.LastRetryCost : RetryQuota.SuccessReward);
    }

    private static BedrockException WithAttempts(BedrockException error, CallState state)
    {
        error.Attempts = Math.Max(1, Volatile.Read(ref state.Attempts));
        error.RetryQuotaExhausted = state.QuotaExhausted;
        return error;
    }

    private sealed class CallState
    {
        public int Attempts;
        public int LastRetryCost;
        public bool QuotaExhausted;
        public bool OverallTimedOut;
        public Exception? LastError;
    }
}
