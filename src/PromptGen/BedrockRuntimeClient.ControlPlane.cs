using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock.Http;

namespace PromptGen;

public sealed partial class BedrockRuntimeClient
{
    /// <summary>
    /// Sends one Bedrock control-plane call (service <c>bedrock</c>, REST-JSON) through this client's signer, retry
    /// pipeline, error reading and size bound, so <see cref="Batch.BedrockBatchClient"/> has no transport of its own.
    /// The control plane signs with the same SigV4 name as the runtime (<c>bedrock</c>); only the host differs.
    /// </summary>
    /// <param name="method">GET or POST.</param>
    /// <param name="uri">The operation's URL under the control-plane endpoint.</param>
    /// <param name="body">The JSON body; null for a GET.</param>
    /// <param name="readSuccess">Reads a 2xx body (and the request id).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    internal Task<T> SendControlPlaneAsync<T>(HttpMethod method, Uri uri, byte[]? body, Func<byte[], string?, T> readSuccess, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        byte[] payload = body ?? Array.Empty<byte>();
        string invocationId = InvocationIds.Next();
        return _pipeline.ExecuteAsync(
            (attempt, maxAttempts, attemptToken) => SendAttemptAsync(method, uri, payload, invocationId, attempt, maxAttempts, readSuccess, attemptToken),
            cancellationToken);
    }
}
