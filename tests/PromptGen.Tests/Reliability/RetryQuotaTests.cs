using System;
using System.Net;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Retries;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;
using static PromptGen.Tests.Reliability.RetryTestClients;

namespace PromptGen.Tests.Reliability;

/// <summary>The standard-mode token bucket: retries spend, successes earn, an empty bucket stops retrying.</summary>
public sealed class RetryQuotaTests
{
    [Fact]
    public async Task Empty_quota_raises_retryable_errors_without_retrying()
    {
        var clock = new StepClock();
        BedrockOptions options = Options(clock);
        options.Retry.RetryQuotaCapacity = 10;
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException"));
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        // The first call spends the whole bucket on its two retries (5 tokens each).
        Task<ConverseResponse> first = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync();
        await clock.FireNextTimerAsync();
        var firstError = await Assert.ThrowsAsync<BedrockThrottlingException>(() => first.WaitAsync(TimeSpan.FromSeconds(10)));
        var secondError = await Assert.ThrowsAsync<BedrockThrottlingException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Equal(3, firstError.Attempts);
        Assert.False(firstError.RetryQuotaExhausted);
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(1, secondError.Attempts);
        Assert.True(secondError.RetryQuotaExhausted);
        Assert.EndsWith("(not retried: the client's retry quota is used up)", secondError.Message);
    }

    [Fact]
    public async Task Quota_running_out_mid_call_stops_that_call()
    {
        var clock = new StepClock();
        BedrockOptions options = Options(clock);
        options.Retry.RetryQuotaCapacity = 7;
        CapturingHandler handler = Sequence(() => Error(HttpStatusCode.InternalServerError, "InternalServerException"));
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync();
        var error = await Assert.ThrowsAsync<BedrockInternalServerException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(2, error.Attempts);
        Assert.True(error.RetryQuotaExhausted);
        Assert.EndsWith("(gave up after 2 attempts: the client's retry quota is used up)", error.Message);
    }

    [Fact]
    public async Task Success_after_a_retry_returns_its_tokens_and_first_time_success_earns_one()
    {
        var clock = new StepClock();
        BedrockOptions options = Options(clock);
        options.Retry.RetryQuotaCapacity = 10;
        int sent = 0;
        var handler = new CapturingHandler((_, _) => Task.FromResult(++sent is 1 or 3 or 4 ? Error((HttpStatusCode)429, "ThrottlingException") : Ok()));
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        // Call 1: throttled once then fine; the 5 tokens come back, so the bucket is full again.
        Task<ConverseResponse> first = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        // Call 2: throttled twice, spending all 10; its success on attempt 3 returns 5.
        Task<ConverseResponse> second = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync();
        await clock.FireNextTimerAsync();
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, sent);
        Assert.Equal(5, RetryQuotaOf(client));
        await client.ConverseAsync(ModelId, TestClients.HiRequest());
        Assert.Equal(6, RetryQuotaOf(client));
    }

    [Fact]
    public void Bucket_never_exceeds_its_capacity_and_never_goes_negative()
    {
        var quota = new RetryQuota(10);

        quota.Release(100);
        Assert.Equal(10, quota.Available);
        Assert.True(quota.TryAcquire(RetryQuota.TimeoutRetryCost));
        Assert.False(quota.TryAcquire(RetryQuota.RetryCost));
        Assert.Equal(0, quota.Available);
    }

    [Fact]
    public async Task Quota_off_retries_regardless()
    {
        var clock = new StepClock();
        BedrockOptions options = Options(clock);
        options.Retry.RetryQuotaCapacity = 0;
        options.Retry.UseRetryQuota = false;
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException"), Ok);
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync();
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, handler.Requests.Count);
    }

    private static int RetryQuotaOf(BedrockRuntimeClient client) => client.RetryQuotaAvailable ?? throw new InvalidOperationException("quota off");
}
