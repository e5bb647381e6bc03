// Deliberate image and embedding mistakes (PG0021, PG0022, PG0223, PG0224); the expected lines are pinned by DiagnosticsSampleBuildTests.
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

    // PG0022: an image method sends only its prompt; a photo passed to it would not be sent.
    [Model("stability.sd3-5-large-v1:0")]
    [Prompt("A lighthouse like this one")]
    Task<GeneratedImage> RepaintAsync(PromptImage photo, CancellationToken cancellationToken = default);
}
