using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen.Tests.Streaming;

/// <summary>An IBedrockRuntime whose ConverseStream answers are scripted event lists, one per call.</summary>
internal sealed class StreamingBedrock : IBedrockRuntime
{
    private readonly Queue<Func<IEnumerable<ConverseStreamEvent>>> _answers = new();

    public List<ConverseRequest> Requests { get; } = new();

    /// <summary>How many streams were closed (enumerator disposed), as the real client closes the response.</summary>
    public int Closed { get; private set; }

    /// <summary>Called before each event is yielded, with its position; tests cancel from here.</summary>
    public Action<int>? BeforeEvent { get; set; }

    public StreamingBedrock Stream(Func<IEnumerable<ConverseStreamEvent>> events)
    {
        _answers.Enqueue(events);
        return this;
    }

    public StreamingBedrock Text(params string[] deltas) => Stream(() => Events.Text(deltas));

    public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This double only streams.");

    public async IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        Func<IEnumerable<ConverseStreamEvent>> answer = _answers.Count > 0 ? _answers.Dequeue() : throw new InvalidOperationException("No scripted stream left.");
        try
        {
            int index = 0;
            foreach (ConverseStreamEvent streamEvent in answer())
            {
                BeforeEvent?.Invoke(index++);
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return streamEvent;
            }
        }
        finally
        {
            Closed++;
        }
    }
}

/// <summary>Event sequences as Bedrock sends them (wire spec §4).</summary>
internal static class Events
{
    public static IEnumerable<ConverseStreamEvent> Text(params string[] deltas) => Text(StopReason.EndTurn, deltas);

    public static IEnumerable<ConverseStreamEvent> Text(StopReason stopReason, params string[] deltas)
    {
        yield return new MessageStartEvent();
        foreach (string delta in deltas)
        {
            yield return new ContentBlockDeltaEvent { ContentBlockIndex = 0, Delta = new ContentBlockDelta { Text = delta } };
        }

        yield return new ContentBlockStopEvent { ContentBlockIndex = 0 };
        yield return new MessageStopEvent { StopReason = stopReason };
        yield return Metadata(12, deltas.Length);
    }

    public static IEnumerable<ConverseStreamEvent> ToolCall(string name, params string[] inputDeltas)
    {
        yield return new MessageStartEvent();
        yield return new ContentBlockDeltaEvent { ContentBlockIndex = 0, Delta = new ContentBlockDelta { Text = "Calling the tool." } };
        yield return new ContentBlockStopEvent { ContentBlockIndex = 0 };
        yield return new ContentBlockStartEvent
        {
            ContentBlockIndex = 1,
            Start = new ContentBlockStart { ToolUse = new ToolUseBlockStart { ToolUseId = "tooluse_1", Name = name } },
        };
        foreach (string delta in inputDeltas)
        {
            yield return new ContentBlockDeltaEvent { ContentBlockIndex = 1, Delta = new ContentBlockDelta { ToolUse = new ToolUseBlockDelta { Input = delta } } };
        }

        yield return new ContentBlockStopEvent { ContentBlockIndex = 1 };
        yield return new MessageStopEvent { StopReason = StopReason.ToolUse };
        yield return Metadata(20, inputDeltas.Length);
    }

    public static ConverseStreamMetadataEvent Metadata(int inputTokens, int outputTokens) => new()
    {
        Usage = new TokenUsage { InputTokens = inputTokens, OutputTokens = outputTokens, TotalTokens = inputTokens + outputTokens },
        Metrics = new ConverseMetrics { LatencyMs = 42 },
    };
}
