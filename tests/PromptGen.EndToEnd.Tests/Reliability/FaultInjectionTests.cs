using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;
using static PromptGen.EndToEnd.Tests.Reliability.FaultClients;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>The client against the emulator's injected faults: what is retried, what is raised, what the emulator saw.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Throttled_twice_then_answered_is_one_successful_call_of_three_attempts()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Times(2).ReplyThrottling();
        emulator.Script.Always().ReplyText("finally");
        using BedrockRuntimeClient client = Create(emulator);

        ConverseResponse response = await client.ConverseAsync(ModelId, Ask("hello"));

        Assert.Equal("finally", response.GetOutputText());
        Assert.Equal([429, 429, 200], emulator.Requests.Select(r => r.ResponseStatus));
        Assert.Single(emulator.Requests.Select(r => r.Headers["amz-sdk-invocation-id"]).Distinct());
        Assert.Equal(["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"], emulator.Requests.Select(r => r.Headers["amz-sdk-request"]));
        Assert.All(emulator.Requests, r => Assert.True(r.SignatureValid));
    }

    [Theory]
    [InlineData("ServiceUnavailableException", 503)]
    [InlineData("InternalServerException", 500)]
    [InlineData("ModelNotReadyException", 429)]
    public async Task Failing_more_times_than_the_attempts_raises_the_typed_error_with_the_count(string code, int status)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Times(3).ReplyError(code, status, "injected");
        using BedrockRuntimeClient client = Create(emulator);

        var error = await Assert.ThrowsAnyAsync<BedrockServiceException>(() => client.ConverseAsync(ModelId, Ask("hello")));

        Assert.Equal(code, error.ErrorCode);
        Assert.True(error.IsRetryable);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, emulator.Requests.Count);
        Assert.Equal(emulator.Requests[^1].RequestId, error.RequestId);
    }

    [Fact]
    public async Task Validation_error_is_sent_once()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyError("ValidationException", 400, "injected");
        using BedrockRuntimeClient client = Create(emulator);

        var error = await Assert.ThrowsAsync<BedrockValidationException>(() => client.ConverseAsync(ModelId, Ask("hello")));

        Assert.Equal(1, error.Attempts);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task Retry_after_from_the_emulator_reaches_the_client()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyThrottling(TimeSpan.FromSeconds(42));
        using BedrockRuntimeClient client = Create(emulator);

        var error = await Assert.ThrowsAsync<BedrockThrottlingException>(() => client.ConverseAsync(ModelId, Ask("hello")));

        // 42 s is over the 20 s MaxDelay: raised at once, carrying the wait for the caller.
        Assert.Equal(TimeSpan.FromSeconds(42), error.RetryAfter);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task Dropped_connection_is_retried()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Times(1).ReplyDropConnection();
        emulator.Script.Always().ReplyText("after the drop");
        using BedrockRuntimeClient client = Create(emulator);

        ConverseResponse response = await client.ConverseAsync(ModelId, Ask("hello"));

        Assert.Equal("after the drop", response.GetOutputText());
        Assert.Equal([EmulatorStatusCodes.ConnectionDropped, 200], emulator.Requests.Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Connection_dropped_on_every_attempt_is_a_connection_exception()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyDropConnection();
        using BedrockRuntimeClient client = Create(emulator);

        var error = await Assert.ThrowsAsync<BedrockConnectionException>(() => client.ConverseAsync(ModelId, Ask("hello")));

        Assert.Equal(3, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(3, emulator.Requests.Count);
    }

    [Fact]
    public async Task Truncated_body_is_retried_and_never_parsed_as_an_answer()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Times(1).ReplyTruncatedText("this answer is cut in half on the wire");
        emulator.Script.Always().ReplyText("whole answer");
        using BedrockRuntimeClient client = Create(emulator);

        ConverseResponse response = await client.ConverseAsync(ModelId, Ask("hello"));

        Assert.Equal("whole answer", response.GetOutputText());
        Assert.Equal([EmulatorStatusCodes.TruncatedBody, 200], emulator.Requests.Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Body_truncated_on_every_attempt_is_a_connection_exception_about_reading()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyTruncatedText("cut");
        using BedrockRuntimeClient client = Create(emulator, retry => retry.MaxAttempts = 2);

        var error = await Assert.ThrowsAsync<BedrockConnectionException>(() => client.ConverseAsync(ModelId, Ask("hello")));

        Assert.Equal(2, error.Attempts);
        Assert.True(error.InnerException is IOException or HttpRequestException, error.InnerException?.GetType().FullName);
    }

    [Fact]
    public async Task Attempt_stalled_past_the_attempt_timeout_is_abandoned_and_retried()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Times(1).Delay(TimeSpan.FromSeconds(20)).ReplyText("too late");
        emulator.Script.Always().ReplyText("in time");
        using BedrockRuntimeClient client = Create(emulator, retry => retry.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        ConverseResponse response = await client.ConverseAsync(ModelId, Ask("hello"));

        Assert.Equal("in time", response.GetOutputText());
        await Eventually(() => emulator.Requests.Count == 2);
        Assert.Contains(EmulatorStatusCodes.ClientClosedRequest, emulator.Requests.Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Share_answers_the_seeded_fraction_of_calls()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Share(0.3, seed: 11).ReplyThrottling();
        using BedrockRuntimeClient client = Create(emulator, retry => retry.MaxAttempts = 1);

        int throttled = 0;
        for (int i = 0; i < 100; i++)
        {
            try
            {
                await client.ConverseAsync(ModelId, Ask("call " + i));
            }
            catch (BedrockThrottlingException)
            {
                throttled++;
            }
        }

        var coin = new Random(11);
        int expected = Enumerable.Range(0, 100).Count(_ => coin.NextDouble() < 0.3);
        Assert.Equal(expected, throttled);
        Assert.Equal(expected, emulator.Requests.Count(r => r.ResponseStatus == 429));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
