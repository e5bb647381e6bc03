using System;
using System.Collections.Generic;
using static PromptGen.Bedrock.Serialization.InvokeBodyJson;

namespace PromptGen.Bedrock;

// Amazon Nova Canvas (amazon.nova-canvas-v1:0) and Titan Image Generator G1 v2 (amazon.titan-image-generator-v2:0),
// task TEXT_IMAGE. Both models share the body: taskType, textToImageParams {text, negativeText, style (Nova Canvas)},
// imageGenerationConfig {width, height, quality standard|premium, cfgScale, seed, numberOfImages}; the response is
// {"images": [base64 PNG…], "error": string|null}. Sources: AWS, "Amazon Titan Image Generator G1 models",
// https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-image.html, and the Nova Canvas example,
// https://docs.aws.amazon.com/bedrock/latest/userguide/bedrock-runtime_example_bedrock-runtime_InvokeModel_AmazonNovaImageGeneration_section.html.
// Lifecycle: both are past their end of life on Bedrock (docs/models.md); the body is kept for existing callers and tests.

/// <summary>
/// A text-to-image request (<c>TEXT_IMAGE</c>) for Amazon Nova Canvas (<c>amazon.nova-canvas-v1:0</c>) or Titan Image
/// Generator G1 v2 (<c>amazon.titan-image-generator-v2:0</c>).
/// </summary>
public sealed class AmazonImageRequest
{
    /// <summary>What to draw (<c>textToImageParams.text</c>), required: Titan takes at most 512 characters, Nova Canvas 1,024.</summary>
    public string? Text { get; init; }

    /// <summary>What not to draw (<c>textToImageParams.negativeText</c>).</summary>
    public string? NegativeText { get; init; }

    /// <summary>Nova Canvas only: a visual style (<c>textToImageParams.style</c>), e.g. <c>PHOTOREALISM</c>.</summary>
    public string? Style { get; init; }

    /// <summary>The image width in pixels (<c>imageGenerationConfig.width</c>).</summary>
    public int? Width { get; init; }

    /// <summary>The image height in pixels (<c>imageGenerationConfig.height</c>).</summary>
    public int? Height { get; init; }

    /// <summary>How many images (<c>imageGenerationConfig.numberOfImages</c>), 1 to 5.</summary>
    public int? NumberOfImages { get; init; }

    /// <summary>How closely to follow the prompt (<c>imageGenerationConfig.cfgScale</c>), 1.1 to 10.</summary>
    public double? CfgScale { get; init; }

    /// <summary>The seed (<c>imageGenerationConfig.seed</c>); the same request and seed give the same images.</summary>
    public long? Seed { get; init; }

    /// <summary><c>standard</c> or <c>premium</c> (<c>imageGenerationConfig.quality</c>).</summary>
    public string? Quality { get; init; }

    /// <summary>The JSON body.</summary>
    /// <exception cref="ArgumentException"><see cref="Text"/> is not set, or <see cref="CfgScale"/> is not finite.</exception>
    public byte[] ToJson()
    {
        string text = RequireText(Text, nameof(AmazonImageRequest), nameof(Text));
        return Write(writer =>
        {
            writer.WriteString("taskType", "TEXT_IMAGE");
            writer.WriteStartObject("textToImageParams");
            writer.WriteString("text", text);
            WriteOptional(writer, "negativeText", NegativeText);
            WriteOptional(writer, "style", Style);
            writer.WriteEndObject();
            if (Width is not null || Height is not null || NumberOfImages is not null || CfgScale is not null || Seed is not null || Quality is not null)
            {
                writer.WriteStartObject("imageGenerationConfig");
                WriteOptional(writer, "numberOfImages", NumberOfImages);
                WriteOptional(writer, "width", Width);
                WriteOptional(writer, "height", Height);
                WriteOptional(writer, "quality", Quality);
                WriteOptional(writer, "cfgScale", CfgScale);
                WriteOptional(writer, "seed", Seed);
                writer.WriteEndObject();
            }
        });
    }
}

/// <summary>The response body of Nova Canvas and Titan Image Generator: the images, decoded from base64.</summary>
public sealed class AmazonImageResponse
{
    private const string What = "Amazon image generation";

    private AmazonImageResponse(IReadOnlyList<ReadOnlyMemory<byte>> images, string? error)
    {
        Images = images;
        Error = error;
    }

    /// <summary>The images, PNG by default (<c>images</c>, decoded).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Images { get; }

    /// <summary>The model's error (<c>error</c>), e.g. when its content filter held back an image; null when none.</summary>
    public string? Error { get; }

    /// <summary>Reads a response body.</summary>
    /// <exception cref="BedrockResponseException">The body is not a Nova Canvas or Titan Image Generator response.</exception>
    public static AmazonImageResponse Parse(ReadOnlyMemory<byte> body) => Read(body, What, root =>
    {
        IReadOnlyList<ReadOnlyMemory<byte>> images = Optional(root, "images") is { } list
            ? Array(list, What, "$.images", (item, path) => (ReadOnlyMemory<byte>)Base64(item, What, path))
            : System.Array.Empty<ReadOnlyMemory<byte>>();
        return new AmazonImageResponse(images, OptionalString(root, "error", What, "$"));
    });

    /// <summary>Raises <see cref="BedrockContentFilteredException"/> when the model reported an error or sent no image.</summary>
    /// <param name="requestId">The request id to put on the exception, e.g. <see cref="InvokeModelResponse.RequestId"/>.</param>
    /// <exception cref="BedrockContentFilteredException">The response has an error or no image.</exception>
    public void ThrowIfFiltered(string? requestId = null)
    {
        if (Error is not null || Images.Count == 0)
        {
            throw new BedrockContentFilteredException(
                $"The image model returned {(Images.Count == 0 ? "no image" : $"{Images.Count} image(s)")}: {Error ?? "no reason given"}.",
                new[] { Error ?? "no image" })
            {
                RequestId = requestId,
            };
        }
    }
}
