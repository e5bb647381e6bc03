namespace PromptGen.Generators.Models;

/// <summary>
/// An embedding method: the model, its body family (a <c>PromptGen.CompilerServices.EmbeddingFamily</c> member), the
/// parameter holding the text or texts, and the settings in the model's own words (null: not sent).
/// </summary>
internal sealed record EmbeddingPlan(string ModelId, string Family, string InputParameter, bool Many, bool Bare)
{
    /// <summary>The input is one PromptImage (Nova Multimodal Embeddings), not text.</summary>
    public bool ImageInput { get; init; }

    public int? Dimensions { get; init; }

    public bool? Normalize { get; init; }

    public string? InputType { get; init; }

    public string? Truncation { get; init; }
}

/// <summary>
/// The settings of an image method (its prompt is the plan's user template): the body family (a
/// <c>PromptGen.CompilerServices.ImageFamily</c> member), one image or a list, and the settings in the model's words.
/// </summary>
internal sealed record ImagePlan(string Family, bool Many)
{
    public int? Width { get; init; }

    public int? Height { get; init; }

    public string? AspectRatio { get; init; }

    public int? NumberOfImages { get; init; }

    public long? Seed { get; init; }

    public string? NegativePrompt { get; init; }

    public string? Style { get; init; }

    public string? Quality { get; init; }

    public string? OutputFormat { get; init; }

    public double? CfgScale { get; init; }

    /// <summary>The PromptImage parameters that are the source images, in declaration order; empty for text to image.</summary>
    public EquatableArray<string> SourceImages { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The [Mask] PromptImage parameter (<c>maskImage</c>), if any.</summary>
    public string? MaskImage { get; init; }

    /// <summary>The [Mask] string parameter (<c>maskPrompt</c>), if any.</summary>
    public string? MaskPrompt { get; init; }

    /// <summary>Amazon editing task: IMAGE_VARIATION, INPAINTING or OUTPAINTING; null otherwise.</summary>
    public string? EditTask { get; init; }

    public double? Strength { get; init; }

    public double? Similarity { get; init; }

    /// <summary>Amazon outPaintingMode: DEFAULT or PRECISE.</summary>
    public string? OutpaintingMode { get; init; }
}
