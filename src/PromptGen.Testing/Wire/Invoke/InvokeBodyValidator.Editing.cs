using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using static PromptGen.Testing.Wire.Invoke.InvokeSchema;

namespace PromptGen.Testing.Wire.Invoke;

// Image editing bodies: Stable Diffusion 3.5 Large image-to-image and the Nova Canvas / Titan Image Generator v2 tasks
// IMAGE_VARIATION, INPAINTING and OUTPAINTING. Confirmed (AWS): SD 3.5 image-to-image "requires the prompt, image, and
// strength parameters" and aspect_ratio is for text-to-image only (model-parameters-diffusion-3-5-large.html); the
// Nova/Titan task parameter objects imageVariationParams, inPaintingParams, outPaintingParams
// (https://docs.aws.amazon.com/nova/latest/userguide/image-gen-access.html); variation takes 1 to 5 images
// (nova/latest/userguide/image-generation.html); editing images are base64 JPEG or PNG and the mask is one of maskPrompt
// or maskImage (model-parameters-titan-image.html). Remembered [U]: similarityStrength 0.2–1.0; outPaintingMode
// DEFAULT|PRECISE; returnMask (Nova); a mask of the source image's size; in/outpainting answer at the source's size and
// take no width/height; Nova source images 320–4,096 pixels a side and at most 4,194,304 pixels, Titan at most 1,408 a
// side; Stability sources at least 64 pixels a side and at most 9,437,184 pixels. The emulator reads PNG and JPEG
// headers only (ImageHeader), so a WebP or GIF source is refused here though Stability may take WebP.
internal static partial class InvokeBodyValidator
{
    /// <summary>The size of an SD 3.5 image-to-image source; the answer has the same size.</summary>
    private static ImageSize StabilitySource(byte[] image)
    {
        ImageSize size = ImageHeader.Read(image) ?? throw Rule("#/image: the image could not be read; send a PNG or JPEG image as base64");
        if (size.Width < 64 || size.Height < 64 || (long)size.Width * size.Height > 9_437_184)
        {
            throw Rule($"#/image: {size.Width}x{size.Height} is outside the image sizes accepted (at least 64 pixels a side, at most 9,437,184 pixels)");
        }

        return size;
    }

