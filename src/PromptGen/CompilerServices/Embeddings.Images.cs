using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen.Bedrock;

namespace PromptGen.CompilerServices;

/// <summary>
/// Embedding methods whose input is a <see cref="PromptImage"/>: Nova Multimodal Embeddings places images in the same
/// vector space as texts, so an image embedded here can be compared with a text embedded by a text method of the same
/// model and dimension. Titan Text Embeddings and Cohere stay text-only in PromptGen; the build says so (PG0225).
/// </summary>
public static partial class Embeddings
{
    /// <summary>Embeds one image. Used by generated code; not for direct use.</summary>
    public static async Task<Embedding<float>> EmbedImageAsync(IBedrockRuntime runtime, EmbeddingSpec spec, PromptImage image, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<float> vector = await EmbedImageVectorAsync(runtime, spec, image, cancellationToken).ConfigureAwait(false);
        return ToEmbedding(spec, vector);
    }

    /// <summary>Embeds one image, the bare vector. Used by generated code; not for direct use.</summary>
    /// <exception cref="NotSupportedException">The spec's model is not Nova Multimodal Embeddings.</exception>
    public static async Task<ReadOnlyMemory<float>> EmbedImageVectorAsync(IBedrockRuntime runtime, EmbeddingSpec spec, PromptImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(image);
        if (spec.Family != EmbeddingFamily.NovaMultimodal)
        {
            throw new NotSupportedException($"{spec.ModelId} embeds text only in PromptGen; Nova Multimodal Embeddings embeds images.");
        }

        byte[] body = new NovaEmbeddingRequest
        {
            EmbeddingPurpose = spec.InputType ?? "GENERIC_INDEX",
            EmbeddingDimension = spec.Dimensions,
            ImageBytes = image.S3Location is null ? image.Bytes : (ReadOnlyMemory<byte>?)null,
            ImageS3Uri = image.S3Location?.Uri,
            ImageS3BucketOwner = image.S3Location?.BucketOwner,
            ImageFormat = image.Format switch
            {
                ImageFormat.Png => "png",
                ImageFormat.Jpeg => "jpeg",
                ImageFormat.Gif => "gif",
                _ => "webp",
            },
        }.ToJson();
        InvokeModelResponse response = await runtime.InvokeModelAsync(spec.ModelId, body, Options, cancellationToken).ConfigureAwait(false);
        var embeddings = NovaEmbeddingResponse.Parse(response.Body).Embeddings;
        if (embeddings.Count == 0)
        {
            throw new BedrockResponseException($"{spec.ModelId} returned no vector.") { RequestId = response.RequestId };
        }

        return Vector(embeddings[0].Embedding);
    }
}
