namespace PromptGen.Generators.Tests;

/// <summary>A prompt client with embedding and image methods next to a chat method, one per family.</summary>
internal static class InvokeSources
{
    public const string Invoke = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using PromptGen;

        namespace Demo.Invoke;

        [PromptClient(Model = "us.amazon.nova-lite-v1:0")]
        public partial interface IMediaStudio
        {
            [Prompt("Suggest a title for: {{ text }}")]
            Task<string> TitleAsync(string text, CancellationToken cancellationToken = default);

            [Model("amazon.titan-embed-text-v2:0")]
            [Embedding(Dimensions = 512, Normalize = true)]
            Task<Embedding<float>> EmbedAsync(string text, CancellationToken cancellationToken = default);

            [Model("amazon.titan-embed-text-v2:0")]
            Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedTitlesAsync(IEnumerable<string> titles, CancellationToken cancellationToken = default);

            [Model("cohere.embed-english-v3")]
            [Embedding(InputType = EmbeddingInputType.SearchDocument, Truncation = EmbeddingTruncation.End)]
            Task<IReadOnlyList<Embedding<float>>> EmbedDocumentsAsync(IReadOnlyList<string> documents, CancellationToken cancellationToken = default);

            [Model("us.cohere.embed-v4:0")]
            [Embedding(InputType = EmbeddingInputType.SearchQuery, Dimensions = 256, Truncation = EmbeddingTruncation.Start)]
            Task<ReadOnlyMemory<float>> EmbedQueryAsync(string query, CancellationToken cancellationToken = default);

            [Model("amazon.nova-2-multimodal-embeddings-v1:0")]
            [Embedding(Dimensions = 384, InputType = EmbeddingInputType.Clustering)]
            Task<IReadOnlyList<Embedding<float>>> EmbedForClustersAsync(string[] texts, CancellationToken cancellationToken = default);

            [Model("stability.sd3-5-large-v1:0")]
            [Prompt("A watercolour of {{ city }} at dawn")]
            [ImageGeneration(AspectRatio = "16:9", Seed = 42, NegativePrompt = "text, watermark", CfgScale = 5)]
            Task<GeneratedImage> PaintAsync(string city, CancellationToken cancellationToken = default);

            [Model("stability.stable-image-core-v1:1")]
            [Prompt("A poster of {{ topic }}")]
            [ImageGeneration(OutputFormat = ImageFormat.Jpeg, Style = "photographic")]
            Task<IReadOnlyList<GeneratedImage>> PosterAsync(string topic, CancellationToken cancellationToken = default);

        #pragma warning disable PG0204 // Nova Canvas and Titan Image Generator v2 are past their end of life; their bodies are still written
            [Model("amazon.nova-canvas-v1:0")]
            [Prompt("A logo for {{ brand }}")]
            [ImageGeneration(Width = 512, Height = 512, NumberOfImages = 2, Quality = "premium", Style = "FLAT_VECTOR_ILLUSTRATION", Seed = 7)]
            Task<IReadOnlyList<GeneratedImage>> LogosAsync(string brand, CancellationToken cancellationToken = default);

            [Model("amazon.titan-image-generator-v2:0")]
            [Prompt("A sketch of {{ thing }}")]
            [ImageGeneration(Width = 768, Height = 1152, CfgScale = 8)]
            Task<GeneratedImage> SketchAsync(string thing, CancellationToken cancellationToken = default);
        #pragma warning restore PG0204
        }
        """;
}
