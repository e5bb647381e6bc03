using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;
using static PromptGen.Tests.Reliability.RetryTestClients;

namespace PromptGen.Tests.Reliability;

/// <summary>Per-attempt and overall limits under retries; the caller's cancellation always wins, at once.</summary>
public sealed class RetryTimeoutAndCancellationTests
{
    [Fact]
    public async Task Attempt_that_hangs_past_the_attempt_timeout_is_retried()
    {
        var clock = new StepClock();
        BedrockOptions options = Options(clock);
        options.Retry.AttemptTimeout = TimeSpan.FromSeconds(30);
        int sent = 0;
        var handler = new CapturingHandler(async (_, token) =>
        {
            if (Interlocked.Increment(ref sent) == 1)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return Ok();
        });
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        Assert.Equal(TimeSpan.FromSeconds(30), await clock.FireNextTimerAsync()); // attempt 1's limit
        Assert.Equal(TimeSpan.FromSeconds(1), await clock.FireNextTimerAsync());  // back-off
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, sent);
    }

    [Fact]
    public async Task Every_attempt_timing_out_is_a_timeout_exception_naming_the_attempt_limit()
    {
        var clock = new StepClock();
        BedrockOptions options = Options(clock, maxAttempts: 2);
        options.Retry.AttemptTimeout = TimeSpan.FromSeconds(30);
        var handler = new CapturingHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Ok();
        });
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync();
        await clock.FireNextTimerAsync();
        await clock.FireNextTimerAsync();
        var error = await Assert.ThrowsAsync<BedrockTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(TimeSpan.FromSeconds(30), error.Timeout);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Overall_timeout_during_back_off_keeps_the_last_error_as_the_cause()
    {
        var clock = new StepClock();
        BedrockOptions options = Options(clock);
        options.Timeout = TimeSpan.FromSeconds(10);
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException", retryAfter: "15"));
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        Assert.Equal(TimeSpan.FromSeconds(10), await clock.NextTimerAsync()); // overall
        Assert.Equal(TimeSpan.FromSeconds(15), await clock.NextTimerAsync()); // back-off from Retry-After
        clock.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<BedrockTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(TimeSpan.FromSeconds(10), error.Timeout);
        Assert.Equal(1, error.Attempts);
        Assert.IsType<BedrockThrottlingException>(error.InnerException!.InnerException);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_during_back_off_ends_the_call_at_once_with_the_callers_token()
    {
        var clock = new StepClock();
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException"), Ok);
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);
        using var cancellation = new CancellationTokenSource();

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest(), cancellation.Token);
        await clock.NextTimerAsync(); // in back-off; fake time never moves
        cancellation.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_during_an_attempt_is_not_retried()
    {
        var clock = new StepClock();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new CapturingHandler(async (_, token) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            return Ok();
        });
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);
        using var cancellation = new CancellationTokenSource();

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest(), cancellation.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cancellation.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Supplied_HttpClient_timeout_counts_as_a_transient_attempt_failure()
    {
        var clock = new StepClock();
        int sent = 0;
        var handler = new CapturingHandler(async (_, token) =>
        {
            if (Interlocked.Increment(ref sent) == 1)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return Ok();
        });
        using var httpClient = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(200) };
        using var client = new BedrockRuntimeClient(Options(clock), httpClient, TestClients.Environment());

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync(); // back-off after HttpClient's own (real-time) timeout
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, sent);
    }
}
