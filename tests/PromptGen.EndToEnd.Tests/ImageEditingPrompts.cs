using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PromptGen.EndToEnd.Tests;

/// <summary>Image-editing methods, one per family and kind of edit, and an image embedding method.</summary>
[PromptClient]
public partial interface IEditingPrompts
{
    [Model("stability.sd3-5-large-v1:0")]
    [Prompt("The same scene as a {{ style }} painting")]
    [ImageGeneration(Strength = 0.65, Seed = 3)]
    Task<GeneratedImage> RestyleAsync(PromptImage photo, string style, CancellationToken cancellationToken = default);

#pragma warning disable PG0204 // past their end of life on Bedrock (docs/models.md); the emulator still serves them when told to
    [Model("amazon.nova-canvas-v1:0")]
    [Prompt("{{ theme }}")]
    [ImageGeneration(Similarity = 0.8, Width = 512, Height = 512, NumberOfImages = 2, Seed = 5)]
    Task<IReadOnlyList<GeneratedImage>> VaryAsync(PromptImage first, PromptImage second, string theme, CancellationToken cancellationToken = default);

    [Model("amazon.nova-canvas-v1:0")]
    [Prompt("a {{ replacement }}")]
    [ImageGeneration(Seed = 11)]
    Task<GeneratedImage> ReplaceAsync(PromptImage photo, [Mask] string area, string replacement, CancellationToken cancellationToken = default);

    [Model("amazon.nova-canvas-v1:0")]
    [Prompt("a garden behind the house")]
    [ImageGeneration(Outpainting = Outpainting.Default)]
    Task<GeneratedImage> SurroundAsync(PromptImage photo, [Mask] PromptImage house, CancellationToken cancellationToken = default);

    [Model("amazon.titan-image-generator-v2:0")]
    [Prompt("cats")]
    [ImageGeneration(Similarity = 0.5)]
    Task<GeneratedImage> TitanVaryAsync(PromptImage photo, CancellationToken cancellationToken = default);

    [Model("amazon.titan-image-generator-v2:0")]
    [Prompt("a red door")]
    Task<GeneratedImage> TitanInpaintAsync(PromptImage photo, [Mask] PromptImage door, CancellationToken cancellationToken = default);

    [Model("amazon.titan-image-generator-v2:0")]
    [Prompt("a beach at sunset behind the subject")]
    [ImageGeneration(Outpainting = Outpainting.Precise, CfgScale = 7)]
    Task<GeneratedImage> ExtendAsync(PromptImage photo, [Mask] string subject, CancellationToken cancellationToken = default);
#pragma warning restore PG0204

    [Model("amazon.nova-2-multimodal-embeddings-v1:0")]
    [Embedding(Dimensions = 1024)]
    Task<Embedding<float>> EmbedPhotoAsync(PromptImage photo, CancellationToken cancellationToken = default);

    [Model("amazon.nova-2-multimodal-embeddings-v1:0")]
    [Embedding(Dimensions = 1024)]
    Task<Embedding<float>> EmbedTextAsync(string text, CancellationToken cancellationToken = default);
}
