using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen.CompilerServices;

// IImageGenerator is experimental in Microsoft.Extensions.AI (MEAI001): this adapter is marked experimental with the
// same id, so a caller opts in once, as for M.E.AI's own image types.
#pragma warning disable MEAI001

namespace PromptGen.AI;

/// <summary>
/// Amazon Bedrock's image models as a Microsoft.Extensions.AI <see cref="IImageGenerator"/>: Stability AI's Stable
/// Diffusion 3.5 Large and Stable Image Core/Ultra, Amazon Nova Canvas and Titan Image Generator v2 (text to image).
/// The images come back as <see cref="DataContent"/>; a filtered image is <see cref="BedrockContentFilteredException"/>.
/// Experimental like <see cref="IImageGenerator"/> itself (MEAI001).
/// </summary>
[Experimental("MEAI001")]
public sealed class BedrockImageGenerator : IImageGenerator
{
    private const string ProviderName = "aws.bedrock";

    // Stability's aspect ratios (AWS, model-parameters-diffusion-3-5-large.html), by the width over height they stand for.
    private static readonly (string Ratio, double Value)[] AspectRatios =
    {
        ("1:1", 1.0), ("16:9", 16.0 / 9), ("21:9", 21.0 / 9), ("2:3", 2.0 / 3), ("3:2", 1.5), ("4:5", 0.8), ("5:4", 1.25), ("9:16", 9.0 / 16), ("9:21", 9.0 / 21),
    };

    private readonly IBedrockRuntime _runtime;
    private readonly string _modelId;
    private readonly ImageGeneratorMetadata _metadata;

    /// <param name="runtime">Where requests go: a <see cref="BedrockRuntimeClient"/> or any other <see cref="IBedrockRuntime"/>.</param>
    /// <param name="modelId">The image model, e.g. <c>stability.sd3-5-large-v1:0</c>, used when <see cref="ImageGenerationOptions.ModelId"/> is not set.</param>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is not an image model this adapter writes bodies for.</exception>
    public BedrockImageGenerator(IBedrockRuntime runtime, string modelId)
    {
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        _ = Family(modelId);
        _modelId = modelId;
        Uri? endpoint = (runtime as BedrockRuntimeClient)?.Endpoint ?? ((runtime as InstrumentedBedrockRuntime)?.Inner as BedrockRuntimeClient)?.Endpoint;
        _metadata = new ImageGeneratorMetadata(ProviderName, endpoint, modelId);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <see cref="ImageGenerationOptions.Count"/> images are made: in one call for Nova Canvas and Titan, one call each
    /// for Stability. <see cref="ImageGenerationOptions.ImageSize"/> is the width and height for Nova Canvas and Titan, and
    /// the closest aspect ratio for Stability; <see cref="ImageGenerationOptions.MediaType"/> <c>image/jpeg</c> asks
    /// Stability for JPEG.
    /// <para>
    /// Editing: with <see cref="ImageGenerationRequest.OriginalImages"/> (images as <see cref="DataContent"/>), Stable
    /// Diffusion 3.5 Large does image-to-image from one image, with the strength (0 keeps the image, 1 ignores it)
    /// required in <see cref="ImageGenerationOptions.AdditionalProperties"/> under <c>"strength"</c>; Nova Canvas and
    /// Titan make an image variation from 1 to 5 images, with an optional <c>"similarityStrength"</c> (0.2 to 1.0).
    /// M.E.AI has no mask, so inpainting and outpainting are for generated methods (<see cref="MaskAttribute"/>).
    /// </para>
    /// </remarks>
    /// <exception cref="NotSupportedException">Original images were given to Stable Image Core or Ultra, which edit nothing on Bedrock, or an original is not bytes.</exception>
    /// <exception cref="ArgumentException">The originals or the strength do not fit the model.</exception>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string modelId = options?.ModelId ?? _modelId;
        ImageFamily family = Family(modelId);
        PromptImage[] originals = ImageEditing.Originals(request.OriginalImages, modelId, family);
        string prompt = request.Prompt ?? (family == ImageFamily.Amazon && originals.Length > 0
            ? string.Empty // a variation may have no prompt
            : throw new ArgumentException("The request has no prompt.", nameof(request)));
        int count = options?.Count ?? 1;
        var spec = new ImageSpec(modelId, family)
        {
            Width = family == ImageFamily.Amazon ? options?.ImageSize?.Width : null,
            Height = family == ImageFamily.Amazon ? options?.ImageSize?.Height : null,
            AspectRatio = family == ImageFamily.Stability && options?.ImageSize is { } size ? ClosestRatio(size.Width, size.Height) : null,
            NumberOfImages = family == ImageFamily.Amazon && count != 1 ? count : null,
            OutputFormat = family == ImageFamily.Stability && options?.MediaType is "image/jpeg" ? "jpeg" : null,
            EditTask = originals.Length > 0 && family == ImageFamily.Amazon ? "IMAGE_VARIATION" : null,
            Strength = originals.Length > 0 && family == ImageFamily.Stability ? ImageEditing.Strength(options) : null,
            Similarity = originals.Length > 0 && family == ImageFamily.Amazon ? ImageEditing.Similarity(options) : null,
        };

        var images = new List<GeneratedImage>(count);
        for (int call = 0; call < (family == ImageFamily.Amazon ? 1 : count); call++)
        {
            images.AddRange(originals.Length == 0
                ? await ImageGeneration.GenerateAsync(_runtime, spec, prompt, cancellationToken).ConfigureAwait(false)
                : await ImageGeneration.EditAsync(_runtime, spec, prompt, originals, null, null, cancellationToken).ConfigureAwait(false));
        }

        var contents = new List<AIContent>(images.Count);
        foreach (GeneratedImage image in images)
        {
            contents.Add(new DataContent(image.Data, image.MediaType) { RawRepresentation = image });
        }

        return new ImageGenerationResponse(contents) { RawRepresentation = images };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ImageGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_runtime) ? _runtime
            : null;
    }

    /// <summary>Nothing to release: the runtime belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private static ImageFamily Family(string modelId) =>
        InvokeModelFamilies.Image(modelId)
        ?? throw new ArgumentException(
            $"'{modelId}' is not an image model PromptGen writes bodies for (Stability, Nova Canvas, Titan Image Generator v2).",
            nameof(modelId));

    private static string ClosestRatio(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The image size {width}x{height} is not positive."));
        }

        double wanted = Math.Log((double)width / height);
        (string Ratio, double Value) best = AspectRatios[0];
        foreach ((string Ratio, double Value) candidate in AspectRatios)
        {
            if (Math.Abs(Math.Log(candidate.Value) - wanted) < Math.Abs(Math.Log(best.Value) - wanted))
            {
                best = candidate;
            }
        }

        return best.Ratio;
    }
}
