using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace Images;

/// <summary>
/// Image prompts: the template is the image prompt, the return type says one image or several, and
/// [ImageGeneration] holds the settings, each checked against the model at build time (PG0224).
/// </summary>
[PromptClient(Model = "stability.sd3-5-large-v1:0")]
public partial interface IArtPrompts
{
    [Prompt("A watercolour poster of {{ city }} at dawn, {{ mood }} light")]
    [ImageGeneration(AspectRatio = "16:9", Seed = 42, NegativePrompt = "text, watermark")]
    Task<GeneratedImage> PosterAsync(string city, string mood, CancellationToken cancellationToken = default);

    // Image-to-image: a PromptImage parameter is the source image, sent beside the prompt; Strength (required by Stable
    // Diffusion 3.5 for image-to-image) says how much of it may change, 0 to 1.
    [Prompt("The same scene as an ink drawing at {{ time }}")]
    [ImageGeneration(Strength = 0.6, Seed = 7)]
    Task<GeneratedImage> RestyleAsync(PromptImage scene, string time, CancellationToken cancellationToken = default);

    [Model("stability.stable-image-core-v1:1")]
    [Prompt("A product photo of {{ product }} on a plain background")]
    [ImageGeneration(AspectRatio = "1:1", Style = "photographic", OutputFormat = ImageFormat.Png)]
    Task<GeneratedImage> ProductShotAsync(string product, CancellationToken cancellationToken = default);

    [Model("stability.stable-image-ultra-v1:1")]
    [Prompt("A book cover for '{{ title }}'")]
    [ImageGeneration(AspectRatio = "2:3")]
    Task<IReadOnlyList<GeneratedImage>> CoversAsync(string title, CancellationToken cancellationToken = default);
}
