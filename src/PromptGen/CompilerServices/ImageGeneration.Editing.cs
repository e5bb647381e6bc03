using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen.CompilerServices;

/// <summary>
/// Image methods with source images: Stable Diffusion 3.5 Large image-to-image, Nova Canvas and Titan image variation,
/// inpainting and outpainting. The build checked which of these the model takes (PG0225, PG0226); what is left for run
/// time is what only the values show: a null image, an image held in S3 (these bodies carry bytes), a format the model
/// does not read.
/// </summary>
public static partial class ImageGeneration
{
    /// <summary>Makes the method's one image from its source images. Used by generated code; not for direct use.</summary>
    public static async Task<GeneratedImage> EditOneAsync(
        IBedrockRuntime runtime, ImageSpec spec, string prompt, IReadOnlyList<PromptImage> sources, PromptImage? mask, string? maskPrompt, CancellationToken cancellationToken)
    {
        IReadOnlyList<GeneratedImage> images = await EditAsync(runtime, spec, prompt, sources, mask, maskPrompt, cancellationToken).ConfigureAwait(false);
        return images[0];
    }

    /// <summary>Makes the method's images from its source images. Used by generated code; not for direct use.</summary>
    /// <exception cref="ArgumentNullException">A source image or the mask is null.</exception>
    /// <exception cref="PromptMediaException">An image is in S3 or in a format the model does not take.</exception>
    /// <exception cref="BedrockContentFilteredException">The model's content filter held the prompt or an image back.</exception>
    public static async Task<IReadOnlyList<GeneratedImage>> EditAsync(
        IBedrockRuntime runtime, ImageSpec spec, string prompt, IReadOnlyList<PromptImage> sources, PromptImage? mask, string? maskPrompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(prompt);
        byte[] body = spec.Family == ImageFamily.Stability
            ? StabilityEditBody(spec, prompt, sources)
            : AmazonEditBody(spec, prompt, sources, mask, maskPrompt);
        InvokeModelResponse response = await runtime.InvokeModelAsync(spec.ModelId, body, Options, cancellationToken).ConfigureAwait(false);
        return spec.Family == ImageFamily.Stability ? ReadStability(spec, response) : ReadAmazon(spec, response);
    }

    /// <summary>The body of a Stable Diffusion 3.5 image-to-image request. Used by generated code and tests; not for direct use.</summary>
    public static byte[] StabilityEditBody(ImageSpec spec, string prompt, IReadOnlyList<PromptImage> sources)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count != 1)
        {
            throw new ArgumentException($"Stable Diffusion 3.5 image-to-image takes one source image; {sources.Count} were given.", nameof(sources));
        }

        // Stability reads PNG, JPEG and WebP sources [U: Stability's own API page; the AWS page names no formats].
        ReadOnlyMemory<byte> image = Bytes(sources[0], nameof(sources), ImageFormat.Png, ImageFormat.Jpeg, ImageFormat.Webp);
        return new StabilityImageRequest
        {
            Prompt = prompt,
            Mode = "image-to-image",
            Image = image,
            Strength = spec.Strength,
            NegativePrompt = spec.NegativePrompt,
            Seed = spec.Seed,
            OutputFormat = spec.OutputFormat,
            CfgScale = spec.CfgScale,
        }.ToJson();
    }

    /// <summary>The body of a Nova Canvas or Titan editing request. Used by generated code and tests; not for direct use.</summary>
    public static byte[] AmazonEditBody(ImageSpec spec, string prompt, IReadOnlyList<PromptImage> sources, PromptImage? mask, string? maskPrompt)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sources);
        string task = spec.EditTask ?? (mask is null && maskPrompt is null ? "IMAGE_VARIATION" : "INPAINTING");
        if (task != "IMAGE_VARIATION" && mask is null && maskPrompt is null)
        {
            throw new ArgumentNullException(mask is null ? nameof(maskPrompt) : nameof(mask), $"{task} needs its mask; the mask given is null.");
        }

        var images = new ReadOnlyMemory<byte>[sources.Count];
        for (int i = 0; i < images.Length; i++)
        {
            images[i] = Bytes(sources[i], nameof(sources), ImageFormat.Png, ImageFormat.Jpeg);
        }

        bool variation = task == "IMAGE_VARIATION";
        return new AmazonImageEditRequest
        {
            TaskType = task,
            Images = images,

            // A variation may have no prompt; an empty one would be refused (text takes at least one character).
            Text = string.IsNullOrWhiteSpace(prompt) ? null : prompt,
            NegativeText = spec.NegativePrompt,
            MaskPrompt = maskPrompt,
            MaskImage = mask is null ? (ReadOnlyMemory<byte>?)null : Bytes(mask, nameof(mask), ImageFormat.Png, ImageFormat.Jpeg),
            SimilarityStrength = variation ? spec.Similarity : null,
            OutPaintingMode = task == "OUTPAINTING" ? spec.OutpaintingMode : null,
            Width = variation ? spec.Width : null,
            Height = variation ? spec.Height : null,
            NumberOfImages = spec.NumberOfImages,
            CfgScale = spec.CfgScale,
            Seed = spec.Seed,
            Quality = spec.Quality,
        }.ToJson();
    }

    /// <summary>The image's bytes, for a body that carries them; refused when in S3 or in a format the model does not take.</summary>
    private static ReadOnlyMemory<byte> Bytes(PromptImage? image, string parameter, params ImageFormat[] formats)
    {
        ArgumentNullException.ThrowIfNull(image, parameter);
        if (image.S3Location is not null)
        {
            throw new PromptMediaException("Image models take the image's bytes in the request body, not an S3 location; load the image with PromptImage.FromBytes or FromFile.", parameter);
        }

        if (System.Array.IndexOf(formats, image.Format) < 0)
        {
            throw new PromptMediaException($"The model takes {string.Join(" or ", formats)} images, not {image.Format}.", parameter);
        }

        return image.Bytes;
    }
}
