using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Testing;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock.Streaming;

/// <summary>ConverseStream end to end: the real client against the emulator over real sockets.</summary>
public sealed class ConverseStreamEmulatorTests : IAsyncLifetime
{
    private const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await BedrockEmulator.StartAsync();

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(3, null)]
    [InlineData(1, 1)]
    [InlineData(1000, 7)]
    public async Task Text_arrives_as_deltas_in_spec_order(int chunkSize, int? writeSize)
    {
        const string text = "Hello from the stream — with ümlauts and 😀 emoji.";
        _emulator.Script.When(promptContains: "Hi").Usage(12, 34).Stream(chunkSize, writeSize: writeSize).ReplyText(text);
        using BedrockRuntimeClient client = CreateClient();

        List<ConverseStreamEvent> events = await CollectAsync(client.ConverseStreamAsync(Model, TestClients.HiRequest()));

        Assert.IsType<MessageStartEvent>(events[0]);
        List<ContentBlockDeltaEvent> deltas = events.OfType<ContentBlockDeltaEvent>().ToList();
        Assert.Equal(text, string.Concat(deltas.Select(delta => delta.Delta.Text)));
        Assert.True(deltas.Count >= (int)Math.Ceiling(text.Length / (double)chunkSize) - 1);
        Assert.All(deltas, delta => Assert.Equal(0, delta.ContentBlockIndex));
        Assert.Equal(
            [typeof(ContentBlockStopEvent), typeof(MessageStopEvent), typeof(ConverseStreamMetadataEvent)],
            events.TakeLast(3).Select(e => e.GetType()));
        Assert.Equal(StopReason.EndTurn, events.OfType<MessageStopEvent>().Single().StopReason);
        ConverseStreamMetadataEvent metadata = (ConverseStreamMetadataEvent)events[^1];
        Assert.Equal((12, 34, 46), (metadata.Usage!.InputTokens, metadata.Usage.OutputTokens, metadata.Usage.TotalTokens));

        RecordedRequest recorded = Assert.Single(_emulator.Requests);
        Assert.Equal("ConverseStream", recorded.Operation);
        Assert.True(recorded.SignatureValid);
        Assert.EndsWith("/converse-stream", recorded.RawPath);
    }

    [Fact]
    public async Task Tool_use_input_arrives_as_fragments_that_join_into_the_json()
    {
        const string input = """{"city":"Paris","days":[1,2,3],"note":"say \"hi\""}""";
        _emulator.Script.When().Stream(chunkSize: 5).ReplyToolUse("get_weather", input);
        using BedrockRuntimeClient client = CreateClient();

        List<ConverseStreamEvent> events = await CollectAsync(client.ConverseStreamAsync(Model, WeatherToolRequest()));

        ContentBlockStartEvent start = events.OfType<ContentBlockStartEvent>().Single();
        Assert.Equal("get_weather", start.Start.ToolUse!.Name);
        Assert.StartsWith("tooluse_", start.Start.ToolUse.ToolUseId);
        List<string> fragments = events.OfType<ContentBlockDeltaEvent>().Select(delta => delta.Delta.ToolUse!.Input).ToList();
        Assert.True(fragments.Count > 5);
        using JsonDocument joined = JsonDocument.Parse(string.Concat(fragments));
        Assert.Equal("Paris", joined.RootElement.GetProperty("city").GetString());
        Assert.Equal("say \"hi\"", joined.RootElement.GetProperty("note").GetString());
        Assert.Equal(StopReason.ToolUse, events.OfType<MessageStopEvent>().Single().StopReason);
    }

    [Fact]
    public async Task An_exception_event_mid_stream_raises_the_converse_exception_type_after_the_events_before_it()
    {
        _emulator.Script.When().Stream(chunkSize: 2)
            .FailStream(StreamFault.Exception("throttlingException", "Too many tokens per minute", afterEvents: 3))
            .ReplyText("abcdefghij");
        using BedrockRuntimeClient client = CreateClient();
        var received = new List<ConverseStreamEvent>();

        var error = await Assert.ThrowsAsync<BedrockThrottlingException>(async () =>
        {
            await foreach (ConverseStreamEvent e in client.ConverseStreamAsync(Model, TestClients.HiRequest()))
            {
                received.Add(e);
            }
        });

        Assert.Equal(3, received.Count);
        Assert.Equal("Too many tokens per minute", error.ServiceMessage);
        Assert.Equal(_emulator.Requests.Single().RequestId, error.RequestId);
    }

    [Fact]
    public async Task Throttling_before_the_stream_is_retried_but_an_exception_inside_it_is_not()
    {
        _emulator.Script.When(promptContains: "before").Times(1).ReplyError("ThrottlingException", 429, "Slow down");
        _emulator.Script.When(promptContains: "before").ReplyText("second time lucky");
        _emulator.Script.When(promptContains: "inside").FailStream(StreamFault.Exception("throttlingException", "Slow down", afterEvents: 2)).ReplyText("abcdefgh");
        using BedrockRuntimeClient client = CreateClient();

        List<ConverseStreamEvent> events = await CollectAsync(client.ConverseStreamAsync(Model, Request("before")));
        Assert.Equal("second time lucky", string.Concat(events.OfType<ContentBlockDeltaEvent>().Select(d => d.Delta.Text)));
        Assert.Equal([429, 200], _emulator.Requests.Select(r => r.ResponseStatus));
        Assert.Equal(_emulator.Requests[0].Headers["amz-sdk-invocation-id"], _emulator.Requests[1].Headers["amz-sdk-invocation-id"]);

        _emulator.ClearRequests();
        await Assert.ThrowsAsync<BedrockThrottlingException>(() => CollectAsync(client.ConverseStreamAsync(Model, Request("inside"))));
        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task A_model_stream_error_mid_stream_is_a_model_stream_error_exception()
    {
        _emulator.Script.When().FailStream(StreamFault.Exception("modelStreamErrorException", "The model broke", afterEvents: 2)).ReplyText("abcdefghijklmnop");
        using BedrockRuntimeClient client = CreateClient();

        var error = await Assert.ThrowsAsync<BedrockModelStreamErrorException>(() => CollectAsync(client.ConverseStreamAsync(Model, TestClients.HiRequest())));

        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task An_error_before_the_stream_is_mapped_like_converse()
    {
        _emulator.Script.When().ReplyError("AccessDeniedException", 403, "No access to this model");
        using BedrockRuntimeClient client = CreateClient();

        var error = await Assert.ThrowsAsync<BedrockAccessDeniedException>(() => CollectAsync(client.ConverseStreamAsync(Model, TestClients.HiRequest())));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task A_bad_signature_is_refused_before_the_stream()
    {
        using BedrockRuntimeClient client = CreateClient(new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, "not-the-secret-key-at-all"));

        var error = await Assert.ThrowsAnyAsync<BedrockServiceException>(() => CollectAsync(client.ConverseStreamAsync(Model, TestClients.HiRequest())));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task A_cut_connection_mid_stream_is_a_connection_exception()
    {
        _emulator.Script.When().FailStream(StreamFault.CutConnection(afterEvents: 2)).ReplyText("abcdefghijklmnopqrstuvwxyz");
        using BedrockRuntimeClient client = CreateClient();
        var received = new List<ConverseStreamEvent>();

        await Assert.ThrowsAsync<BedrockConnectionException>(async () =>
        {
            await foreach (ConverseStreamEvent e in client.ConverseStreamAsync(Model, TestClients.HiRequest()))
            {
                received.Add(e);
            }
        }).WaitAsync(Bound);

        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task A_corrupt_frame_is_a_checksum_error_not_garbage()
    {
        _emulator.Script.When().FailStream(StreamFault.CorruptFrame(afterEvents: 1)).ReplyText("abcdefghijklmnop");
        using BedrockRuntimeClient client = CreateClient();

        var error = await Assert.ThrowsAsync<BedrockEventStreamException>(() => CollectAsync(client.ConverseStreamAsync(Model, TestClients.HiRequest())));

        Assert.Equal(EventStreamErrorKind.MessageChecksumMismatch, error.Kind);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task Canceling_mid_stream_throws_for_the_callers_token_and_closes_the_connection()
    {
        _emulator.Script.When().FailStream(StreamFault.Stall(afterEvents: 2)).ReplyText("abcdefghijklmnop");
        using BedrockRuntimeClient client = CreateClient();
        using var cancel = new CancellationTokenSource();
        var received = new List<ConverseStreamEvent>();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ConverseStreamEvent e in client.ConverseStreamAsync(Model, TestClients.HiRequest(), cancel.Token))
            {
                received.Add(e);
                if (received.Count == 2)
                {
                    cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
                }
            }
        }).WaitAsync(Bound);

        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Equal(2, received.Count);
        // The emulator only records the request once its connection is gone: that is the proof it was closed.
        RecordedRequest recorded = await WaitForRecordAsync();
        Assert.Equal(499, recorded.ResponseStatus);
    }

    [Fact]
    public async Task Without_an_overall_limit_a_stalled_stream_times_out_between_frames_while_a_slow_steady_one_does_not()
    {
        _emulator.Script.When(promptContains: "steady").Stream(chunkSize: 1, eventDelay: TimeSpan.FromMilliseconds(200)).ReplyText("0123456789");
        _emulator.Script.When(promptContains: "stall").FailStream(StreamFault.Stall(afterEvents: 1)).ReplyText("abc");
        // Generous margins: this runs on busy CI machines.
        BedrockOptions options = Options();
        options.StreamTimeout = Timeout.InfiniteTimeSpan;
        options.StreamIdleTimeout = TimeSpan.FromMilliseconds(1500);
        using var client = new BedrockRuntimeClient(options, httpClient: null, TestClients.Environment());

        // 14 events 200 ms apart: the whole stream takes longer than the limit, each gap does not.
        List<ConverseStreamEvent> events = await CollectAsync(client.ConverseStreamAsync(Model, Request("steady")));
        Assert.Equal("0123456789", string.Concat(events.OfType<ContentBlockDeltaEvent>().Select(d => d.Delta.Text)));

        await Assert.ThrowsAsync<BedrockTimeoutException>(() => CollectAsync(client.ConverseStreamAsync(Model, Request("stall")))).WaitAsync(Bound);
    }

    [Fact]
    public async Task Arguments_are_checked_at_the_call_not_at_enumeration()
    {
        using BedrockRuntimeClient client = CreateClient();

        Assert.Throws<ArgumentException>(() => client.ConverseStreamAsync("", TestClients.HiRequest()));
        Assert.Throws<ArgumentNullException>(() => client.ConverseStreamAsync(Model, null!));
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Streams_over_http2_without_tls()
    {
        _emulator.Script.When().Stream(chunkSize: 4).ReplyText("over h2c");
        using var http = new HttpClient(new SocketsHttpHandler())
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var client = new BedrockRuntimeClient(Options(endpoint: _emulator.Http2Endpoint), http);

        List<ConverseStreamEvent> events = await CollectAsync(client.ConverseStreamAsync(Model, TestClients.HiRequest()));

        Assert.Equal("over h2c", string.Concat(events.OfType<ContentBlockDeltaEvent>().Select(d => d.Delta.Text)));
        Assert.Equal("HTTP/2", Assert.Single(_emulator.Requests).Protocol);
    }

    private static ConverseRequest Request(string prompt) => new() { Messages = { Message.User(prompt) } };

    private static ConverseRequest WeatherToolRequest()
    {
        using JsonDocument schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""");
        return new ConverseRequest
        {
            Messages = { Message.User("Weather in Paris?") },
            ToolConfig = new ToolConfiguration
            {
                Tools = { new Tool { ToolSpec = new ToolSpecification { Name = "get_weather", InputSchema = new ToolInputSchema { Json = schema.RootElement.Clone() } } } },
            },
        };
    }

    private BedrockOptions Options(AWSCredentials? credentials = null, TimeSpan? timeout = null, Uri? endpoint = null) => new()
    {
        Region = "us-east-1",
        Endpoint = endpoint ?? _emulator.Endpoint,
        Credentials = credentials ?? new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    private BedrockRuntimeClient CreateClient(AWSCredentials? credentials = null, TimeSpan? timeout = null) =>
        new(Options(credentials, timeout), httpClient: null, TestClients.Environment());

    private static async Task<List<ConverseStreamEvent>> CollectAsync(IAsyncEnumerable<ConverseStreamEvent> stream)
    {
        var events = new List<ConverseStreamEvent>();
        await foreach (ConverseStreamEvent e in stream.ConfigureAwait(false))
        {
            events.Add(e);
        }

        return events;
    }

    private async Task<RecordedRequest> WaitForRecordAsync()
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (_emulator.Requests.Count == 0)
        {
            await Task.Delay(20, timeout.Token);
        }

        return _emulator.Requests.Single();
    }
}
