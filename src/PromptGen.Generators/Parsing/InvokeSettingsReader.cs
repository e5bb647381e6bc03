using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Reads <c>[Embedding]</c> and <c>[ImageGeneration]</c> against the family of the method's model: each setting the
/// model does not take, or takes in another range, is PG0224 at its argument (Bedrock would answer 400). The values
/// that pass are turned into the model's own words. Ranges come from the typed bodies' AWS pages (the sources in
/// src/PromptGen/Bedrock and the catalog rows); the ones marked [U] there are remembered, not read.
/// </summary>
/// <remarks>
/// Confirmed here: the Stable Diffusion 3.5 Large aspect ratios and the 10,000-character prompt (AWS,
/// https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-3-5-large.html); the Nova Canvas seed,
/// 0 to 858,993,459 (AWS code example,
/// https://docs.aws.amazon.com/bedrock/latest/userguide/bedrock-runtime_example_bedrock-runtime_InvokeModel_AmazonNovaImageGeneration_section.html);
/// Titan Text Embeddings V2 dimensions and normalize (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html);
/// Cohere input types and truncation (model-parameters-embed-v3.html, model-parameters-embed-v4.html). Unconfirmed [U]:
/// Stable Diffusion 3.5's cfg_scale 1–10 and Stable Image's style_preset (Stability's own API documents them; the AWS
/// pages read here do not), the Titan Image sizes and the Nova Canvas size rules (the emulator's validator, same [U]).
/// Editing: SD 3.5 image-to-image "requires the prompt, image, and strength parameters" and aspect_ratio is "valid for
/// text-to-image requests only" (model-parameters-diffusion-3-5-large.html); Stable Image Core/Ultra document text to
/// image only; Nova Canvas variation takes 1 to 5 images (https://docs.aws.amazon.com/nova/latest/userguide/image-generation.html).
/// Unconfirmed [U]: strength 0–1, similarityStrength 0.2–1.0, no width/height for in/outpainting, style only in
/// textToImageParams.
/// </remarks>
internal sealed class InvokeSettingsReader
{
    private static readonly string[] EmbeddingInputTypes = { "SearchDocument", "SearchQuery", "Classification", "Clustering" };
    private static readonly string[] CohereInputTypes = { "search_document", "search_query", "classification", "clustering" };
    private static readonly string[] NovaPurposes = { "GENERIC_INDEX", "GENERIC_RETRIEVAL", "CLASSIFICATION", "CLUSTERING" };
    private static readonly string[] Truncations = { "None", "Start", "End" };
    private static readonly string[] CohereV3Truncations = { "NONE", "START", "END" };
    private static readonly string[] CohereV4Truncations = { "NONE", "LEFT", "RIGHT" };
    private static readonly string[] ImageFormats = { "Png", "Jpeg", "Gif", "Webp" };

