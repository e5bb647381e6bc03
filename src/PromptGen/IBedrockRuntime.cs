using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen;

/// <summary>
/// What generated prompt clients need from Bedrock Runtime. <c>BedrockRuntimeClient</c> is the real one;
/// tests and other back ends can supply their own.
/// </summary>
public interface IBedrockRuntime
{
    /// <summary>Sends a <c>Converse</c> request for <paramref name="modelId"/> (a model id, inference profile or ARN).</summary>
    Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a <c>ConverseStream</c> request and yields its events as they arrive. The request is sent when
    /// enumeration starts; errors Bedrock reports before or during the stream are raised from the enumeration as
    /// the same <see cref="BedrockServiceException"/> subclasses as <see cref="ConverseAsync"/>. Stopping the
    /// enumeration early, or canceling <paramref name="cancellationToken"/>, closes the response.
    /// </summary>
    IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default);
}
