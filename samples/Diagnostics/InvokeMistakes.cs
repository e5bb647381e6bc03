// Deliberate image and embedding mistakes (PG0021, PG0022, PG0223, PG0224, PG0225, PG0226); the expected lines are pinned by DiagnosticsSampleBuildTests.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen;

namespace PromptGen.Samples.Diagnostics;

[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
public partial interface IInvokeMistakes
{
    // PG0021: an embedding method embeds one string, or one collection of strings for a list.
    [Model("amazon.titan-embed-text-v2:0")]
    Task<IReadOnlyList<Embedding<float>>> EmbedAllAsync(string text, CancellationToken cancellationToken = default);

    // PG0223: the interface's Nova Lite is a chat model; an embedding method needs an embedding model.
    Task<Embedding<float>> EmbedAsync(string text, CancellationToken cancellationToken = default);

    // PG0224: Titan Text Embeddings V2 makes 256, 512 or 1024 dimensions.
    [Model("amazon.titan-embed-text-v2:0")]
    [Embedding(Dimensions = 768)]
    Task<Embedding<float>> EmbedWideAsync(string text, CancellationToken cancellationToken = default);

    // PG0224: Stability models take an aspect ratio, not a width.
    [Model("stability.sd3-5-large-v1:0")]
    [Prompt("A lighthouse at dusk")]
    [ImageGeneration(Width = 1024)]
    Task<GeneratedImage> PaintAsync(CancellationToken cancellationToken = default);

    // PG0223: an image model makes images, not text.
    [Model("stability.stable-image-core-v1:1")]
    [Prompt("Describe a lighthouse")]
    Task<string> DescribeAsync(CancellationToken cancellationToken = default);

    // PG0022: an image method sends its prompt and source images; a video passed to it would not be sent.
    [Model("stability.sd3-5-large-v1:0")]
    [Prompt("A lighthouse like this one")]
    Task<GeneratedImage> RepaintAsync(PromptVideo clip, CancellationToken cancellationToken = default);

    // PG0225: Stable Image Core makes images from text only; it takes no source image.
    [Model("stability.stable-image-core-v1:1")]
    [Prompt("The same lighthouse at night")]
    Task<GeneratedImage> NightAsync(PromptImage photo, CancellationToken cancellationToken = default);

    // PG0226: Stable Diffusion 3.5 image-to-image needs a Strength.
    [Model("stability.sd3-5-large-v1:0")]
    [Prompt("The same lighthouse in watercolour")]
    Task<GeneratedImage> WatercolourAsync(PromptImage photo, CancellationToken cancellationToken = default);
}
