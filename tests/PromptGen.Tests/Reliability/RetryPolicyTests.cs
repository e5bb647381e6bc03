using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Retries;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;
using static PromptGen.Tests.Reliability.RetryTestClients;

namespace PromptGen.Tests.Reliability;

/// <summary>Which failures are retried, how often, and what the caller gets when retrying ends.</summary>
public sealed class RetryPolicyTests
{
    [Fact]
    public async Task Throttled_call_is_retried_and_every_attempt_is_signed_afresh()
    {
        var clock = new StepClock();
        CapturingHandler handler = Sequence(
            () => Error((HttpStatusCode)429, "ThrottlingException"),
            () => Error((HttpStatusCode)429, "ThrottlingException"),
            Ok);
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        TimeSpan firstWait = await clock.FireNextTimerAsync();
        TimeSpan secondWait = await clock.FireNextTimerAsync();
        ConverseResponse response = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Hello", response.GetOutputText());
        // Full jitter with the test's jitter of 0.5: half of 2 s, then half of 4 s.
        Assert.Equal(TimeSpan.FromSeconds(1), firstWait);
        Assert.Equal(TimeSpan.FromSeconds(2), secondWait);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"], handler.Requests.Select(r => r.Header("amz-sdk-request")));
        Assert.Single(handler.Requests.Select(r => r.Header("amz-sdk-invocation-id")).Distinct());
        Assert.Equal(["20250115T120000Z", "20250115T120001Z", "20250115T120003Z"], handler.Requests.Select(r => r.Header("X-Amz-Date")));
        Assert.Equal(3, handler.Requests.Select(r => r.Header("Authorization")).Distinct().Count());
    }

    public static TheoryData<string, int, Type> RetryableErrors => new()
    {
        { "ThrottlingException", 429, typeof(BedrockThrottlingException) },
        { "ServiceUnavailableException", 503, typeof(BedrockServiceUnavailableException) },
        { "InternalServerException", 500, typeof(BedrockInternalServerException) },
        { "ModelNotReadyException", 429, typeof(BedrockModelNotReadyException) },
        { "SomeGatewayError", 502, typeof(BedrockServiceException) },
        { "SomeGatewayError", 504, typeof(BedrockServiceException) },
        { "SomeFutureThrottle", 429, typeof(BedrockServiceException) },
    };

