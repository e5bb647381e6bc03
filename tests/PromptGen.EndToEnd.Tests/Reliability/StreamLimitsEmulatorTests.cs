using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>
/// The stream limits and the size limit against the emulator over real sockets and the real clock. The exact timing
/// is tested on a fake clock (tests/PromptGen.Tests/Bedrock/Streaming/StreamTimeLimitTests); these only check the
/// wiring, with wide margins: a trickle far longer than the limit, or a limit far longer than any gap.
/// </summary>
public sealed class StreamLimitsEmulatorTests
{
    private const string Model = "us.amazon.nova-lite-v1:0";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_slow_trickle_is_cut_at_the_clients_timeout()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        // 30 events 500 ms apart: 15 s, against a 2 s limit.
        emulator.Script.When().Stream(chunkSize: 1, eventDelay: TimeSpan.FromMilliseconds(500)).ReplyText(new string('t', 26));
        using BedrockRuntimeClient client = Create(emulator, options => options.Timeout = TimeSpan.FromSeconds(2));
        var received = new List<ConverseStreamEvent>();

        var error = await Assert.ThrowsAsync<BedrockTimeoutException>(() => ReadAllAsync(client.ConverseStreamAsync(Model, Ask("trickle")), received)).WaitAsync(Bound);

        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
        Assert.DoesNotContain(received, e => e is MessageStopEvent);
    }

    [Fact]
    public async Task With_the_overall_limit_off_a_steady_stream_outlives_the_timeout()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        // 18 events 300 ms apart: about 5 s, past the 3 s Timeout, each gap far under the idle limit.
        emulator.Script.When().Stream(chunkSize: 1, eventDelay: TimeSpan.FromMilliseconds(300)).ReplyText(new string('s', 14));
        using BedrockRuntimeClient client = Create(emulator, options =>
        {
            options.Timeout = TimeSpan.FromSeconds(3);
            options.StreamTimeout = Timeout.InfiniteTimeSpan;
            options.StreamIdleTimeout = TimeSpan.FromSeconds(10);
        });
        var received = new List<ConverseStreamEvent>();

        await ReadAllAsync(client.ConverseStreamAsync(Model, Ask("steady")), received).WaitAsync(Bound);

        Assert.Equal(new string('s', 14), string.Concat(received.OfType<ContentBlockDeltaEvent>().Select(d => d.Delta.Text)));
    }

    [Fact]
    public async Task A_large_answer_under_the_limit_is_read_whole()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "sized").ReplyLargeText(3 * 1024 * 1024, announceLength: false);
        emulator.Script.When(promptContains: "stream").ReplyLargeText(3 * 1024 * 1024);
        using BedrockRuntimeClient client = Create(emulator, options => options.MaxResponseSize = 4 * 1024 * 1024);

        ConverseResponse response = await client.ConverseAsync(Model, Ask("sized"));
        var events = new List<ConverseStreamEvent>();
        await ReadAllAsync(client.ConverseStreamAsync(Model, Ask("stream")), events);

        Assert.True(response.GetOutputText().Length > 3_000_000);
        Assert.True(events.OfType<ContentBlockDeltaEvent>().Single().Delta.Text!.Length > 3_000_000);
    }

    private static BedrockRuntimeClient Create(BedrockEmulator emulator, Action<BedrockOptions> configure)
    {
        var options = new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        };
        configure(options);
        return new BedrockRuntimeClient(options);
    }

    private static ConverseRequest Ask(string prompt) => new()
    {
        Messages = { Message.User(prompt) },
        InferenceConfig = new InferenceConfiguration { MaxTokens = 64 },
    };

    private static async Task ReadAllAsync(IAsyncEnumerable<ConverseStreamEvent> stream, List<ConverseStreamEvent> received)
    {
        await foreach (ConverseStreamEvent e in stream)
        {
            received.Add(e);
        }
    }
}
