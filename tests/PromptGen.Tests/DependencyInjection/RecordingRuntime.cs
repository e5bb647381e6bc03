using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen.Tests.DependencyInjection;

/// <summary>An in-memory Bedrock that answers "answer N" and remembers what it was asked.</summary>
internal sealed class RecordingRuntime : IBedrockRuntime
{
    private readonly ConcurrentQueue<string> _modelIds = new();
    private int _calls;

    public IReadOnlyCollection<string> ModelIds => _modelIds;

    public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
    {
        _modelIds.Enqueue(modelId);
        int call = Interlocked.Increment(ref _calls);
        return Task.FromResult(new ConverseResponse
        {
            Output = new ConverseOutput { Message = Message.Assistant($"answer {call}") },
            StopReason = StopReason.EndTurn,
            Usage = new TokenUsage { InputTokens = 10, OutputTokens = 2, TotalTokens = 12 },
        });
    }

    public IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
        throw new System.NotSupportedException("Prompt clients in these tests do not stream.");
}