    [Theory]
    [MemberData(nameof(RetryableErrors))]
    public async Task Retryable_error_is_retried_until_max_attempts_and_the_last_one_is_raised(string code, int status, Type expectedType)
    {
        var clock = new StepClock();
        int sent = 0;
        var handler = new CapturingHandler((_, _) =>
        {
            int attempt = System.Threading.Interlocked.Increment(ref sent);
            HttpResponseMessage response = Error((HttpStatusCode)status, code);
            response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "req-" + attempt);
            return Task.FromResult(response);
        });
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync();
        await clock.FireNextTimerAsync();
        var error = await Assert.ThrowsAnyAsync<BedrockServiceException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.IsType(expectedType, error);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, error.Attempts);
        Assert.Equal("req-3", error.RequestId);
        Assert.EndsWith("(gave up after 3 attempts)", error.Message);
        Assert.False(error.RetryQuotaExhausted);
    }

    public static TheoryData<string, int> NonRetryableErrors => new()
    {
        { "ValidationException", 400 },
        { "AccessDeniedException", 403 },
        { "ResourceNotFoundException", 404 },
        { "ModelTimeoutException", 408 },
        { "ModelErrorException", 424 },
        { "ServiceQuotaExceededException", 400 },
        { "ConflictException", 400 },
        { "UnrecognizedClientException", 403 },
        { "ExpiredTokenException", 403 },
        { "SomethingUnknown", 400 },
    };

    [Theory]
    [MemberData(nameof(NonRetryableErrors))]
    public async Task Validation_access_and_authentication_errors_are_not_retried(string code, int status)
    {
        var clock = new StepClock();
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)status, code), Ok);
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);

        var error = await Assert.ThrowsAnyAsync<BedrockServiceException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Equal(code, error.ErrorCode);
        Assert.Single(handler.Requests);
        Assert.Equal(1, error.Attempts);
        Assert.DoesNotContain("attempts", error.Message);
    }

    [Fact]
    public async Task Unusable_success_body_is_not_retried()
    {
        var clock = new StepClock();
        CapturingHandler handler = Sequence(() => CapturingHandler.Json(HttpStatusCode.OK, """{"output":"""), Ok);
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);

        await Assert.ThrowsAsync<BedrockResponseException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Transport_failures_are_retried()
    {
        var clock = new StepClock();
        int sent = 0;
        var handler = new CapturingHandler((_, _) => ++sent switch
        {
            1 => throw new HttpRequestException("Connection refused (bedrock-runtime.us-east-1.amazonaws.com:443)"),
            2 => throw new System.IO.IOException("The response ended prematurely."),
            _ => Task.FromResult(Ok()),
        });
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync();
        await clock.FireNextTimerAsync();
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Exhausted_transport_failures_raise_the_last_connection_error_with_the_attempt_count()
    {
        var clock = new StepClock();
        var handler = new CapturingHandler((_, _) => throw new HttpRequestException("Connection refused"));
        using BedrockRuntimeClient client = TestClients.Create(Options(clock, maxAttempts: 2), handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync();
        var error = await Assert.ThrowsAsync<BedrockConnectionException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(2, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Contains("(gave up after 2 attempts)", error.Message);
    }

    [Fact]
    public async Task Max_attempts_of_one_sends_once()
    {
        var clock = new StepClock();
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException"), Ok);
        using BedrockRuntimeClient client = TestClients.Create(Options(clock, maxAttempts: 1), handler);

        var error = await Assert.ThrowsAsync<BedrockThrottlingException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Equal("attempt=1; max=1", handler.Single.Header("amz-sdk-request"));
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task Retry_after_in_seconds_sets_the_wait()
    {
        var clock = new StepClock();
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException", retryAfter: "7"), Ok);
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        TimeSpan wait = await clock.FireNextTimerAsync();
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_as_a_date_sets_the_wait()
    {
        var clock = new StepClock();
        string date = clock.GetUtcNow().AddSeconds(12).ToString("r");
        CapturingHandler handler = Sequence(() => Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException", retryAfter: date), Ok);
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        TimeSpan wait = await clock.FireNextTimerAsync();
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(12), wait);
    }

    [Fact]
    public async Task Retry_after_longer_than_max_delay_is_raised_at_once_with_the_wait()
    {
        var clock = new StepClock();
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException", retryAfter: "120"), Ok);
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);

        var error = await Assert.ThrowsAsync<BedrockThrottlingException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Single(handler.Requests);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
    }

    [Theory]
    [InlineData(0, 0.0, 0)]
    [InlineData(0, 0.999, 999)]
    [InlineData(1, 0.5, 1000)]
    [InlineData(3, 1.0, 8000)]
    [InlineData(5, 1.0, 20000)]
    [InlineData(40, 0.25, 5000)]
    [InlineData(int.MaxValue, 1.0, 20000)]
    public void Full_jitter_is_uniform_below_a_doubling_capped_ceiling(int retryIndex, double random, int expectedMilliseconds)
    {
        TimeSpan delay = FullJitter.Delay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), retryIndex, random);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
    }

    [Fact]
    public void Defaults_follow_the_standard_retry_mode()
    {
        var options = new BedrockOptions();

        Assert.Equal(3, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Retry.MaxDelay);
        Assert.True(options.Retry.UseRetryQuota);
        Assert.Equal(500, options.Retry.RetryQuotaCapacity);
        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, options.Retry.AttemptTimeout);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retry.MaxAttempts = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retry.BaseDelay = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retry.AttemptTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentNullException>(() => options.Retry = null!);
    }

    [Fact]
    public async Task Retry_settings_are_copied_when_the_client_is_built()
    {
        var clock = new StepClock();
        BedrockOptions options = Options(clock, maxAttempts: 1);
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException"), Ok);
        using BedrockRuntimeClient client = TestClients.Create(options, handler);
        options.Retry.MaxAttempts = 5;

        await Assert.ThrowsAsync<BedrockThrottlingException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Single(handler.Requests);
    }
}
