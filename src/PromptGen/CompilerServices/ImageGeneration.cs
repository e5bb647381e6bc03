using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen.CompilerServices;

/// <summary>
/// The call behind image methods: the rendered prompt and the method's settings as the model's body, the images read
/// back, and a filtered answer raised as <see cref="BedrockContentFilteredException"/>. Used by generated code; not
/// for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ImageGeneration
{
    private static readonly InvokeModelOptions Options = new() { Operation = InvokeModelOperation.ImageGeneration };

    /// <summary>Makes the method's one image. Used by generated code; not for direct use.</summary>
    public static async Task<GeneratedImage> GenerateOneAsync(IBedrockRuntime runtime, ImageSpec spec, string prompt, CancellationToken cancellationToken)
    {
        IReadOnlyList<GeneratedImage> images = await GenerateAsync(runtime, spec, prompt, cancellationToken).ConfigureAwait(false);
        return images[0];
    }

    /// <summary>Makes the method's images. Used by generated code; not for direct use.</summary>
    /// <exception cref="BedrockContentFilteredException">The model's content filter held the prompt or an image back.</exception>
    public static async Task<IReadOnlyList<GeneratedImage>> GenerateAsync(IBedrockRuntime runtime, ImageSpec spec, string prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(prompt);
        byte[] body = spec.Family == ImageFamily.Stability ? StabilityBody(spec, prompt) : AmazonBody(spec, prompt);
        InvokeModelResponse response = await runtime.InvokeModelAsync(spec.ModelId, body, Options, cancellationToken).ConfigureAwait(false);
        return spec.Family == ImageFamily.Stability ? ReadStability(spec, response) : ReadAmazon(spec, response);
    }

    /// <summary>The body of a Stability request. Used by generated code and tests; not for direct use.</summary>
    public static byte[] StabilityBody(ImageSpec spec, string prompt) => new StabilityImageRequest
    {
        Prompt = prompt,
        NegativePrompt = spec.NegativePrompt,
        AspectRatio = spec.AspectRatio,
        Seed = spec.Seed,
        OutputFormat = spec.OutputFormat,
        StylePreset = spec.Style,
        CfgScale = spec.CfgScale,
    }.ToJson();

    /// <summary>The body of a Nova Canvas or Titan request. Used by generated code and tests; not for direct use.</summary>
    public static byte[] AmazonBody(ImageSpec spec, string prompt) => new AmazonImageRequest
    {
        Text = prompt,
        NegativeText = spec.NegativePrompt,
        Style = spec.Style,
        Width = spec.Width,
        Height = spec.Height,
        NumberOfImages = spec.NumberOfImages,
        CfgScale = spec.CfgScale,
        Seed = spec.Seed,
        Quality = spec.Quality,
    }.ToJson();

    private static GeneratedImage[] ReadStability(ImageSpec spec, InvokeModelResponse response)
    {
        StabilityImageResponse answer = StabilityImageResponse.Parse(response.Body);
        answer.ThrowIfFiltered(response.RequestId);
        string mediaType = spec.OutputFormat == "jpeg" ? "image/jpeg" : "image/png";
        var images = new GeneratedImage[answer.Images.Count];
        for (int i = 0; i < images.Length; i++)
        {
            images[i] = new GeneratedImage(answer.Images[i], mediaType, spec.ModelId)
            {
                Seed = i < answer.Seeds.Count ? answer.Seeds[i] : spec.Seed,
                FinishReason = i < answer.FinishReasons.Count ? answer.FinishReasons[i] : null,
                RequestId = response.RequestId,
            };
        }

        return images;
    }

    private static GeneratedImage[] ReadAmazon(ImageSpec spec, InvokeModelResponse response)
    {
        AmazonImageResponse answer = AmazonImageResponse.Parse(response.Body);
        answer.ThrowIfFiltered(response.RequestId);
        var images = new GeneratedImage[answer.Images.Count];
        for (int i = 0; i < images.Length; i++)
        {
            images[i] = new GeneratedImage(answer.Images[i], "image/png", spec.ModelId)
            {
                Seed = spec.Seed,
                RequestId = response.RequestId,
            };
        }

        return images;
    }
}
