using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// The request body family of an image model. Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ImageFamily
{
    /// <summary>Stability AI: Stable Diffusion 3.5 Large, Stable Image Core and Ultra.</summary>
    Stability,

    /// <summary>Amazon Nova Canvas and Titan Image Generator v2 (<c>TEXT_IMAGE</c>).</summary>
    Amazon,
}

/// <summary>
/// What an image method sends besides its prompt, checked at build time: the model, its family and the settings of
/// <c>[ImageGeneration]</c> in the model's own words. Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ImageSpec
{
    /// <summary>Creates the spec of one method. Used by generated code; not for direct use.</summary>
    /// <param name="modelId">The model id, inference profile or ARN.</param>
    /// <param name="family">The model's body family.</param>
    public ImageSpec(string modelId, ImageFamily family)
    {
        ModelId = modelId;
        Family = family;
    }

    /// <summary>The model id, inference profile or ARN.</summary>
    public string ModelId { get; }

    /// <summary>The model's body family.</summary>
    public ImageFamily Family { get; }

    /// <summary>Amazon <c>width</c>.</summary>
    public int? Width { get; init; }

    /// <summary>Amazon <c>height</c>.</summary>
    public int? Height { get; init; }

    /// <summary>Stability <c>aspect_ratio</c>.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>Amazon <c>numberOfImages</c>.</summary>
    public int? NumberOfImages { get; init; }

    /// <summary>The <c>seed</c>.</summary>
    public long? Seed { get; init; }

    /// <summary>Stability <c>negative_prompt</c>, Amazon <c>negativeText</c>.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>Nova Canvas <c>style</c>, Stable Image <c>style_preset</c>.</summary>
    public string? Style { get; init; }

    /// <summary>Amazon <c>quality</c>.</summary>
    public string? Quality { get; init; }

    /// <summary>Stability <c>output_format</c>: <c>png</c> or <c>jpeg</c>.</summary>
    public string? OutputFormat { get; init; }

    /// <summary>Amazon <c>cfgScale</c>, Stable Diffusion 3.5 <c>cfg_scale</c>.</summary>
    public double? CfgScale { get; init; }

    /// <summary>
    /// Amazon editing task for a method with source images: <c>IMAGE_VARIATION</c>, <c>INPAINTING</c> or
    /// <c>OUTPAINTING</c>; null for text to image (and for Stability, whose source image means image-to-image).
    /// </summary>
    public string? EditTask { get; init; }

    /// <summary>Stable Diffusion 3.5 image-to-image <c>strength</c>.</summary>
    public double? Strength { get; init; }

    /// <summary>Amazon <c>IMAGE_VARIATION</c> <c>similarityStrength</c>.</summary>
    public double? Similarity { get; init; }

    /// <summary>Amazon <c>OUTPAINTING</c> <c>outPaintingMode</c>: <c>DEFAULT</c> or <c>PRECISE</c>.</summary>
    public string? OutpaintingMode { get; init; }
}
