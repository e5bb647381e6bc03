using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using static PromptGen.Bedrock.Serialization.InvokeBodyJson;

namespace PromptGen.Bedrock;

// Stability AI on Bedrock: Stable Diffusion 3.5 Large (stability.sd3-5-large-v1:0), Stable Image Core
// (stability.stable-image-core-v1:1) and Stable Image Ultra (stability.stable-image-ultra-v1:1). Bodies from AWS,
// "Stability.ai Stable Diffusion 3.5 Large", https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-3-5-large.html
// (prompt up to 10,000 characters; aspect_ratio 16:9, 1:1, 21:9, 2:3, 3:2, 4:5, 5:4, 9:16, 9:21, default 1:1; mode
// text-to-image|image-to-image; response {seeds, finish_reasons, images}; a filtered request answers 200 with
// finish_reasons "Filter reason: prompt" / "Filter reason: output image" / "Filter reason: input image" / "Inference error"),
// and "Stable Image Core request and response",
// https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-stable-image-core-text-image-request-response.html.
// Image-to-image (same SD 3.5 page): "image-to-image requires the prompt, image, and strength parameters"; aspect_ratio
// is "valid for text-to-image requests only". Stable Image Core and Ultra document text-to-image only (AWS,
// model-parameters-diffusion-stable-ultra-text-image-request-response.html), so PromptGen sends them no image.

/// <summary>
/// A text-to-image request for Stability AI's Bedrock models: Stable Diffusion 3.5 Large
/// (<c>stability.sd3-5-large-v1:0</c>), Stable Image Core (<c>stability.stable-image-core-v1:1</c>) and Stable Image
/// Ultra (<c>stability.stable-image-ultra-v1:1</c>).
/// </summary>
public sealed class StabilityImageRequest
{
    /// <summary>What to draw (<c>prompt</c>), required, at most 10,000 characters.</summary>
    public string? Prompt { get; init; }

    /// <summary>What not to draw (<c>negative_prompt</c>).</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>The shape (<c>aspect_ratio</c>): <c>1:1</c> (default), <c>16:9</c>, <c>21:9</c>, <c>2:3</c>, <c>3:2</c>, <c>4:5</c>, <c>5:4</c>, <c>9:16</c>, <c>9:21</c>.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>The seed (<c>seed</c>), 0 to 4,294,967,294; the same request and seed give the same image.</summary>
    public long? Seed { get; init; }

    /// <summary>The image format (<c>output_format</c>): <c>png</c> (default) or <c>jpeg</c>.</summary>
    public string? OutputFormat { get; init; }

    /// <summary>SD 3.5 Large only: <c>text-to-image</c> (default) or <c>image-to-image</c> (<c>mode</c>).</summary>
    public string? Mode { get; init; }

    /// <summary>Stable Image Core and Ultra only: a style preset (<c>style_preset</c>), e.g. <c>photographic</c>.</summary>
    public string? StylePreset { get; init; }

    /// <summary>SD 3.5 Large only: how closely to follow the prompt (<c>cfg_scale</c>), 1 to 10.</summary>
    public double? CfgScale { get; init; }

    /// <summary>
    /// SD 3.5 Large image-to-image only: the source image (<c>image</c>, sent as base64), required with
    /// <see cref="Mode"/> <c>image-to-image</c>.
    /// </summary>
    public ReadOnlyMemory<byte>? Image { get; init; }

    /// <summary>
    /// SD 3.5 Large image-to-image only: how much the source image may change (<c>strength</c>), 0 (keep it) to 1
    /// (ignore it), required with <see cref="Mode"/> <c>image-to-image</c>.
    /// </summary>
    public double? Strength { get; init; }