    private static InvokeRequest AmazonEdit(JsonElement root, InvokeFamily family, string task)
    {
        bool nova = family == InvokeFamily.NovaCanvas;
        string name = task switch { "IMAGE_VARIATION" => "imageVariationParams", "INPAINTING" => "inPaintingParams", _ => "outPaintingParams" };
        string paramsPath = "#/" + name;
        foreach (string other in new[] { "textToImageParams", "imageVariationParams", "inPaintingParams", "outPaintingParams" }.Where(other => other != name))
        {
            if (Optional(root, other) is not null)
            {
                throw Rule($"#: {other} is not valid for taskType {task}; send {name}");
            }
        }

        JsonElement parameters = Object(Required(root, Root, name), paramsPath);
        int maxText = nova ? 1_024 : 512;
        string? text = Optional(parameters, "text") is { } t ? String(t, paramsPath + "/text", minLength: 1, maxLength: maxText) : null;
        if (Optional(parameters, "negativeText") is { } negative)
        {
            String(negative, paramsPath + "/negativeText", minLength: 1, maxLength: maxText);
        }

        var hashed = new List<byte[]>();
        ImageSize output;
        int width, height, count;
        long seed;
        if (task == "IMAGE_VARIATION")
        {
            OnlyKnown(parameters, paramsPath, "images", "text", "negativeText", "similarityStrength");
            Array(Required(parameters, paramsPath, "images"), paramsPath + "/images", 1, 5, (item, path) =>
            {
                byte[] bytes = Base64(item, path);
                EditImage(bytes, path, nova);
                hashed.Add(bytes);
                return 0;
            });
            if (Optional(parameters, "similarityStrength") is { } similarity)
            {
                Number(similarity, paramsPath + "/similarityStrength", 0.2, 1.0);
            }

            (width, height, count, seed) = ImageConfig(root, nova, sizeAllowed: true);
        }
        else
        {
            if (task == "OUTPAINTING")
            {
                OnlyKnown(parameters, paramsPath, nova ? new[] { "image", "text", "negativeText", "maskPrompt", "maskImage", "outPaintingMode", "returnMask" } : new[] { "image", "text", "negativeText", "maskPrompt", "maskImage", "outPaintingMode" });
                if (Optional(parameters, "outPaintingMode") is { } mode)
                {
                    Enum(mode, paramsPath + "/outPaintingMode", "DEFAULT", "PRECISE");
                }
            }
            else
            {
                OnlyKnown(parameters, paramsPath, nova ? new[] { "image", "text", "negativeText", "maskPrompt", "maskImage", "returnMask" } : new[] { "image", "text", "negativeText", "maskPrompt", "maskImage" });
            }

            if (nova && Optional(parameters, "returnMask") is { } returnMask)
            {
                Boolean(returnMask, paramsPath + "/returnMask");
            }

            byte[] image = Base64(Required(parameters, paramsPath, "image"), paramsPath + "/image");
            output = EditImage(image, paramsPath + "/image", nova);
            hashed.Add(image);
            JsonElement? maskPrompt = Optional(parameters, "maskPrompt"), maskImage = Optional(parameters, "maskImage");
            if ((maskPrompt is null) == (maskImage is null))
            {
                throw Rule($"{paramsPath}: exactly one of [maskPrompt, maskImage] must be given");
            }

            if (maskPrompt is { } area)
            {
                hashed.Add(Encoding.UTF8.GetBytes(String(area, paramsPath + "/maskPrompt", minLength: 1, maxLength: maxText)));
            }
            else
            {
                byte[] mask = Base64(maskImage!.Value, paramsPath + "/maskImage");
                ImageSize maskSize = ImageHeader.Read(mask) ?? throw Rule($"{paramsPath}/maskImage: the mask could not be read; send a PNG or JPEG image as base64");
                if (maskSize.Width != output.Width || maskSize.Height != output.Height)
                {
                    throw Rule($"{paramsPath}/maskImage: the mask is {maskSize.Width}x{maskSize.Height}, but the image is {output.Width}x{output.Height}; they must be the same size");
                }

                hashed.Add(mask);
            }

            (_, _, count, seed) = ImageConfig(root, nova, sizeAllowed: false);
            (width, height) = (output.Width, output.Height);
        }

        string prompt = text ?? string.Empty;
        return new InvokeRequest
        {
            Family = family,
            Prompt = prompt,
            SourceHash = Hash(hashed.SelectMany(bytes => bytes).ToArray()),
            Width = width,
            Height = height,
            ImageCount = count,
            Seed = seed,
            InputLength = prompt.Length,
        };
    }

    /// <summary>A source image of an Amazon editing task, read and checked against the family's size limits.</summary>
    private static ImageSize EditImage(byte[] image, string path, bool nova)
    {
        ImageSize size = ImageHeader.Read(image) ?? throw Rule($"{path}: the image could not be read; send a PNG or JPEG image as base64");
        bool fits = nova
            ? size.Width is >= 320 and <= 4_096 && size.Height is >= 320 and <= 4_096 && (long)size.Width * size.Height <= 4_194_304
            : size.Width <= 1_408 && size.Height <= 1_408;
        if (!fits)
        {
            throw Rule(nova
                ? $"{path}: {size.Width}x{size.Height} is outside the image sizes Nova Canvas accepts (320 to 4,096 pixels a side, at most 4,194,304 pixels)"
                : $"{path}: {size.Width}x{size.Height} is larger than Titan Image Generator accepts (at most 1,408 pixels a side)");
        }

        return size;
    }
}
