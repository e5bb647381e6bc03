using System;
using System.Collections.Generic;
using System.Text.Json;
using static PromptGen.Bedrock.Serialization.InvokeBodyJson;

namespace PromptGen.Bedrock;

// Nova Canvas (amazon.nova-canvas-v1:0) and Titan Image Generator G1 v2 (amazon.titan-image-generator-v2:0) editing
// tasks. Sources: AWS Nova user guide, "Image generation and editing" (request formats per task type),
// https://docs.aws.amazon.com/nova/latest/userguide/image-gen-access.html: IMAGE_VARIATION takes imageVariationParams,
// INPAINTING inPaintingParams, OUTPAINTING outPaintingParams, all beside the shared imageGenerationConfig; AWS
// "Generating images with Amazon Nova Canvas", https://docs.aws.amazon.com/nova/latest/userguide/image-generation.html:
// "Image variation – Uses 1 to 5 images and an optional prompt"; in/outpainting use "an image and a segmentation mask
// ... (either from the user or estimated by the model)"; AWS "Amazon Titan Image Generator G1 models",
// https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-image.html: editing tasks need the `image`
// field (base64, JPEG or PNG); the mask is given as one of maskPrompt (text naming the area) or maskImage (base64).
// Remembered, not read in the pages the search reached [U]: similarityStrength 0.2–1.0; outPaintingMode DEFAULT|PRECISE;
// a mask image the size of the source image, black for the area to change; the edit keeps the source image's size
// (imageGenerationConfig takes no width/height for in/outpainting).

/// <summary>
/// An image-editing request for Amazon Nova Canvas (<c>amazon.nova-canvas-v1:0</c>) or Titan Image Generator G1 v2
/// (<c>amazon.titan-image-generator-v2:0</c>): <c>IMAGE_VARIATION</c>, <c>INPAINTING</c> or <c>OUTPAINTING</c>.
/// </summary>
public sealed class AmazonImageEditRequest
{
    /// <summary>The task (<c>taskType</c>), required: <c>IMAGE_VARIATION</c>, <c>INPAINTING</c> or <c>OUTPAINTING</c>.</summary>
    public string? TaskType { get; init; }

    /// <summary>
    /// The source images, PNG or JPEG (base64 on the wire): 1 to 5 for <c>IMAGE_VARIATION</c> (<c>images</c>), exactly
    /// one for <c>INPAINTING</c> and <c>OUTPAINTING</c> (<c>image</c>).
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? Images { get; init; }

    /// <summary>What to draw (<c>text</c>); optional for a variation.</summary>
    public string? Text { get; init; }

    /// <summary>What not to draw (<c>negativeText</c>).</summary>
    public string? NegativeText { get; init; }

    /// <summary>In/outpainting: text naming the area to change (<c>maskPrompt</c>); give this or <see cref="MaskImage"/>.</summary>
    public string? MaskPrompt { get; init; }

    /// <summary>In/outpainting: the mask (<c>maskImage</c>, base64), the source image's size; give this or <see cref="MaskPrompt"/>.</summary>
    public ReadOnlyMemory<byte>? MaskImage { get; init; }

    /// <summary>Variation: how close to the source images to stay (<c>similarityStrength</c>), 0.2 to 1.0.</summary>
    public double? SimilarityStrength { get; init; }

    /// <summary>Outpainting: <c>DEFAULT</c> or <c>PRECISE</c> (<c>outPaintingMode</c>).</summary>
    public string? OutPaintingMode { get; init; }

    /// <summary>Variation: the image width in pixels (<c>imageGenerationConfig.width</c>).</summary>
    public int? Width { get; init; }

    /// <summary>Variation: the image height in pixels (<c>imageGenerationConfig.height</c>).</summary>
    public int? Height { get; init; }

    /// <summary>How many images (<c>imageGenerationConfig.numberOfImages</c>), 1 to 5.</summary>
    public int? NumberOfImages { get; init; }

    /// <summary>How closely to follow the prompt (<c>imageGenerationConfig.cfgScale</c>), 1.1 to 10.</summary>
    public double? CfgScale { get; init; }

    /// <summary>The seed (<c>imageGenerationConfig.seed</c>).</summary>
    public long? Seed { get; init; }

    /// <summary><c>standard</c> or <c>premium</c> (<c>imageGenerationConfig.quality</c>).</summary>
    public string? Quality { get; init; }

    /// <summary>The JSON body.</summary>
    /// <exception cref="ArgumentException">
    /// The task is not one of the three, the number of images does not fit it, or in/outpainting has not exactly one of
    /// a mask prompt and a mask image.
    /// </exception>
    public byte[] ToJson()
    {
        string task = RequireText(TaskType, nameof(AmazonImageEditRequest), nameof(TaskType));
        IReadOnlyList<ReadOnlyMemory<byte>> images = Images ?? System.Array.Empty<ReadOnlyMemory<byte>>();
        string parameters = task switch
        {
            "IMAGE_VARIATION" => "imageVariationParams",
            "INPAINTING" => "inPaintingParams",
            "OUTPAINTING" => "outPaintingParams",
            _ => throw new ArgumentException($"AmazonImageEditRequest.TaskType must be IMAGE_VARIATION, INPAINTING or OUTPAINTING, not '{task}'.", nameof(TaskType)),
        };
        bool variation = task == "IMAGE_VARIATION";
        if (variation ? images.Count is < 1 or > 5 : images.Count != 1)
        {
            throw new ArgumentException($"{task} takes {(variation ? "1 to 5 source images" : "one source image")}; {images.Count} were given.", nameof(Images));
        }

        if (!variation && (MaskPrompt is null) == (MaskImage is null))
        {
            throw new ArgumentException($"{task} takes exactly one of MaskPrompt and MaskImage.", nameof(MaskPrompt));
        }

        return Write(writer =>
        {
            writer.WriteString("taskType", task);
            writer.WriteStartObject(parameters);
            if (variation)
            {
                writer.WriteStartArray("images");
                foreach (ReadOnlyMemory<byte> image in images)
                {
                    writer.WriteBase64StringValue(image.Span);
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteBase64String("image", images[0].Span);
            }

            WriteOptional(writer, "text", Text);
            WriteOptional(writer, "negativeText", NegativeText);
            if (variation)
            {
                WriteOptional(writer, "similarityStrength", SimilarityStrength);
            }
            else
            {
                WriteOptional(writer, "maskPrompt", MaskPrompt);
                if (MaskImage is { } mask)
                {
                    writer.WriteBase64String("maskImage", mask.Span);
                }

                if (task == "OUTPAINTING")
                {
                    WriteOptional(writer, "outPaintingMode", OutPaintingMode);
                }
            }

            writer.WriteEndObject();
            WriteConfig(writer);
        });
    }

    private void WriteConfig(Utf8JsonWriter writer)
    {
        if (Width is null && Height is null && NumberOfImages is null && CfgScale is null && Seed is null && Quality is null)
        {
            return;
        }

        writer.WriteStartObject("imageGenerationConfig");
        WriteOptional(writer, "numberOfImages", NumberOfImages);
        WriteOptional(writer, "width", Width);
        WriteOptional(writer, "height", Height);
        WriteOptional(writer, "quality", Quality);
        WriteOptional(writer, "cfgScale", CfgScale);
        WriteOptional(writer, "seed", Seed);
        writer.WriteEndObject();
    }
}
