using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen.Mcp.Tests;

/// <summary>
/// The real client to the emulator, with two signals around Converse: a call started, and the token it was given was
/// cancelled. That is how a test sees a client's cancellation reach the Bedrock call inside the server.
/// </summary>
internal sealed class SignalingBedrockRuntime : IBedrockRuntime
{
    private readonly IBedrockRuntime _inner;

    public SignalingBedrockRuntime(IBedrockRuntime inner) => _inner = inner;

    public TaskCompletionSource CallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource CallCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.Register(() => CallCancelled.TrySetResult());
        CallStarted.TrySetResult();
        return _inner.ConverseAsync(modelId, request, cancellationToken);
    }

    public IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
        _inner.ConverseStreamAsync(modelId, request, cancellationToken);
}
