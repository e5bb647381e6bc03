using System;

namespace PromptGen;

/// <summary>
/// Settings of an image method: a prompt method that returns <see cref="GeneratedImage"/> or an
/// <c>IReadOnlyList&lt;GeneratedImage&gt;</c>, whose <c>[Prompt]</c> template is the image prompt and whose model is an
/// image model (Stability AI's Stable Diffusion 3.5 Large, Stable Image Core and Ultra; Amazon Nova Canvas; Titan Image
/// Generator v2). Only the properties you set are sent; each is checked against the model at build time (PG0224):
/// Stability models take <see cref="AspectRatio"/>, <see cref="OutputFormat"/> and one image; Nova Canvas and Titan take
/// <see cref="Width"/>, <see cref="Height"/>, <see cref="NumberOfImages"/>, <see cref="Quality"/> and
/// <see cref="CfgScale"/>. A <see cref="PromptImage"/> parameter makes it an editing method: image-to-image on
/// Stable Diffusion 3.5 Large (<see cref="Strength"/>), image variation on Nova Canvas and Titan (<see cref="Similarity"/>,
/// up to five source images), inpainting or outpainting with a <see cref="MaskAttribute"/> mask. On an interface it applies to every image method that declares none itself.
/// </summary>
/// <example><code>
/// [Model("stability.sd3-5-large-v1:0")]
/// [Prompt("A watercolour of {{ city }} at dawn")]
/// [ImageGeneration(AspectRatio = "16:9", Seed = 42)]
/// Task&lt;GeneratedImage&gt; PaintAsync(string city, CancellationToken cancellationToken = default);
/// </code></example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class ImageGenerationAttribute : Attribute
{
    /// <summary>Nova Canvas and Titan: the width in pixels (Nova 320–4,096 in multiples of 16; Titan one of its listed sizes).</summary>
    public int Width { get; set; }

    /// <summary>Nova Canvas and Titan: the height in pixels, like <see cref="Width"/>.</summary>
    public int Height { get; set; }

    /// <summary>Stability: the shape, <c>1:1</c> (default), <c>16:9</c>, <c>21:9</c>, <c>2:3</c>, <c>3:2</c>, <c>4:5</c>, <c>5:4</c>, <c>9:16</c> or <c>9:21</c>.</summary>
    public string? AspectRatio { get; set; }

    /// <summary>Nova Canvas and Titan: how many images, 1 to 5. Stability models make one.</summary>
    public int NumberOfImages { get; set; }

    /// <summary>The seed: the same prompt, settings and seed give the same image (Stability 0–4,294,967,294; Nova 0–858,993,459; Titan 0–2,147,483,646).</summary>
    public long Seed { get; set; }

    /// <summary>What not to draw.</summary>
    public string? NegativePrompt { get; set; }

    /// <summary>
    /// A visual style: Nova Canvas <c>style</c> (e.g. <c>PHOTOREALISM</c>), Stable Image Core and Ultra
    /// <c>style_preset</c> (e.g. <c>photographic</c>).
    /// </summary>
    public string? Style { get; set; }

    /// <summary>Nova Canvas and Titan: <c>standard</c> or <c>premium</c>.</summary>
    public string? Quality { get; set; }

    /// <summary>Stability: <see cref="ImageFormat.Png"/> (default) or <see cref="ImageFormat.Jpeg"/>. Nova Canvas and Titan answer PNG.</summary>
    public ImageFormat OutputFormat { get; set; }

    /// <summary>How closely to follow the prompt: Nova Canvas and Titan 1.1–10, Stable Diffusion 3.5 Large 1–10.</summary>
    public double CfgScale { get; set; }

    /// <summary>
    /// Stable Diffusion 3.5 Large image-to-image (a <see cref="PromptImage"/> source parameter): how much the source
    /// image may change, 0 (keep it) to 1 (ignore it); <c>strength</c>, required in that mode.
    /// </summary>
    public double Strength { get; set; }

    /// <summary>
    /// Nova Canvas and Titan image variation (a <see cref="PromptImage"/> source parameter and no mask): how close the
    /// new image stays to the source, 0.2 (loosely) to 1.0 (closely); <c>similarityStrength</c>. Note the opposite sense
    /// to <see cref="Strength"/>, which is why the two are separate settings.
    /// </summary>
    public double Similarity { get; set; }

    /// <summary>
    /// Nova Canvas and Titan, with a source image and a <see cref="MaskAttribute"/> mask: extend the image around the
    /// masked area (<c>OUTPAINTING</c>) instead of repainting it (<c>INPAINTING</c>, the default).
    /// </summary>
    public Outpainting Outpainting { get; set; }
}
