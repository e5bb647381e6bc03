namespace PromptGen;

/// <summary>
/// Whether an image method with a mask extends the source image around the masked area (outpainting) instead of
/// repainting the area (inpainting), and how: Nova Canvas and Titan Image Generator v2 <c>outPaintingMode</c>.
/// </summary>
public enum Outpainting
{
    /// <summary>No outpainting: a mask means inpainting.</summary>
    None,

    /// <summary><c>DEFAULT</c>: the masked area may change a little to blend with what is generated around it.</summary>
    Default,

    /// <summary><c>PRECISE</c>: the masked area is kept exactly as it is.</summary>
    Precise,
}
