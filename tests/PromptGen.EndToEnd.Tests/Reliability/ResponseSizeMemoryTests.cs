using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>
/// Tests that measure the process's allocations: xunit runs this collection on its own, after the parallel ones, so
/// no other test allocates while they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurement (runs alone)";
}

/// <summary>
/// Oversized and endless bodies from the emulator over real sockets (issue 24: a 300 MiB error body cost 6.2 GiB over
/// three attempts): each ends in a typed error after one attempt, and the whole process (client, HttpClient, and the
/// in-process emulator too) allocates under 4× the limit while it happens.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class ResponseSizeMemoryTests(ITestOutputHelper output)
{
    private const long Limit = 4 * 1024 * 1024;
    private const long AllocationBound = 4 * Limit;
    private const long Big = 256L * 1024 * 1024;
    private const string Model = "us.amazon.nova-lite-v1:0";

    public static TheoryData<string> Cases => new()
    {
        "answer, Content-Length 256 MiB",
        "answer, 256 MiB chunked",
        "answer, endless",
        "error 503, Content-Length 256 MiB",
        "error 503, 256 MiB chunked",
        "error 503, endless",
        "stream: error 503, endless",
        "stream: one 12 MiB frame",
        "stream: a frame claiming 4 GiB, endless",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_oversized_body_is_a_typed_error_after_one_attempt_with_allocations_under_four_times_the_limit(string name)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "warm").ReplyText("warmed up");
        Script(emulator.Script.When(promptContains: "big"), name);
        using var client = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            MaxResponseSize = Limit,
            Timeout = TimeSpan.FromSeconds(60),
        });
        bool streaming = name.StartsWith("stream", StringComparison.Ordinal);

        // Warm up the same paths (connection, signing, JIT) so the measurement is of the body alone.
        await client.ConverseAsync(Model, Ask("warm"));
        await ReadAllAsync(client.ConverseStreamAsync(Model, Ask("warm")));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetTotalAllocatedBytes(precise: true);

        Exception error = await Record(() => streaming ? ReadAllAsync(client.ConverseStreamAsync(Model, Ask("big"))) : client.ConverseAsync(Model, Ask("big")));

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"{name}: {error.GetType().Name}, {allocated / 1024.0 / 1024.0:0.00} MiB allocated (limit {Limit / 1024 / 1024} MiB, bound {AllocationBound / 1024 / 1024} MiB)");
        Assert.InRange(allocated, 0, AllocationBound);
        Assert.Equal(1, ((BedrockException)error).Attempts);
        if (name.Contains("frame", StringComparison.Ordinal))
        {
            Assert.Equal(EventStreamErrorKind.MessageTooLarge, Assert.IsType<BedrockEventStreamException>(error).Kind);
        }
        else
        {
            var tooLarge = Assert.IsType<BedrockResponseTooLargeException>(error);
            Assert.Equal(Limit, tooLarge.MaxResponseSize);
            Assert.Equal(name.Contains("Content-Length", StringComparison.Ordinal) ? Big : null, tooLarge.ContentLength);
            Assert.InRange(tooLarge.Message.Length, 1, 600);
        }

        // One attempt at "big" after the two warm-up calls; the emulator records it once the client has gone.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (emulator.Requests.Count < 3 && !wait.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        Assert.Equal(3, emulator.Requests.Count);
    }

    private static void Script(ScriptRuleBuilder rule, string name)
    {
        bool announce = name.Contains("Content-Length", StringComparison.Ordinal);
        long? length = name.Contains("endless", StringComparison.Ordinal) ? null : Big;
        if (name.Contains("12 MiB frame", StringComparison.Ordinal))
        {
            rule.ReplyLargeText(12 * 1024 * 1024);
        }
        else if (name.Contains("error", StringComparison.Ordinal))
        {
            rule.ReplyLargeError("ServiceUnavailableException", 503, length, announce);
        }
        else
        {
            rule.ReplyLargeText(length, announce);
        }
    }

    private static ConverseRequest Ask(string prompt) => new()
    {
        Messages = { Message.User(prompt) },
        InferenceConfig = new InferenceConfiguration { MaxTokens = 64 },
    };

    private static async Task<Exception> Record(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("The call succeeded; a typed error was expected.");
    }

    private static async Task ReadAllAsync(IAsyncEnumerable<ConverseStreamEvent> stream)
    {
        await foreach (ConverseStreamEvent _ in stream)
        {
        }
    }
}