    /// <summary>The JSON body, members the caller did not set left out.</summary>
    /// <exception cref="ArgumentException"><see cref="Prompt"/> is not set.</exception>
    public byte[] ToJson()
    {
        string prompt = RequireText(Prompt, nameof(StabilityImageRequest), nameof(Prompt));
        return Write(writer =>
        {
            writer.WriteString("prompt", prompt);
            WriteOptional(writer, "negative_prompt", NegativePrompt);
            WriteOptional(writer, "mode", Mode);
            WriteOptional(writer, "aspect_ratio", AspectRatio);
            WriteOptional(writer, "seed", Seed);
            WriteOptional(writer, "output_format", OutputFormat);
            WriteOptional(writer, "style_preset", StylePreset);
            WriteOptional(writer, "cfg_scale", CfgScale);
            if (Image is { } image)
            {
                writer.WriteBase64String("image", image.Span);
            }

            WriteOptional(writer, "strength", Strength);
        });
    }
}

/// <summary>The response body of Stability AI's Bedrock image models.</summary>
public sealed class StabilityImageResponse
{
    private const string What = "Stability image generation";

    private StabilityImageResponse(IReadOnlyList<long> seeds, IReadOnlyList<string?> finishReasons, IReadOnlyList<ReadOnlyMemory<byte>> images)
    {
        Seeds = seeds;
        FinishReasons = finishReasons;
        Images = images;
    }

    /// <summary>The seed behind each image (<c>seeds</c>).</summary>
    public IReadOnlyList<long> Seeds { get; }

    /// <summary>
    /// Per image, null when it was generated, else why not (<c>finish_reasons</c>): <c>Filter reason: prompt</c>,
    /// <c>Filter reason: output image</c>, <c>Filter reason: input image</c> or <c>Inference error</c>.
    /// </summary>
    public IReadOnlyList<string?> FinishReasons { get; }

    /// <summary>The images in the requested format (<c>images</c>, decoded).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Images { get; }

    /// <summary>True when a finish reason says the model held an image back or failed.</summary>
    public bool IsFiltered => FinishReasons.Any(reason => reason is not null);

    /// <summary>Reads a response body.</summary>
    /// <exception cref="BedrockResponseException">The body is not a Stability image response.</exception>
    public static StabilityImageResponse Parse(ReadOnlyMemory<byte> body) => Read(body, What, root =>
    {
        IReadOnlyList<long> seeds = Optional(root, "seeds") is { } s
            ? Array(s, What, "$.seeds", (item, path) => Long(item, What, path))
            : System.Array.Empty<long>();
        IReadOnlyList<string?> reasons = Optional(root, "finish_reasons") is { } r
            ? Array(r, What, "$.finish_reasons", (item, path) => item.ValueKind == JsonValueKind.Null ? null : String(item, What, path))
            : System.Array.Empty<string?>();
        IReadOnlyList<ReadOnlyMemory<byte>> images = Optional(root, "images") is { } i
            ? Array(i, What, "$.images", (item, path) => (ReadOnlyMemory<byte>)Base64(item, What, path))
            : System.Array.Empty<ReadOnlyMemory<byte>>();
        return new StabilityImageResponse(seeds, reasons, images);
    });

    /// <summary>Raises <see cref="BedrockContentFilteredException"/> when a finish reason is set or no image came back.</summary>
    /// <param name="requestId">The request id to put on the exception, e.g. <see cref="InvokeModelResponse.RequestId"/>.</param>
    /// <exception cref="BedrockContentFilteredException">An image was held back, or none came.</exception>
    public void ThrowIfFiltered(string? requestId = null)
    {
        string[] reasons = FinishReasons.Where(reason => reason is not null).Select(reason => reason!).ToArray();
        if (reasons.Length > 0 || Images.Count == 0)
        {
            throw new BedrockContentFilteredException(
                $"The Stability model returned {Images.Count} image(s); finish reasons: {(reasons.Length == 0 ? "none given" : string.Join(", ", reasons))}.",
                reasons.Length == 0 ? new[] { "no image" } : reasons)
            {
                RequestId = requestId,
            };
        }
    }
}