    private static readonly string[] StabilityAspectRatios = { "1:1", "16:9", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21" };

    private static readonly string[] NovaCanvasStyles =
    {
        "3D_ANIMATED_FAMILY_FILM", "DESIGN_SKETCH", "FLAT_VECTOR_ILLUSTRATION", "GRAPHIC_NOVEL_ILLUSTRATION", "MAXIMALISM",
        "MIDCENTURY_RETRO", "PHOTOREALISM", "SOFT_DIGITAL_PAINTING",
    };

    // AWS "Amazon Titan Image Generator G1 models" (model-parameters-titan-image.html): the sizes v2 generates.
    private static readonly (int Width, int Height)[] TitanSizes =
    {
        (1024, 1024), (768, 768), (512, 512), (768, 1152), (384, 576), (1152, 768), (576, 384), (768, 1280), (384, 640),
        (1280, 768), (640, 384), (896, 1152), (448, 576), (1152, 896), (576, 448), (768, 1408), (384, 704), (1408, 768),
        (704, 384), (640, 1408), (320, 704), (1408, 640), (704, 320), (1152, 640), (1173, 640),
    };

    private readonly AttributeData _attribute;
    private readonly InvokeModelFamily _family;
    private readonly string _modelId;
    private readonly Location _fallback;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;

    private InvokeSettingsReader(AttributeData attribute, InvokeModelFamily family, string modelId, Location fallback, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _attribute = attribute;
        _family = family;
        _modelId = modelId;
        _fallback = fallback;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The embedding settings of <paramref name="attribute"/> for the family; each one the model refuses is reported.</summary>
    public static EmbeddingPlan ReadEmbedding(EmbeddingPlan plan, AttributeData? attribute, InvokeModelFamily family, Location fallback, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken) =>
        attribute is null || AttributeReader.HasErrors(attribute)
            ? plan
            : new InvokeSettingsReader(attribute, family, plan.ModelId, fallback, diagnostics, cancellationToken).Embedding(plan);

    /// <summary>The image settings of <paramref name="attribute"/> for the family; each one the model refuses is reported.</summary>
    public static ImagePlan ReadImage(ImagePlan plan, AttributeData? attribute, InvokeModelFamily family, string modelId, Location fallback, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (attribute is null || AttributeReader.HasErrors(attribute))
        {
            return plan;
        }

        return new InvokeSettingsReader(attribute, family, modelId, fallback, diagnostics, cancellationToken).Image(plan);
    }

    private EmbeddingPlan Embedding(EmbeddingPlan plan)
    {
        bool titan = _family == InvokeModelFamily.TitanTextEmbeddingsV2;
        bool nova = _family == InvokeModelFamily.NovaMultimodalEmbeddings;
        if (Int("Dimensions") is { } dimensions)
        {
            int[] allowed = _family switch
            {
                InvokeModelFamily.TitanTextEmbeddingsV2 => new[] { 256, 512, 1024 },
                InvokeModelFamily.CohereEmbedV4 => new[] { 256, 512, 1024, 1536 },
                InvokeModelFamily.NovaMultimodalEmbeddings => new[] { 256, 384, 1024, 3072 },
                _ => Array.Empty<int>(),
            };
            plan = Check("Dimensions", dimensions, allowed.Contains(dimensions), allowed.Length == 0
                ? "its vectors have a fixed length of 1,024; remove Dimensions"
                : "use " + OneOf(allowed.Select(value => value.ToString(CultureInfo.InvariantCulture))))
                ? plan with { Dimensions = dimensions }
                : plan;
        }

        if (Bool("Normalize") is { } normalize)
        {
            plan = Check("Normalize", normalize ? "true" : "false", titan, "only Titan Text Embeddings V2 takes 'normalize'; remove it")
                ? plan with { Normalize = normalize }
                : plan;
        }

        if (Int("InputType") is { } inputType)
        {
            bool known = inputType >= 0 && inputType < EmbeddingInputTypes.Length;
            string shown = known ? "EmbeddingInputType." + EmbeddingInputTypes[inputType] : inputType.ToString(CultureInfo.InvariantCulture);
            if (Check("InputType", shown, !titan && known, titan ? "Titan Text Embeddings V2 has no input type; remove InputType" : "use a named EmbeddingInputType"))
            {
                plan = plan with { InputType = nova ? NovaPurposes[inputType] : CohereInputTypes[inputType] };
            }
        }

        if (plan.ImageInput && Int("Truncation") is { } cut)
        {
            Check("Truncation", "EmbeddingTruncation." + (cut >= 0 && cut < Truncations.Length ? Truncations[cut] : cut.ToString(CultureInfo.InvariantCulture)), false,
                "an image is embedded whole, nothing is cut; remove Truncation");
        }
        else if (Int("Truncation") is { } truncation)
        {
            bool known = truncation >= 0 && truncation < Truncations.Length;
            string shown = known ? "EmbeddingTruncation." + Truncations[truncation] : truncation.ToString(CultureInfo.InvariantCulture);
            if (Check("Truncation", shown, !titan && known, titan ? "Titan Text Embeddings V2 cuts nothing; remove Truncation" : "use a named EmbeddingTruncation"))
            {
                string[] words = _family == InvokeModelFamily.CohereEmbedV4 ? CohereV4Truncations : CohereV3Truncations;
                plan = plan with { Truncation = words[truncation] };
            }
        }

        return plan;
    }

    private ImagePlan Image(ImagePlan plan)
    {
        bool stability = _family.IsStability();
        bool nova = _family == InvokeModelFamily.NovaCanvas;
        bool edits = !plan.SourceImages.IsEmpty;
        bool masked = edits && (plan.MaskImage is not null || plan.MaskPrompt is not null);
        const string AmazonOnly = "Stability models take AspectRatio instead; remove it";
        const string KeepsSize = "inpainting and outpainting keep the source image's size; remove it";
        int? width = Int("Width"), height = Int("Height");
        if (width is { } editedWidth && masked && !stability)
        {
            Check("Width", editedWidth, false, KeepsSize);
        }
        else if (width is { } w && Check("Width", w, !stability && (nova ? NovaSide(w) : w is >= 320 and <= 1408), stability ? AmazonOnly : SideAdvice()))
        {
            plan = plan with { Width = w };
        }

        if (height is { } editedHeight && masked && !stability)
        {
            Check("Height", editedHeight, false, KeepsSize);
        }
        else if (height is { } h && Check("Height", h, !stability && (nova ? NovaSide(h) : h is >= 320 and <= 1408), stability ? AmazonOnly : SideAdvice()))
        {
            plan = plan with { Height = h };
        }

        if (plan.Width is not null || plan.Height is not null)
        {
            plan = CheckSize(plan);
        }

        if (stability && edits && String("AspectRatio") is { } editedRatio)
        {
            Check("AspectRatio", Quote(editedRatio), false, "image-to-image keeps the source image's shape (AWS: aspect_ratio is valid for text-to-image requests only); remove it");
        }
        else if (String("AspectRatio") is { } ratio
            && Check("AspectRatio", Quote(ratio), stability && StabilityAspectRatios.Contains(ratio), stability
                ? "use " + OneOf(StabilityAspectRatios.Select(Quote))
                : "Nova Canvas and Titan take Width and Height instead; remove it"))
        {
            plan = plan with { AspectRatio = ratio };
        }

        if (Int("NumberOfImages") is { } count)
        {
            bool fits = stability ? count == 1 : count is >= 1 and <= 5;
            string advice = stability ? "Stability models make one image per call; remove NumberOfImages" : "use 1 to 5";
            if (fits && count > 1 && !plan.Many)
            {
                fits = false;
                advice = "the method returns one GeneratedImage; return IReadOnlyList<GeneratedImage> or remove NumberOfImages";
            }

            plan = Check("NumberOfImages", count, fits, advice) ? plan with { NumberOfImages = count } : plan;
        }

        if (Long("Seed") is { } seed)
        {
            long max = stability ? 4_294_967_294 : nova ? 858_993_459 : 2_147_483_646;
            plan = Check("Seed", seed, seed >= 0 && seed <= max, "use 0 to " + max.ToString("N0", CultureInfo.InvariantCulture))
                ? plan with { Seed = seed }
                : plan;
        }

        if (String("NegativePrompt") is { } negative)
        {
            int max = stability ? 10_000 : nova ? 1_024 : 512;
            plan = Check("NegativePrompt", "a text of " + negative.Length.ToString(CultureInfo.InvariantCulture) + " characters", negative.Length >= 1 && negative.Length <= max,
                "write 1 to " + max.ToString("N0", CultureInfo.InvariantCulture) + " characters")
                ? plan with { NegativePrompt = negative }
                : plan;
        }

        if (String("Style") is { } style)
        {
            (bool fits, string advice) = _family switch
            {
                InvokeModelFamily.NovaCanvas when edits => (false, "Nova Canvas takes a style for text to image only (textToImageParams); remove it"),
                InvokeModelFamily.NovaCanvas => (NovaCanvasStyles.Contains(style), "use " + OneOf(NovaCanvasStyles.Select(Quote))),
                InvokeModelFamily.StableImage => (style.Length > 0, "name a style preset such as \"photographic\""),
                _ => (false, "only Nova Canvas (style) and Stable Image Core and Ultra (style_preset) take a style; remove it"),
            };
            plan = Check("Style", Quote(style), fits, advice) ? plan with { Style = style } : plan;
        }

        if (String("Quality") is { } quality)
        {
            plan = Check("Quality", Quote(quality), !stability && quality is "standard" or "premium", stability
                ? "Stability models have no quality setting; remove it"
                : "use \"standard\" or \"premium\"")
                ? plan with { Quality = quality }
                : plan;
        }

        if (Int("OutputFormat") is { } format)
        {
            bool known = format >= 0 && format < ImageFormats.Length;
            string shown = known ? "ImageFormat." + ImageFormats[format] : format.ToString(CultureInfo.InvariantCulture);
            bool fits = stability ? format is 0 or 1 : format == 0;
            if (Check("OutputFormat", shown, fits, stability ? "use ImageFormat.Png or ImageFormat.Jpeg" : "Nova Canvas and Titan answer PNG only; remove OutputFormat") && stability)
            {
                plan = plan with { OutputFormat = format == 0 ? "png" : "jpeg" };
            }
        }

        if (Double("CfgScale") is { } cfg)
        {
            (bool fits, string advice) = _family switch
            {
                InvokeModelFamily.StableDiffusion35 => (cfg >= 1 && cfg <= 10, "use 1 to 10"),
                InvokeModelFamily.StableImage => (false, "Stable Image Core and Ultra have no cfg scale; remove it"),
                _ => (cfg >= 1.1 && cfg <= 10, "use 1.1 to 10"),
            };
            plan = Check("CfgScale", cfg.ToString("R", CultureInfo.InvariantCulture), fits, advice) ? plan with { CfgScale = cfg } : plan;
        }

        return EditSettings(plan, edits, masked);
    }

    /// <summary>
    /// The editing settings: Strength (Stable Diffusion 3.5 image-to-image, 0–1), Similarity (Amazon variation,
    /// 0.2–1.0 [U]) and Outpainting (Amazon, with a mask). Each is refused where the method is not that kind of edit.
    /// </summary>
    private ImagePlan EditSettings(ImagePlan plan, bool edits, bool masked)
    {
        string shown;
        if (Double("Strength") is { } strength)
        {
            shown = strength.ToString("R", CultureInfo.InvariantCulture);
            (bool fits, string advice) = (_family, edits) switch
            {
                (InvokeModelFamily.StableDiffusion35, true) => (strength >= 0 && strength <= 1, "use 0 (keep the source image) to 1 (ignore it)"),
                (InvokeModelFamily.StableDiffusion35, false) => (false, "Strength is for image-to-image; add a PromptImage parameter for the source image, or remove Strength"),
                (InvokeModelFamily.NovaCanvas or InvokeModelFamily.TitanImageV2, _) => (false, "Nova Canvas and Titan take Similarity (0.2 to 1.0, how close to stay) for a variation; use it instead"),
                _ => (false, "only Stable Diffusion 3.5 Large takes a strength (image-to-image); remove it"),
            };
            plan = Check("Strength", shown, fits, advice) ? plan with { Strength = strength } : plan;
        }

        if (Double("Similarity") is { } similarity)
        {
            shown = similarity.ToString("R", CultureInfo.InvariantCulture);
            bool amazon = !_family.IsStability();
            (bool fits, string advice) = (amazon, edits && !masked) switch
            {
                (true, true) => (similarity >= 0.2 && similarity <= 1, "use 0.2 (loosely) to 1.0 (closely)"),
                (true, false) => (false, masked
                    ? "Similarity is for an image variation, not inpainting or outpainting; remove it"
                    : "Similarity is for an image variation; add a PromptImage parameter for the source image, or remove Similarity"),
                _ => (false, "Stability models take Strength (0 to 1, how much to change) for image-to-image; use it instead"),
            };
            plan = Check("Similarity", shown, fits, advice) ? plan with { Similarity = similarity } : plan;
        }

        if (Int("Outpainting") is { } outpainting && outpainting != 0)
        {
            shown = outpainting switch { 1 => "Outpainting.Default", 2 => "Outpainting.Precise", _ => outpainting.ToString(CultureInfo.InvariantCulture) };
            bool fits = !_family.IsStability() && masked && outpainting is 1 or 2;
            string advice = _family.IsStability() ? "Stability models do not outpaint on Bedrock; remove it"
                : !masked ? "outpainting extends a source image around a mask; add a PromptImage source and a [Mask] parameter, or remove Outpainting"
                : "use Outpainting.Default or Outpainting.Precise";
            plan = Check("Outpainting", shown, fits, advice) ? plan with { OutpaintingMode = outpainting == 1 ? "DEFAULT" : "PRECISE" } : plan;
        }

        return plan;
    }

    private static bool NovaSide(int side) => side is >= 320 and <= 4_096 && side % 16 == 0;

    private string SideAdvice() => _family == InvokeModelFamily.NovaCanvas
        ? "use 320 to 4,096 pixels in multiples of 16"
        : "use one of Titan's sizes, 320 to 1,408 pixels (e.g. 1024x1024, 768x1152, 1152x768, 512x512)";

    /// <summary>The size as a whole (the other side defaults to 1,024): Nova's pixel count and ratio, Titan's list.</summary>
    private ImagePlan CheckSize(ImagePlan plan)
    {
        int width = plan.Width ?? 1024, height = plan.Height ?? 1024;
        string shown = width.ToString(CultureInfo.InvariantCulture) + "x" + height.ToString(CultureInfo.InvariantCulture);
        bool fits;
        string advice;
        if (_family == InvokeModelFamily.NovaCanvas)
        {
            fits = (long)width * height <= 4_194_304 && width <= 4L * height && height <= 4L * width;
            advice = "Nova Canvas takes at most 4,194,304 pixels, with an aspect ratio between 1:4 and 4:1";
        }
        else
        {
            fits = TitanSizes.Contains((width, height));
            advice = "Titan Image Generator v2 makes only its listed sizes (e.g. 1024x1024, 768x1152, 1152x768, 512x512)";
        }

        string name = plan.Width is not null ? "Width" : "Height";
        return Check(name, "the size " + shown, fits, advice) ? plan : plan with { Width = null, Height = null };
    }

    private bool Check(string name, long value, bool fits, string advice) =>
        Check(name, value.ToString(CultureInfo.InvariantCulture), fits, advice);

    private bool Check(string name, string shownValue, bool fits, string advice)
    {
        if (!fits)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvokeSettingNotAccepted,
                AttributeReader.NamedArgumentLocation(_attribute, name, _fallback, _cancellationToken),
                name + " = " + shownValue,
                _family.DisplayName(),
                _modelId,
                advice));
        }

        return fits;
    }

    private TypedConstant? Named(string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in _attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private int? Int(string name) => Named(name)?.Value is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    private long? Long(string name) => Named(name)?.Value is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    private double? Double(string name) => Named(name)?.Value is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;

    private bool? Bool(string name) => Named(name)?.Value is bool value ? value : null;

    private string? String(string name) => Named(name)?.Value as string;

    private static string Quote(string value) => "\"" + value + "\"";

    private static string OneOf(IEnumerable<string> values)
    {
        string[] all = values.ToArray();
        return all.Length == 1 ? all[0] : string.Join(", ", all.Take(all.Length - 1)) + " or " + all[all.Length - 1];
    }
}
