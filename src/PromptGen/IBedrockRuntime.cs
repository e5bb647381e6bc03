using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen;

/// <summary>
/// What generated prompt clients need from Bedrock Runtime. <c>BedrockRuntimeClient</c> is the real one;
/// tests and other back ends can supply their own.
/// </summary>
/// <remarks>
/// <see cref="InvokeModelAsync"/> and <see cref="InvokeModelWithResponseStreamAsync"/> have default implementations that
/// throw <see cref="NotSupportedException"/>, so an implementation that serves only Converse (a test double, an adapter
/// over another chat API) need not implement them.
/// </remarks>
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

    /// <summary>
    /// Sends an <c>InvokeModel</c> request: <paramref name="body"/> is the model's native request (an image-generation
    /// or embedding request, a Claude Messages body...), sent as it is, and the answer is the model's native response
    /// body with the headers Bedrock adds. Errors are the same <see cref="BedrockServiceException"/> subclasses as
    /// <see cref="ConverseAsync"/>. The typed bodies in <c>PromptGen.Bedrock</c> (e.g.
    /// <see cref="TitanTextEmbeddingRequest"/>, <see cref="StabilityImageRequest"/>) write and read the common families.
    /// </summary>
    /// <param name="modelId">A model id, inference profile or ARN.</param>
    /// <param name="body">The native request body, at most 25,000,000 bytes.</param>
    /// <param name="options">Content type, accept type and the Bedrock headers (guardrail, trace, latency, tier, metadata); null for JSON in and out.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NotSupportedException">This implementation serves Converse only (the default implementation).</exception>
    Task<InvokeModelResponse> InvokeModelAsync(string modelId, ReadOnlyMemory<byte> body, InvokeModelOptions? options = null, CancellationToken cancellationToken = default) =>
        throw InvokeModelNotSupported(GetType());

    /// <summary>
    /// Sends an <c>InvokeModelWithResponseStream</c> request and yields the model's native chunks (the bytes of each
    /// <c>chunk</c> event, decoded from base64) as they arrive. The request is sent when enumeration starts; errors
    /// before or during the stream are raised from the enumeration as the same <see cref="BedrockServiceException"/>
    /// subclasses as <see cref="InvokeModelAsync"/>. Stopping the enumeration early, or canceling
    /// <paramref name="cancellationToken"/>, closes the response.
    /// </summary>
    /// <param name="modelId">A model id, inference profile or ARN.</param>
    /// <param name="body">The native request body, at most 25,000,000 bytes.</param>
    /// <param name="options">Content type, the accept type (sent as <c>X-Amzn-Bedrock-Accept</c>) and the Bedrock headers; null for JSON.</param>
    /// <param name="cancellationToken">Cancels the call and closes the stream.</param>
    /// <exception cref="NotSupportedException">This implementation serves Converse only (the default implementation).</exception>
    IAsyncEnumerable<InvokeModelStreamChunk> InvokeModelWithResponseStreamAsync(string modelId, ReadOnlyMemory<byte> body, InvokeModelOptions? options = null, CancellationToken cancellationToken = default) =>
        throw InvokeModelNotSupported(GetType());

    /// <summary>
    /// Sends a knowledge base <c>Retrieve</c> request (the Knowledge Bases runtime, <c>bedrock-agent-runtime</c>) and
    /// returns the passages, best first. Errors are the same <see cref="BedrockServiceException"/> subclasses as
    /// <see cref="ConverseAsync"/>; an unknown knowledge base is <see cref="BedrockResourceNotFoundException"/>.
    /// </summary>
    /// <param name="knowledgeBaseId">The knowledge base id (1 to 10 letters and digits).</param>
    /// <param name="request">The query, number of results and filter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NotSupportedException">This implementation does not reach a knowledge base (the default implementation).</exception>
    Task<RetrieveResponse> RetrieveAsync(string knowledgeBaseId, RetrieveRequest request, CancellationToken cancellationToken = default) =>
        throw KnowledgeBasesNotSupported(GetType());

    /// <summary>
    /// Sends a <c>RetrieveAndGenerate</c> request: the service retrieves passages, has the model answer from them and
    /// returns the answer with citations. Errors as for <see cref="RetrieveAsync"/>.
    /// </summary>
    /// <param name="request">The question, the knowledge base, the model and the settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="NotSupportedException">This implementation does not reach a knowledge base (the default implementation).</exception>
    Task<RetrieveAndGenerateResponse> RetrieveAndGenerateAsync(RetrieveAndGenerateRequest request, CancellationToken cancellationToken = default) =>
        throw KnowledgeBasesNotSupported(GetType());

    /// <summary>
    /// Sends a <c>RetrieveAndGenerateStream</c> request (the same body as <see cref="RetrieveAndGenerateAsync"/>) and
    /// yields the answer's text pieces and its citations as they arrive. The request is sent when enumeration starts;
    /// an exception Bedrock sends inside the stream is thrown as the same <see cref="BedrockServiceException"/> subclass.
    /// </summary>
    /// <param name="request">The question, the knowledge base, the model and the settings.</param>
    /// <param name="cancellationToken">Cancels the call and closes the stream.</param>
    /// <exception cref="NotSupportedException">This implementation does not reach a knowledge base (the default implementation).</exception>
    IAsyncEnumerable<RetrieveAndGenerateStreamEvent> RetrieveAndGenerateStreamAsync(RetrieveAndGenerateRequest request, CancellationToken cancellationToken = default) =>
        throw KnowledgeBasesNotSupported(GetType());

    /// <summary>The error of the default knowledge base implementations.</summary>
    private static NotSupportedException KnowledgeBasesNotSupported(Type implementation) => new(
        $"{implementation.FullName} does not implement the Knowledge Bases runtime (Retrieve, RetrieveAndGenerate, RetrieveAndGenerateStream). Use PromptGen.BedrockRuntimeClient for those.");

    /// <summary>The error of the default implementations, naming the type that lacks InvokeModel.</summary>
    private static NotSupportedException InvokeModelNotSupported(Type implementation) => new(
        $"{implementation.FullName} serves Converse only: it does not implement InvokeModel or InvokeModelWithResponseStream "
        + "(model-native bodies, image generation, embeddings). Use PromptGen.BedrockRuntimeClient for those.");
}
