using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Bedrock;

/// <summary>
/// What generated prompt clients need from Bedrock Runtime. <c>BedrockRuntimeClient</c> is the real one;
/// tests and other back ends can supply their own.
/// </summary>
public interface IBedrockRuntime
{
    /// <summary>Sends a <c>Converse</c> request for <paramref name="modelId"/> (a model id, inference profile or ARN).</summary>
    Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default);
}
