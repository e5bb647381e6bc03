using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.AI;
using PromptGen.CompilerServices;

namespace PromptGen.AI;

/// <summary>
/// How <see cref="BedrockImageGenerator"/> reads an editing request: M.E.AI's original images as
/// <see cref="PromptImage"/>s, refused where the model edits nothing (Stable Image Core and Ultra document text to image
/// only on Bedrock) or takes fewer images; the strength settings M.E.AI has no property for, from
/// <see cref="ImageGenerationOptions.AdditionalProperties"/>.
/// </summary>
internal static class ImageEditing
{
    public const string StrengthKey = "strength";
    public const string SimilarityKey = "similarityStrength";

    public static PromptImage[] Originals(IEnumerable<AIContent>? originals, string modelId, ImageFamily family)
    {
        var images = new List<PromptImage>();
        foreach (AIContent content in originals ?? Array.Empty<AIContent>())
        {
            if (content is not DataContent { } data || !data.HasTopLevelMediaType("image"))
            {
                throw new NotSupportedException($"BedrockImageGenerator edits images given as DataContent with an image media type, not {content?.GetType().Name ?? "null"}.");
            }

            images.Add(PromptImage.FromBytes(data.Data));
        }

        if (images.Count == 0)
        {
            return Array.Empty<PromptImage>();
        }

        if (InvokeModelFamilies.IsStableImage(modelId))
        {
            throw new NotSupportedException($"{modelId} makes images from text only on Bedrock; edit images with stability.sd3-5-large-v1:0 (image-to-image), Nova Canvas or Titan Image Generator v2 (variation).");
        }

        int allowed = family == ImageFamily.Stability ? 1 : 5;
        if (images.Count > allowed)
        {
            throw new ArgumentException($"{modelId} takes {(allowed == 1 ? "one original image" : "1 to 5 original images")}; {images.Count} were given.", nameof(originals));
        }

        return images.ToArray();
    }

    /// <summary>Stable Diffusion 3.5 image-to-image's required strength, 0 to 1.</summary>
    public static double Strength(ImageGenerationOptions? options) =>
        Number(options, StrengthKey, 0, 1)
        ?? throw new ArgumentException(
            "Stable Diffusion 3.5 image-to-image needs a strength: set ImageGenerationOptions.AdditionalProperties[\"strength\"] to 0 (keep the image) to 1 (ignore it).",
            nameof(options));

    /// <summary>Nova Canvas and Titan variation's optional similarity, 0.2 to 1.0.</summary>
    public static double? Similarity(ImageGenerationOptions? options) => Number(options, SimilarityKey, 0.2, 1.0);

    private static double? Number(ImageGenerationOptions? options, string key, double minimum, double maximum)
    {
        if (options?.AdditionalProperties is not { } properties || !properties.TryGetValue(key, out object? value) || value is null)
        {
            return null;
        }

        double number = value is IConvertible convertible
            ? convertible.ToDouble(CultureInfo.InvariantCulture)
            : throw new ArgumentException($"AdditionalProperties[\"{key}\"] must be a number.", nameof(options));
        return number >= minimum && number <= maximum
            ? number
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"AdditionalProperties[\"{key}\"] is {number}; use {minimum} to {maximum}."), nameof(options));
    }
}
