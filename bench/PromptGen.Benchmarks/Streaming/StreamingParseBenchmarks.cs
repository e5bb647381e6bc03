using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using PromptGen.Bedrock;

namespace PromptGen.Benchmarks.Streaming;

public sealed record InventoryItem(string Name, int Count, double Score, IReadOnlyList<string> Tags);

public sealed record Inventory(string Title, IReadOnlyList<InventoryItem> Items);

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface IStreamBenchPrompts
{
    [Prompt("List the inventory of {{ shop }}")]
    ResultStream<Inventory, InventoryPartial> InventoryAsync(string shop, CancellationToken cancellationToken = default);

    [Prompt("Describe the inventory of {{ shop }}")]
    PromptStream DescribeAsync(string shop, CancellationToken cancellationToken = default);

    [Prompt("List the whole inventory of {{ shop }}")]
    Task<Inventory> InventoryAtOnceAsync(string shop, CancellationToken cancellationToken = default);
}

/// <summary>
/// Streaming structured output end to end, minus the network: a JSON answer of 10 KB, 100 KB or 1 MB arrives as
/// 16-character text deltas (about a token each) through the generated ResultStream, which reads every delta
/// incrementally, yields a partial snapshot whenever a member completes, and finally parses and validates the whole
/// answer. The baseline streams the same deltas as plain text (PromptStream); the same answer read at once by a
/// <c>Task&lt;Inventory&gt;</c> method shows what the final parse alone costs. Linear parsing shows as a constant
/// time and allocation per KB across the three sizes; re-parsing the buffer per delta would grow 10× per step.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[BenchmarkCategory("Streaming")]
public class StreamingParseBenchmarks
{
    private const int DeltaLength = 16;

    private IStreamBenchPrompts _prompts = null!;
    private ReplayBedrock _bedrock = null!;

    [Params(10, 100, 1000)]
    public int AnswerKilobytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string answer = InventoryJson(AnswerKilobytes * 1024);
        _bedrock = new ReplayBedrock(Deltas(answer), answer);
        _prompts = IStreamBenchPrompts.Create(_bedrock);
    }

    [Benchmark(Baseline = true, Description = "text deltas (PromptStream)")]
    public async Task<int> TextStream()
    {
        int characters = 0;
        await foreach (string delta in _prompts.DescribeAsync("the shop"))
        {
            characters += delta.Length;
        }

        return characters;
    }

    [Benchmark(Description = "partial objects + final T (ResultStream)")]
    public async Task<int> PartialObjects()
    {
        ResultStream<Inventory, IStreamBenchPrompts.InventoryPartial> stream = _prompts.InventoryAsync("the shop");
        int snapshots = 0;
        await foreach (IStreamBenchPrompts.InventoryPartial _ in stream)
        {
            snapshots++;
        }

        return stream.Value.Items.Count + snapshots;
    }

    [Benchmark(Description = "whole answer at once (Task<Inventory>)")]
    public async Task<int> WholeAnswer()
    {
        Inventory inventory = await _prompts.InventoryAtOnceAsync("the shop");
        return inventory.Items.Count;
    }

    /// <summary>An inventory whose JSON is about <paramref name="bytes"/> long.</summary>
    internal static string InventoryJson(int bytes)
    {
        var json = new StringBuilder(bytes + 256).Append("{\"title\": \"Inventory\", \"items\": [");
        for (int i = 0; json.Length < bytes; i++)
        {
            if (i > 0)
            {
                json.Append(", ");
            }

            json.Append("{\"name\": \"Item ").Append(i.ToString(CultureInfo.InvariantCulture))
                .Append(" with a \\\"quoted\\\" name\", \"count\": ").Append((i * 7 % 1000).ToString(CultureInfo.InvariantCulture))
                .Append(", \"score\": ").Append((i % 100 / 10.0).ToString("0.0", CultureInfo.InvariantCulture))
                .Append(", \"tags\": [\"blue\", \"large\", \"sale\"]}");
        }

        return json.Append("]}").ToString();
    }

    private static List<ConverseStreamEvent> Deltas(string answer)
    {
        var events = new List<ConverseStreamEvent> { new MessageStartEvent() };
        for (int i = 0; i < answer.Length; i += DeltaLength)
        {
            string delta = answer.Substring(i, Math.Min(DeltaLength, answer.Length - i));
            events.Add(new ContentBlockDeltaEvent { ContentBlockIndex = 0, Delta = new ContentBlockDelta { Text = delta } });
        }

        events.Add(new ContentBlockStopEvent { ContentBlockIndex = 0 });
        events.Add(new MessageStopEvent { StopReason = StopReason.EndTurn });
        events.Add(new ConverseStreamMetadataEvent
        {
            Usage = new TokenUsage { InputTokens = 50, OutputTokens = events.Count, TotalTokens = 50 + events.Count },
            Metrics = new ConverseMetrics { LatencyMs = 1 },
        });
        return events;
    }

    /// <summary>Replays prepared events synchronously, so only our own work is measured.</summary>
    private sealed class ReplayBedrock(List<ConverseStreamEvent> events, string answer) : IBedrockRuntime
    {
        public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ConverseResponse
            {
                Output = new ConverseOutput { Message = Message.Assistant(answer) },
                StopReason = StopReason.EndTurn,
                Usage = new TokenUsage { InputTokens = 50, OutputTokens = 100, TotalTokens = 150 },
            });

#pragma warning disable CS1998 // replays synchronously on purpose
        public async IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS1998
        {
            foreach (ConverseStreamEvent streamEvent in events)
            {
                yield return streamEvent;
            }
        }
    }
}
