using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PromptGen.EndToEnd.Tests;

/// <summary>Image and embedding methods, one or more per family, next to a chat method.</summary>
[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
public partial interface IStudioPrompts
{
    [Prompt("Name a colour for {{ mood }}.")]
    Task<string> ColourAsync(string mood, CancellationToken cancellationToken = default);

    [Model("stability.sd3-5-large-v1:0")]
    [Prompt("A watercolour of {{ city }} at dawn")]
    [ImageGeneration(AspectRatio = "16:9", Seed = 42, NegativePrompt = "text", CfgScale = 5)]
    Task<GeneratedImage> PaintAsync(string city, CancellationToken cancellationToken = default);

    [Model("stability.stable-image-core-v1:1")]
    [Prompt("A poster of {{ topic }}")]
    [ImageGeneration(OutputFormat = ImageFormat.Jpeg, Style = "photographic", Seed = 3)]
    Task<GeneratedImage> PosterAsync(string topic, CancellationToken cancellationToken = default);

    [Model("stability.stable-image-ultra-v1:1")]
    [Prompt("A portrait of {{ subject }}")]
    [ImageGeneration(AspectRatio = "2:3")]
    Task<IReadOnlyList<GeneratedImage>> PortraitsAsync(string subject, CancellationToken cancellationToken = default);

#pragma warning disable PG0204 // past their end of life on Bedrock (docs/models.md); the emulator still serves them when told to
    [Model("amazon.nova-canvas-v1:0")]
    [Prompt("A logo for {{ brand }}")]
    [ImageGeneration(Width = 512, Height = 512, NumberOfImages = 2, Quality = "premium", Style = "FLAT_VECTOR_ILLUSTRATION", Seed = 7)]
    Task<IReadOnlyList<GeneratedImage>> LogosAsync(string brand, CancellationToken cancellationToken = default);

    [Model("amazon.titan-image-generator-v2:0")]
    [Prompt("A sketch of {{ thing }}")]
    [ImageGeneration(Width = 768, Height = 1152, CfgScale = 8)]
    Task<GeneratedImage> SketchAsync(string thing, CancellationToken cancellationToken = default);
#pragma warning restore PG0204

    [Model("amazon.titan-embed-text-v2:0")]
    [Embedding(Dimensions = 256, Normalize = true)]
    Task<Embedding<float>> EmbedAsync(string text, CancellationToken cancellationToken = default);

    [Model("amazon.titan-embed-text-v2:0")]
    [Embedding(Dimensions = 512, Normalize = false)]
    Task<ReadOnlyMemory<float>> EmbedRawAsync(string text, CancellationToken cancellationToken = default);

    [Model("amazon.titan-embed-text-v2:0")]
    [Embedding(Dimensions = 256, Normalize = true)]
    Task<IReadOnlyList<Embedding<float>>> EmbedEachAsync(IEnumerable<string> texts, CancellationToken cancellationToken = default);

    [Model("cohere.embed-english-v3")]
    [Embedding(InputType = EmbeddingInputType.SearchDocument, Truncation = EmbeddingTruncation.End)]
    Task<IReadOnlyList<Embedding<float>>> EmbedDocumentsAsync(IReadOnlyList<string> documents, CancellationToken cancellationToken = default);

    [Model("cohere.embed-english-v3")]
    [Embedding(InputType = EmbeddingInputType.SearchDocument, Truncation = EmbeddingTruncation.End)]
    Task<Embedding<float>> EmbedDocumentAsync(string document, CancellationToken cancellationToken = default);

    [Model("us.cohere.embed-v4:0")]
    [Embedding(InputType = EmbeddingInputType.SearchQuery, Dimensions = 512)]
    Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedQueriesAsync(string[] queries, CancellationToken cancellationToken = default);

    [Model("amazon.nova-2-multimodal-embeddings-v1:0")]
    [Embedding(Dimensions = 384, InputType = EmbeddingInputType.Clustering)]
    Task<Embedding<float>> EmbedForClusterAsync(string text, CancellationToken cancellationToken = default);
}
