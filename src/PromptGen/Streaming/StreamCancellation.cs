using System.Threading;

namespace PromptGen.Streaming;

/// <summary>
/// The token a stream runs under: the one given to the prompt method and the one given to the enumeration
/// (<c>WithCancellation</c>, or <c>await foreach</c>'s), whichever is cancelled first.
/// </summary>
internal sealed class StreamCancellation : System.IDisposable
{
    private readonly CancellationTokenSource? _linked;

    public StreamCancellation(CancellationToken callToken, CancellationToken enumerationToken)
    {
        if (callToken.CanBeCanceled && enumerationToken.CanBeCanceled && callToken != enumerationToken)
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, enumerationToken);
            Token = _linked.Token;
        }
        else
        {
            Token = callToken.CanBeCanceled ? callToken : enumerationToken;
        }
    }

    public CancellationToken Token { get; }

    public void Dispose() => _linked?.Dispose();
}
