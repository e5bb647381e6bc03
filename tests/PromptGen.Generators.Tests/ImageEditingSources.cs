namespace PromptGen.Generators.Tests;

/// <summary>Image-editing methods, one per kind of edit and family, and an image embedding method.</summary>
internal static class ImageEditingSources
{
    public const string Editing = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using PromptGen;

        namespace Demo.Editing;

        [PromptClient]
        public partial interface IPhotoDesk
        {
            [Model("stability.sd3-5-large-v1:0")]
            [Prompt("The same scene as a {{ style }} painting")]
            [ImageGeneration(Strength = 0.65, Seed = 3, OutputFormat = ImageFormat.Jpeg)]
            Task<GeneratedImage> RestyleAsync(PromptImage photo, string style, CancellationToken cancellationToken = default);

        #pragma warning disable PG0204 // Nova Canvas and Titan Image Generator v2 are past their end of life; their bodies are still written
            [Model("amazon.nova-canvas-v1:0")]
            [Prompt("{{ theme }}")]
            [ImageGeneration(Similarity = 0.8, Width = 512, Height = 512, NumberOfImages = 2)]
            Task<System.Collections.Generic.IReadOnlyList<GeneratedImage>> VaryAsync(PromptImage first, PromptImage second, string theme, CancellationToken cancellationToken = default);

            [Model("amazon.nova-canvas-v1:0")]
            [Prompt("a {{ replacement }}")]
            [ImageGeneration(Seed = 11, Quality = "premium")]
            Task<GeneratedImage> ReplaceAsync(PromptImage photo, [Mask] string area, string replacement, CancellationToken cancellationToken = default);

            [Model("amazon.titan-image-generator-v2:0")]
            [Prompt("a beach at sunset behind the subject")]
            [ImageGeneration(Outpainting = Outpainting.Precise, CfgScale = 7)]
            Task<GeneratedImage> ExtendAsync(PromptImage photo, [Mask] PromptImage subject, CancellationToken cancellationToken = default);
        #pragma warning restore PG0204

            [Model("amazon.nova-2-multimodal-embeddings-v1:0")]
            [Embedding(Dimensions = 1024, InputType = EmbeddingInputType.SearchDocument)]
            Task<Embedding<float>> EmbedPhotoAsync(PromptImage photo, CancellationToken cancellationToken = default);
        }
        """;
}
