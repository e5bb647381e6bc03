using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen.CompilerServices;

namespace PromptGen.AI;

/// <summary>
/// Amazon Bedrock's embedding models as a Microsoft.Extensions.AI <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>:
/// Titan Text Embeddings V2, Cohere Embed v3/v4 and Nova Multimodal Embeddings (text). Many texts are sent in as few
/// calls as the model takes (Cohere 96 per call, the others one), a few calls at a time, the vectors in input order;
/// <see cref="GeneratedEmbeddings{TEmbedding}.Usage"/> carries the input tokens Bedrock reports.
/// </summary>
public sealed class BedrockEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const string ProviderName = "aws.bedrock";

    private readonly IBedrockRuntime _runtime;
    private readonly string _modelId;
    private readonly EmbeddingInputType? _inputType;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <param name="runtime">Where requests go: a <see cref="BedrockRuntimeClient"/> or any other <see cref="IBedrockRuntime"/>.</param>
    /// <param name="modelId">The embedding model, e.g. <c>amazon.titan-embed-text-v2:0</c>, used when <see cref="EmbeddingGenerationOptions.ModelId"/> is not set.</param>
    /// <param name="inputType">What the vectors are for (Cohere and Nova); null for the model's default (Cohere: search_document).</param>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is not an embedding model this adapter writes bodies for.</exception>
    public BedrockEmbeddingGenerator(IBedrockRuntime runtime, string modelId, EmbeddingInputType? inputType = null)
    {
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        _ = Family(modelId);
        _modelId = modelId;
        _inputType = inputType;
        Uri? endpoint = (runtime as BedrockRuntimeClient)?.Endpoint ?? ((runtime as InstrumentedBedrockRuntime)?.Inner as BedrockRuntimeClient)?.Endpoint;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, endpoint, modelId);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <see cref="EmbeddingGenerationOptions.Dimensions"/> is sent as the model's dimension setting (Titan 256/512/1024,
    /// Cohere v4 256/512/1024/1536, Nova 256/384/1024/3072); Bedrock refuses other values with
    /// <see cref="BedrockValidationException"/>.
    /// </remarks>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        string modelId = options?.ModelId ?? _modelId;
        EmbeddingFamily family = Family(modelId);
        var spec = new EmbeddingSpec(modelId, family)
        {
            Dimensions = options?.Dimensions,
            InputType = _inputType is { } inputType ? WireInputType(family, inputType) : null,
        };
        (float[][] vectors, long? inputTokens) = await Embeddings.EmbedBatchAsync(_runtime, spec, values, cancellationToken).ConfigureAwait(false);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        DateTimeOffset created = DateTimeOffset.UtcNow;
        foreach (float[] vector in vectors)
        {
            embeddings.Add(new Embedding<float>(vector) { ModelId = modelId, CreatedAt = created });
        }

        if (inputTokens is { } tokens)
        {
            embeddings.Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens };
        }

        return embeddings;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_runtime) ? _runtime
            : null;
    }

    /// <summary>Nothing to release: the runtime belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private static EmbeddingFamily Family(string modelId) =>
        InvokeModelFamilies.Embedding(modelId)
        ?? throw new ArgumentException(
            $"'{modelId}' is not an embedding model PromptGen writes bodies for (Titan Text Embeddings V2, Cohere Embed v3/v4, Nova Multimodal Embeddings).",
            nameof(modelId));

    private static string WireInputType(EmbeddingFamily family, EmbeddingInputType inputType) => (family, inputType) switch
    {
        (EmbeddingFamily.NovaMultimodal, EmbeddingInputType.SearchQuery) => "GENERIC_RETRIEVAL",
        (EmbeddingFamily.NovaMultimodal, EmbeddingInputType.Classification) => "CLASSIFICATION",
        (EmbeddingFamily.NovaMultimodal, EmbeddingInputType.Clustering) => "CLUSTERING",
        (EmbeddingFamily.NovaMultimodal, _) => "GENERIC_INDEX",
        (_, EmbeddingInputType.SearchQuery) => "search_query",
        (_, EmbeddingInputType.Classification) => "classification",
        (_, EmbeddingInputType.Clustering) => "clustering",
        _ => "search_document",
    };
}
