using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Tests.Bedrock.TestDoubles;
using PromptGen.Tests.Reliability;
using Xunit;

namespace PromptGen.Tests.Bedrock.Streaming;

/// <summary>
/// A stream's time limits on a fake clock: the overall deadline (StreamTimeout, by default Timeout) and the idle
/// limit (StreamIdleTimeout). The test decides when each frame arrives and moves time itself; nothing sleeps.
/// </summary>
public sealed class StreamTimeLimitTests
{
    private const string Model = "amazon.nova-lite-v1:0";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Timeout_bounds_the_whole_stream_by_default_even_while_frames_keep_coming()
    {
        // Issue 24: one frame every 6 s held a call with a 10 s timeout for 48 s.
        var clock = new StepClock();
        var feed = new FrameFeed();
        using BedrockRuntimeClient client = Client(clock, feed, options => options.Timeout = TimeSpan.FromSeconds(10));
        await using IAsyncEnumerator<ConverseStreamEvent> events = client.ConverseStreamAsync(Model, TestClients.HiRequest()).GetAsyncEnumerator();

        Assert.IsType<MessageStartEvent>(await NextAsync(events, feed, Start));
        Assert.IsType<ContentBlockDeltaEvent>(await NextAsync(events, feed, Delta("a"), after: (clock, TimeSpan.FromSeconds(6))));
        ValueTask<bool> next = events.MoveNextAsync();
        await feed.ReaderWaitingAsync();
        clock.Advance(TimeSpan.FromSeconds(6)); // the next frame would come at 12 s

        var error = await Assert.ThrowsAsync<BedrockTimeoutException>(() => next.AsTask().WaitAsync(Bound));
        Assert.Equal(TimeSpan.FromSeconds(10), error.Timeout);
        Assert.Contains("did not end within 10 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("StreamTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout.InfiniteTimeSpan", error.Message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task Time_the_caller_spends_between_events_counts_toward_the_deadline()
    {
        var clock = new StepClock();
        var feed = new FrameFeed();
        using BedrockRuntimeClient client = Client(clock, feed, options => options.Timeout = TimeSpan.FromSeconds(10));
        await using IAsyncEnumerator<ConverseStreamEvent> events = client.ConverseStreamAsync(Model, TestClients.HiRequest()).GetAsyncEnumerator();

        await NextAsync(events, feed, Start);
        clock.Advance(TimeSpan.FromSeconds(11)); // the caller holds the first event past the deadline

        var error = await Assert.ThrowsAsync<BedrockTimeoutException>(() => events.MoveNextAsync().AsTask().WaitAsync(Bound));
        Assert.Equal(TimeSpan.FromSeconds(10), error.Timeout);
    }

    [Fact]
    public async Task Stream_timeout_replaces_timeout_for_streams_when_longer()
    {
        var clock = new StepClock();
        var feed = new FrameFeed();
        using BedrockRuntimeClient client = Client(clock, feed, options =>
        {
            options.Timeout = TimeSpan.FromSeconds(10);
            options.StreamTimeout = TimeSpan.FromSeconds(30);
        });
        await using IAsyncEnumerator<ConverseStreamEvent> events = client.ConverseStreamAsync(Model, TestClients.HiRequest()).GetAsyncEnumerator();

        await NextAsync(events, feed, Start);
        for (int i = 0; i < 4; i++)
        {
            // 24 s in all: past Timeout, within StreamTimeout.
            await NextAsync(events, feed, Delta("x"), after: (clock, TimeSpan.FromSeconds(6)));
        }

        await FinishAsync(events, feed);
        clock.Advance(TimeSpan.FromSeconds(7)); // 31 s
        var error = await Assert.ThrowsAsync<BedrockTimeoutException>(() => ReadToEndAsync(events).WaitAsync(Bound));
        Assert.Equal(TimeSpan.FromSeconds(30), error.Timeout);
    }

    [Fact]
    public async Task Opting_out_lets_a_long_generation_stream_as_long_as_events_keep_coming()
    {
        var clock = new StepClock();
        var feed = new FrameFeed();
        using BedrockRuntimeClient client = Client(clock, feed, options =>
        {
            options.Timeout = TimeSpan.FromSeconds(10);
            options.StreamTimeout = Timeout.InfiniteTimeSpan;
            options.StreamIdleTimeout = TimeSpan.FromSeconds(7);
        });
        await using IAsyncEnumerator<ConverseStreamEvent> events = client.ConverseStreamAsync(Model, TestClients.HiRequest()).GetAsyncEnumerator();

        await NextAsync(events, feed, Start);
        for (int i = 0; i < 20; i++)
        {
            // 120 s in all, each gap under the idle limit.
            await NextAsync(events, feed, Delta("x"), after: (clock, TimeSpan.FromSeconds(6)));
        }

        List<ConverseStreamEvent> rest = await FinishAsync(events, feed);
        Assert.IsType<ConverseStreamMetadataEvent>(rest[^1]);
    }

    [Fact]
    public async Task The_idle_limit_ends_a_stalled_stream_and_says_which_limit_expired()
    {
        var clock = new StepClock();
        var feed = new FrameFeed();
        using BedrockRuntimeClient client = Client(clock, feed, options =>
        {
            options.StreamTimeout = Timeout.InfiniteTimeSpan;
            options.StreamIdleTimeout = TimeSpan.FromSeconds(7);
        });
        await using IAsyncEnumerator<ConverseStreamEvent> events = client.ConverseStreamAsync(Model, TestClients.HiRequest()).GetAsyncEnumerator();

        await NextAsync(events, feed, Start);
        ValueTask<bool> next = events.MoveNextAsync();
        await feed.ReaderWaitingAsync();
        clock.Advance(TimeSpan.FromSeconds(7));

        var error = await Assert.ThrowsAsync<BedrockTimeoutException>(() => next.AsTask().WaitAsync(Bound));
        Assert.Equal(TimeSpan.FromSeconds(7), error.Timeout);
        Assert.Contains("sent no event for 7 s (BedrockOptions.StreamIdleTimeout)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_idle_limit_does_not_count_time_the_caller_spends_with_an_event()
    {
        var clock = new StepClock();
        var feed = new FrameFeed();
        using BedrockRuntimeClient client = Client(clock, feed, options =>
        {
            options.StreamTimeout = Timeout.InfiniteTimeSpan;
            options.StreamIdleTimeout = TimeSpan.FromSeconds(7);
        });
        await using IAsyncEnumerator<ConverseStreamEvent> events = client.ConverseStreamAsync(Model, TestClients.HiRequest()).GetAsyncEnumerator();

        await NextAsync(events, feed, Start);
        clock.Advance(TimeSpan.FromMinutes(1)); // the caller is busy with the first event

        Assert.IsType<ContentBlockDeltaEvent>(await NextAsync(events, feed, Delta("still here")));
        await FinishAsync(events, feed);
    }

    [Fact]
    public async Task A_stream_timeout_shorter_than_timeout_bounds_opening_the_stream_too()
    {
        var clock = new StepClock();
        var handlerCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new CapturingHandler(async (_, token) =>
        {
            handlerCalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        BedrockOptions options = Options(clock);
        options.Timeout = TimeSpan.FromMinutes(1);
        options.StreamTimeout = TimeSpan.FromSeconds(5);
        using BedrockRuntimeClient client = TestClients.Create(options, handler);
        await using IAsyncEnumerator<ConverseStreamEvent> events = client.ConverseStreamAsync(Model, TestClients.HiRequest()).GetAsyncEnumerator();

        ValueTask<bool> first = events.MoveNextAsync();
        await handlerCalled.Task.WaitAsync(Bound);
        clock.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<BedrockTimeoutException>(() => first.AsTask().WaitAsync(Bound));
        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task The_callers_cancellation_still_wins_over_the_limits()
    {
        var clock = new StepClock();
        var feed = new FrameFeed();
        using BedrockRuntimeClient client = Client(clock, feed, options => options.Timeout = TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource();
        await using IAsyncEnumerator<ConverseStreamEvent> events = client.ConverseStreamAsync(Model, TestClients.HiRequest(), cancel.Token).GetAsyncEnumerator();

        await NextAsync(events, feed, Start);
        ValueTask<bool> next = events.MoveNextAsync();
        await feed.ReaderWaitingAsync();
        cancel.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.AsTask().WaitAsync(Bound));
        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Caller_cancellation_while_opening_carries_the_callers_token()
    {
        var clock = new StepClock();
        var handlerCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new CapturingHandler(async (_, token) =>
        {
            handlerCalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);
        using var cancel = new CancellationTokenSource();
        await using IAsyncEnumerator<ConverseStreamEvent> events = client.ConverseStreamAsync(Model, TestClients.HiRequest(), cancel.Token).GetAsyncEnumerator();

        ValueTask<bool> first = events.MoveNextAsync();
        await handlerCalled.Task.WaitAsync(Bound);
        cancel.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.AsTask().WaitAsync(Bound));
        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Fact]
    public void Defaults_and_refused_values()
    {
        var options = new BedrockOptions();
        Assert.Null(options.StreamTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.StreamIdleTimeout);
        Assert.Equal(BedrockOptions.DefaultStreamIdleTimeout, options.StreamIdleTimeout);

        foreach (Action<BedrockOptions> bad in new Action<BedrockOptions>[]
        {
            o => o.StreamTimeout = TimeSpan.Zero,
            o => o.StreamTimeout = TimeSpan.FromSeconds(-1),
            o => o.StreamIdleTimeout = TimeSpan.Zero,
            o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(-2),
        })
        {
            BedrockOptions refused = Options(new StepClock());
            bad(refused);
            var error = Assert.Throws<BedrockConfigurationException>(() => TestClients.Create(refused, new CapturingHandler()));
            Assert.Contains("must be positive, or Timeout.InfiniteTimeSpan", error.Message, StringComparison.Ordinal);
            Assert.Contains("BedrockOptions.Stream", error.Message, StringComparison.Ordinal);
        }
    }

    private static readonly byte[] Start = Frames.Event("messageStart", """{"role":"assistant"}""");

    private static byte[] Delta(string text) => Frames.Event("contentBlockDelta", $$$"""{"contentBlockIndex":0,"delta":{"text":"{{{text}}}"}}""");

    /// <summary>
    /// Asks for the next event and, once the client waits for it, moves the clock by <paramref name="after"/> (the
    /// server taking its time) and sends <paramref name="frame"/>.
    /// </summary>
    private static async Task<ConverseStreamEvent> NextAsync(IAsyncEnumerator<ConverseStreamEvent> events, FrameFeed feed, byte[] frame, (StepClock Clock, TimeSpan By)? after = null)
    {
        ValueTask<bool> next = events.MoveNextAsync();
        await feed.ReaderWaitingAsync();
        if (after is ({ } clock, TimeSpan by))
        {
            clock.Advance(by);
        }

        feed.Send(frame);
        Assert.True(await next.AsTask().WaitAsync(Bound));
        return events.Current;
    }

    /// <summary>Sends the end of the answer (block stop, message stop, metadata) and reads up to it.</summary>
    private static async Task<List<ConverseStreamEvent>> FinishAsync(IAsyncEnumerator<ConverseStreamEvent> events, FrameFeed feed)
    {
        var received = new List<ConverseStreamEvent>
        {
            await NextAsync(events, feed, Frames.Event("contentBlockStop", """{"contentBlockIndex":0}""")),
            await NextAsync(events, feed, Frames.Event("messageStop", """{"stopReason":"end_turn"}""")),
            await NextAsync(events, feed, Frames.Event("metadata", """{"usage":{"inputTokens":3,"outputTokens":2,"totalTokens":5},"metrics":{"latencyMs":7}}""")),
        };
        return received;
    }

    private static async Task ReadToEndAsync(IAsyncEnumerator<ConverseStreamEvent> events)
    {
        while (await events.MoveNextAsync())
        {
        }
    }

    private static BedrockOptions Options(StepClock clock) => new()
    {
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey),
        TimeProvider = clock,
        Retry = new BedrockRetryOptions { MaxAttempts = 1 },
    };

    private static BedrockRuntimeClient Client(StepClock clock, FrameFeed feed, Action<BedrockOptions> configure)
    {
        BedrockOptions options = Options(clock);
        configure(options);
        return TestClients.Create(options, new CapturingHandler((_, _) =>
        {
            var content = new StreamContent(feed);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.amazon.eventstream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }));
    }
}
