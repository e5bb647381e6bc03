using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static PromptGen.Testing.Wire.Invoke.InvokeSchema;

namespace PromptGen.Testing.Wire.Invoke;

/// <summary>
/// Checks a model-native body as the model's schema does and reads what the answer needs. Ranges, required members
/// and enums come from each family's AWS page (the source is named at each family below and in docs/models.md); where
/// a rule is remembered rather than read, it is marked [U].
/// </summary>
internal static partial class InvokeBodyValidator
{
    private const string Root = "#";

    /// <returns>The request, or the ValidationException Bedrock answers for the body.</returns>
    public static (InvokeRequest? Request, EmulatorError? Error) Validate(InvokeFamily family, byte[] body, int maxOutputTokens)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return (null, NotJson());
        }

        using (document)
        {
            try
            {
                JsonElement root = InvokeSchema.Root(document);
                InvokeRequest request = family switch
                {
                    InvokeFamily.TitanTextEmbeddingsV2 => TitanEmbeddings(root),
                    InvokeFamily.CohereEmbedV3 => CohereV3(root),
                    InvokeFamily.CohereEmbedV4 => CohereV4(root),
                    InvokeFamily.NovaMultimodalEmbeddings => NovaEmbeddings(root),
                    InvokeFamily.NovaCanvas or InvokeFamily.TitanImageV2 => AmazonImage(root, family),
                    InvokeFamily.StabilityDiffusion35 or InvokeFamily.StableImage => Stability(root, family),
                    InvokeFamily.ClaudeMessages => Claude(root, maxOutputTokens),
                    InvokeFamily.Llama => Llama(root),
                    _ => Mistral(root),
                };
                return (request, null);
            }
            catch (InvokeBodyException e)
            {
                return (null, e.ToError());
            }
            catch (InvalidOperationException)
            {
                // GetString on invalid UTF-8: Bedrock cannot read such a body either.
                return (null, NotJson());
            }
        }
    }

    // AWS "Amazon Titan Embeddings Text" (model-parameters-titan-embed-text.html): inputText required; dimensions 1024
    // (default), 512, 256; normalize default true; embeddingTypes float/binary. Input limit 50,000 characters [U].
    private static InvokeRequest TitanEmbeddings(JsonElement root)
    {
        OnlyKnown(root, Root, "inputText", "dimensions", "normalize", "embeddingTypes");
        string text = String(Required(root, Root, "inputText"), "#/inputText", minLength: 1, maxLength: 50_000);
        int dimension = Optional(root, "dimensions") is { } d ? (int)IntegerEnum(d, "#/dimensions", 1024, 512, 256) : 1024;
        bool normalize = Optional(root, "normalize") is not { } n || Boolean(n, "#/normalize");
        List<string> types = Optional(root, "embeddingTypes") is { } t
            ? Array(t, "#/embeddingTypes", 1, 2, (item, path) => Enum(item, path, "float", "binary"))
            : new List<string>();
        return new InvokeRequest
        {
            Family = InvokeFamily.TitanTextEmbeddingsV2,
            Prompt = text,
            EmbeddingInputs = new[] { text },
            Dimension = dimension,
            Normalize = normalize,
            EmbeddingTypes = types,
            InputLength = text.Length,
        };
    }

    // AWS "Cohere Embed v3" (model-parameters-embed-v3.html): 0–96 texts of at most 2,048 characters, or one image
    // data URI; input_type required; truncate NONE|START|END; embedding_types. Vectors of 1,024 dimensions [U].
    private static InvokeRequest CohereV3(JsonElement root)
    {
        OnlyKnown(root, Root, "texts", "images", "input_type", "truncate", "embedding_types");
        Enum(Required(root, Root, "input_type"), "#/input_type", "search_document", "search_query", "classification", "clustering", "image");
        List<string> inputs = CohereInputs(root, maxTexts: 96, maxTextLength: 2_048, maxImages: 1, allowInputs: false);
        if (Optional(root, "truncate") is { } truncate)
        {
            Enum(truncate, "#/truncate", "NONE", "START", "END");
        }

        return CohereRequest(InvokeFamily.CohereEmbedV3, root, inputs, dimension: 1_024);
    }

    // AWS "Cohere Embed v4" (model-parameters-embed-v4.html): input_type required; texts, images or inputs, up to 96;
    // output_dimension 256|512|1024|1536 (default 1536); max_tokens up to 128,000; truncate NONE|LEFT|RIGHT.
    private static InvokeRequest CohereV4(JsonElement root)
    {
        OnlyKnown(root, Root, "input_type", "texts", "images", "inputs", "embedding_types", "output_dimension", "max_tokens", "truncate");
        Enum(Required(root, Root, "input_type"), "#/input_type", "search_document", "search_query", "classification", "clustering");
        List<string> inputs = CohereInputs(root, maxTexts: 96, maxTextLength: int.MaxValue, maxImages: 96, allowInputs: true);
        int dimension = Optional(root, "output_dimension") is { } d ? (int)IntegerEnum(d, "#/output_dimension", 256, 512, 1024, 1536) : 1_536;
        if (Optional(root, "max_tokens") is { } maxTokens)
        {
            Integer(maxTokens, "#/max_tokens", 1, 128_000);
        }

        if (Optional(root, "truncate") is { } truncate)
        {
            Enum(truncate, "#/truncate", "NONE", "LEFT", "RIGHT");
        }

        return CohereRequest(InvokeFamily.CohereEmbedV4, root, inputs, dimension);
    }

    private static List<string> CohereInputs(JsonElement root, int maxTexts, int maxTextLength, int maxImages, bool allowInputs)
    {
        JsonElement? texts = Optional(root, "texts"), images = Optional(root, "images"), mixed = allowInputs ? Optional(root, "inputs") : null;
        int given = (texts is null ? 0 : 1) + (images is null ? 0 : 1) + (mixed is null ? 0 : 1);
        if (given == 0)
        {
            throw new InvokeBodyException("#: required key [texts] not found");
        }

        if (given > 1)
        {
            throw Rule(allowInputs ? "#: give only one of [texts, images, inputs]" : "#: give only one of [texts, images]");
        }

        if (texts is { } t)
        {
            return Array(t, "#/texts", 0, maxTexts, (item, path) => String(item, path, maxLength: maxTextLength));
        }

        if (images is { } i)
        {
            return Array(i, "#/images", 1, maxImages, (item, path) => "image:" + Hash(DataUri(item, path)));
        }

        return Array(mixed!.Value, "#/inputs", 1, 96, (item, path) =>
        {
            JsonElement input = Object(item, path);
            OnlyKnown(input, path, "content");
            var parts = Array(Required(input, path, "content"), path + "/content", 1, int.MaxValue, (part, partPath) =>
            {
                JsonElement content = Object(part, partPath);
                string type = Enum(Required(content, partPath, "type"), partPath + "/type", "text", "image_url");
                OnlyKnown(content, partPath, "type", type);
                return type == "text"
                    ? String(Required(content, partPath, "text"), partPath + "/text")
                    : "image:" + Hash(DataUri(Required(content, partPath, "image_url"), partPath + "/image_url"));
            });
            return string.Join("\n", parts);
        });
    }

    private static InvokeRequest CohereRequest(InvokeFamily family, JsonElement root, List<string> inputs, int dimension)
    {
        List<string> types = Optional(root, "embedding_types") is { } t
            ? Array(t, "#/embedding_types", 1, 5, (item, path) => Enum(item, path, "float", "int8", "uint8", "binary", "ubinary"))
            : new List<string>();
        return new InvokeRequest
        {
            Family = family,
            Prompt = string.Join("\n", inputs),
            EmbeddingInputs = inputs,
            Dimension = dimension,
            Normalize = true,
            EmbeddingTypes = types,
            InputLength = inputs.Sum(input => input.Length),
        };
    }

    // AWS Nova "Complete embeddings request and response schema" (nova/latest/userguide/embeddings-schema.html):
    // taskType SINGLE_EMBEDDING for synchronous calls; embeddingPurpose required; embeddingDimension 256|384|1024|3072
    // (default 3072); one of text, image, audio, video; text.truncationMode required [U].
    private static InvokeRequest NovaEmbeddings(JsonElement root)
    {
        OnlyKnown(root, Root, "schemaVersion", "taskType", "singleEmbeddingParams");
        if (Optional(root, "schemaVersion") is { } version)
        {
            Enum(version, "#/schemaVersion", "nova-multimodal-embed-v1");
        }

        if (Enum(Required(root, Root, "taskType"), "#/taskType", "SINGLE_EMBEDDING", "SEGMENTED_EMBEDDING") != "SINGLE_EMBEDDING")
        {
            throw Rule("#/taskType: SEGMENTED_EMBEDDING is available through StartAsyncInvoke only; InvokeModel takes SINGLE_EMBEDDING");
        }

        const string paramsPath = "#/singleEmbeddingParams";
        JsonElement parameters = Object(Required(root, Root, "singleEmbeddingParams"), paramsPath);
        OnlyKnown(parameters, paramsPath, "embeddingPurpose", "embeddingDimension", "text", "image", "audio", "video");
        Enum(Required(parameters, paramsPath, "embeddingPurpose"), paramsPath + "/embeddingPurpose",
            "GENERIC_INDEX", "GENERIC_RETRIEVAL", "TEXT_RETRIEVAL", "IMAGE_RETRIEVAL", "VIDEO_RETRIEVAL", "DOCUMENT_RETRIEVAL", "AUDIO_RETRIEVAL", "CLASSIFICATION", "CLUSTERING");
        int dimension = Optional(parameters, "embeddingDimension") is { } d ? (int)IntegerEnum(d, paramsPath + "/embeddingDimension", 256, 384, 1024, 3072) : 3_072;

        string[] modalities = new[] { "text", "image", "audio", "video" }.Where(name => parameters.TryGetProperty(name, out _)).ToArray();
        if (modalities.Length != 1)
        {
            throw Rule($"{paramsPath}: exactly one of [text, image, audio, video] must be given, found {modalities.Length}");
        }

        string path = $"{paramsPath}/{modalities[0]}";
        JsonElement input = Object(parameters.GetProperty(modalities[0]), path);
        string embedded;
        string prompt;
        switch (modalities[0])
        {
            case "text":
                OnlyKnown(input, path, "truncationMode", "value", "source");
                Enum(Required(input, path, "truncationMode"), path + "/truncationMode", "START", "END", "NONE");
                if (Optional(input, "value") is { } value)
                {
                    prompt = String(value, path + "/value", minLength: 1);
                    embedded = prompt;
                }
                else
                {
                    embedded = "source:" + Source(Required(input, path, "source"), path + "/source");
                    prompt = embedded;
                }

                break;
            case "image":
                OnlyKnown(input, path, "detailLevel", "format", "source");
                Enum(Required(input, path, "format"), path + "/format", "png", "jpeg", "gif", "webp");
                if (Optional(input, "detailLevel") is { } detail)
                {
                    Enum(detail, path + "/detailLevel", "STANDARD_IMAGE", "DOCUMENT_IMAGE");
                }

                embedded = "image:" + Source(Required(input, path, "source"), path + "/source");
                prompt = embedded;
                break;
            default:
                OnlyKnown(input, path, "format", "source", "embeddingMode");
                String(Required(input, path, "format"), path + "/format", minLength: 1);
                embedded = modalities[0] + ":" + Source(Required(input, path, "source"), path + "/source");
                prompt = embedded;
                break;
        }

        return new InvokeRequest
        {
            Family = InvokeFamily.NovaMultimodalEmbeddings,
            Prompt = prompt,
            EmbeddingInputs = new[] { embedded },
            Dimension = dimension,
            Normalize = true,
            InputLength = prompt.Length,
        };
    }

    private static string Source(JsonElement value, string path)
    {
        JsonElement source = Object(value, path);
        OnlyKnown(source, path, "bytes", "s3Location");
        if (Optional(source, "bytes") is { } bytes)
        {
            return Hash(Base64(bytes, path + "/bytes"));
        }

        JsonElement location = Object(Required(source, path, "s3Location"), path + "/s3Location");
        OnlyKnown(location, path + "/s3Location", "uri", "bucketOwner");
        return Hash(Encoding.UTF8.GetBytes(String(Required(location, path + "/s3Location", "uri"), path + "/s3Location/uri", minLength: 1)));
    }

    // Nova Canvas (AWS Nova user guide, image generation request schema) and Titan Image Generator G1 v2 (AWS
    // model-parameters-titan-image.html): TEXT_IMAGE, text 1–1,024 (Nova) or 1–512 (Titan) characters, 1–5 images,
    // cfgScale 1.1–10, quality standard|premium. Nova: width and height 320–4,096, multiples of 16, at most 4,194,304
    // pixels, aspect ratio within 1:4 and 4:1, seed 0–858,993,459 (defaults 1024×1024, 6.5, 12). Titan v2: a fixed list
    // of sizes, seed 0–2,147,483,646 (defaults 1024×1024, 8, 42) [U: ranges remembered from the pages].
    private static readonly (int Width, int Height)[] TitanSizes =
    {
        (1024, 1024), (768, 768), (512, 512), (768, 1152), (384, 576), (1152, 768), (576, 384), (768, 1280), (384, 640),
        (1280, 768), (640, 384), (896, 1152), (448, 576), (1152, 896), (576, 448), (768, 1408), (384, 704), (1408, 768),
        (704, 384), (640, 1408), (320, 704), (1408, 640), (704, 320), (1152, 640), (1173, 640),
    };

    private static readonly string[] NovaCanvasStyles =
    {
        "3D_ANIMATED_FAMILY_FILM", "DESIGN_SKETCH", "FLAT_VECTOR_ILLUSTRATION", "GRAPHIC_NOVEL_ILLUSTRATION", "MAXIMALISM",
        "MIDCENTURY_RETRO", "PHOTOREALISM", "SOFT_DIGITAL_PAINTING",
    };

    private static InvokeRequest AmazonImage(JsonElement root, InvokeFamily family)
    {
        bool nova = family == InvokeFamily.NovaCanvas;
        OnlyKnown(root, Root, "taskType", "textToImageParams", "imageVariationParams", "inPaintingParams", "outPaintingParams", "imageGenerationConfig");
        string task = Enum(Required(root, Root, "taskType"), "#/taskType",
            "TEXT_IMAGE", "INPAINTING", "OUTPAINTING", "IMAGE_VARIATION", "COLOR_GUIDED_GENERATION", "BACKGROUND_REMOVAL", "VIRTUAL_TRY_ON");
        if (task is "IMAGE_VARIATION" or "INPAINTING" or "OUTPAINTING")
        {
            return AmazonEdit(root, family, task);
        }

        if (task != "TEXT_IMAGE")
        {
            throw Rule($"#/taskType: the PromptGen emulator serves TEXT_IMAGE, IMAGE_VARIATION, INPAINTING and OUTPAINTING, not {task}");
        }

        const string paramsPath = "#/textToImageParams";
        JsonElement parameters = Object(Required(root, Root, "textToImageParams"), paramsPath);
        if (nova)
        {
            OnlyKnown(parameters, paramsPath, "text", "negativeText", "style");
        }
        else
        {
            OnlyKnown(parameters, paramsPath, "text", "negativeText");
        }

        int maxText = nova ? 1_024 : 512;
        string text = String(Required(parameters, paramsPath, "text"), paramsPath + "/text", minLength: 1, maxLength: maxText);
        if (Optional(parameters, "negativeText") is { } negative)
        {
            String(negative, paramsPath + "/negativeText", minLength: 1, maxLength: maxText);
        }

        if (nova && Optional(parameters, "style") is { } style)
        {
            Enum(style, paramsPath + "/style", NovaCanvasStyles);
        }

        (int width, int height, int count, long seed) = ImageConfig(root, nova, sizeAllowed: true);
        return new InvokeRequest
        {
            Family = family,
            Prompt = text,
            Width = width,
            Height = height,
            ImageCount = count,
            Seed = seed,
            InputLength = text.Length,
        };
    }

    /// <summary>
    /// The shared <c>imageGenerationConfig</c> of Nova Canvas and Titan: the size (when the task takes one), count and seed,
    /// with each family's defaults.
    /// </summary>
    private static (int Width, int Height, int Count, long Seed) ImageConfig(JsonElement root, bool nova, bool sizeAllowed)
    {
        int width = 1024, height = 1024, count = 1;
        long seed = nova ? 12 : 42;
        if (Optional(root, "imageGenerationConfig") is { } configValue)
        {
            const string configPath = "#/imageGenerationConfig";
            JsonElement config = Object(configValue, configPath);
            if (sizeAllowed)
            {
                OnlyKnown(config, configPath, "numberOfImages", "width", "height", "quality", "cfgScale", "seed");
            }
            else
            {
                OnlyKnown(config, configPath, "numberOfImages", "quality", "cfgScale", "seed");
            }

            count = Optional(config, "numberOfImages") is { } n ? (int)Integer(n, configPath + "/numberOfImages", 1, 5) : 1;
            if (Optional(config, "quality") is { } quality)
            {
                Enum(quality, configPath + "/quality", "standard", "premium");
            }

            if (Optional(config, "cfgScale") is { } cfg)
            {
                Number(cfg, configPath + "/cfgScale", 1.1, 10);
            }

            seed = Optional(config, "seed") is { } s ? Integer(s, configPath + "/seed", 0, nova ? 858_993_459 : 2_147_483_646) : seed;
            int minSide = nova ? 320 : 320, maxSide = nova ? 4_096 : 1_408;
            width = Optional(config, "width") is { } w ? (int)Integer(w, configPath + "/width", minSide, maxSide) : width;
            height = Optional(config, "height") is { } h ? (int)Integer(h, configPath + "/height", minSide, maxSide) : height;
            if (nova)
            {
                CheckNovaCanvasSize(width, height);
            }
            else if (!TitanSizes.Contains((width, height)))
            {
                throw Rule($"{configPath}: {width}x{height} is not a size Titan Image Generator supports (e.g. 1024x1024, 768x1152, 1152x768, 512x512)");
            }
        }

        return (width, height, count, seed);
    }

    private static void CheckNovaCanvasSize(int width, int height)
    {
        if (width % 16 != 0 || height % 16 != 0)
        {
            throw Rule($"#/imageGenerationConfig: width and height must be multiples of 16, got {width}x{height}");
        }

        if ((long)width * height > 4_194_304)
        {
            throw Rule($"#/imageGenerationConfig: {width}x{height} has more than 4,194,304 pixels");
        }

        if (width > 4L * height || height > 4L * width)
        {
            throw Rule($"#/imageGenerationConfig: the aspect ratio of {width}x{height} is outside 1:4 to 4:1");
        }
    }

    // AWS "Stability.ai Stable Diffusion 3.5 Large" (model-parameters-diffusion-3-5-large.html): prompt 0–10,000
    // characters; aspect_ratio 16:9, 1:1, 21:9, 2:3, 3:2, 4:5, 5:4, 9:16, 9:21 (default 1:1, text-to-image only); mode
    // text-to-image|image-to-image (image and strength with the latter). Stable Image Core/Ultra take prompt,
    // negative_prompt, aspect_ratio, seed, output_format. Seed 0–4,294,967,294; output_format png (default) or jpeg
    // (webp is Stability's own API; not emulated) [U]. Sizes are Stability's 1-megapixel sizes per ratio [U].
    private static readonly Dictionary<string, (int Width, int Height)> StabilitySizes = new(StringComparer.Ordinal)
    {
        ["1:1"] = (1024, 1024),
        ["16:9"] = (1344, 768),
        ["21:9"] = (1536, 640),
        ["2:3"] = (832, 1216),
        ["3:2"] = (1216, 832),
        ["4:5"] = (896, 1088),
        ["5:4"] = (1088, 896),
        ["9:16"] = (768, 1344),
        ["9:21"] = (640, 1536),
    };

    private static InvokeRequest Stability(JsonElement root, InvokeFamily family)
    {
        bool sd35 = family == InvokeFamily.StabilityDiffusion35;
        if (sd35)
        {
            OnlyKnown(root, Root, "prompt", "negative_prompt", "mode", "aspect_ratio", "seed", "output_format", "image", "strength", "cfg_scale");
        }
        else
        {
            OnlyKnown(root, Root, "prompt", "negative_prompt", "aspect_ratio", "seed", "output_format", "style_preset");
        }

        string prompt = String(Required(root, Root, "prompt"), "#/prompt", minLength: 0, maxLength: 10_000);
        if (Optional(root, "negative_prompt") is { } negative)
        {
            String(negative, "#/negative_prompt", maxLength: 10_000);
        }

        string mode = sd35 && Optional(root, "mode") is { } m ? Enum(m, "#/mode", "text-to-image", "image-to-image") : "text-to-image";
        string ratio = "1:1";
        ImageSize? source = null;
        if (mode == "image-to-image")
        {
            byte[] image = Base64(Required(root, Root, "image"), "#/image");
            source = StabilitySource(image);
            Number(Required(root, Root, "strength"), "#/strength", 0, 1);
            if (Optional(root, "aspect_ratio") is not null)
            {
                throw Rule("#/aspect_ratio: aspect_ratio is valid for text-to-image requests only");
            }
        }
        else
        {
            if (sd35 && (Optional(root, "image") is not null || Optional(root, "strength") is not null))
            {
                throw Rule("#: image and strength are valid for image-to-image requests only");
            }

            ratio = Optional(root, "aspect_ratio") is { } r ? Enum(r, "#/aspect_ratio", StabilitySizes.Keys.ToArray()) : ratio;
        }

        long seed = Optional(root, "seed") is { } s ? Integer(s, "#/seed", 0, 4_294_967_294) : 0;
        string format = Optional(root, "output_format") is { } f ? Enum(f, "#/output_format", "png", "jpeg") : "png";
        if (Optional(root, "cfg_scale") is { } cfg)
        {
            Number(cfg, "#/cfg_scale", 1, 10);
        }

        if (Optional(root, "style_preset") is { } preset)
        {
            String(preset, "#/style_preset", minLength: 1);
        }

        (int width, int height) = source is { } size ? (size.Width, size.Height) : StabilitySizes[ratio];
        return new InvokeRequest
        {
            Family = family,
            Prompt = prompt,
            SourceHash = source is null ? null : Hash(Base64(root.GetProperty("image"), "#/image")),
            Width = width,
            Height = height,
            ImageCount = 1,
            Seed = seed,
            ImageFormat = format,
            InputLength = prompt.Length,
        };
    }

    // Anthropic Claude Messages on Bedrock (AWS "Anthropic Claude Messages API", model-parameters-anthropic-claude-messages.html):
    // anthropic_version "bedrock-2023-05-31" and max_tokens required; messages of user/assistant turns, content a string
    // or blocks; system a string or text blocks; temperature and top_p 0–1, top_k 0–500 [U: ranges remembered].
    private static InvokeRequest Claude(JsonElement root, int maxOutputTokens)
    {
        OnlyKnown(root, Root, "anthropic_version", "anthropic_beta", "max_tokens", "messages", "system", "temperature", "top_p", "top_k",
            "stop_sequences", "tools", "tool_choice", "thinking", "metadata");
        Enum(Required(root, Root, "anthropic_version"), "#/anthropic_version", "bedrock-2023-05-31");
        int maxTokens = (int)Integer(Required(root, Root, "max_tokens"), "#/max_tokens", 1, maxOutputTokens > 0 ? maxOutputTokens : int.MaxValue);
        List<(string Role, string Text)> turns = Array(Required(root, Root, "messages"), "#/messages", 1, int.MaxValue, (item, path) =>
        {
            JsonElement message = Object(item, path);
            OnlyKnown(message, path, "role", "content");
            string role = Enum(Required(message, path, "role"), path + "/role", "user", "assistant");
            return (role, ClaudeText(Required(message, path, "content"), path + "/content"));
        });
        if (turns[0].Role != "user")
        {
            throw Rule("#/messages/0/role: the first message must use the user role");
        }

        string? system = Optional(root, "system") is { } s ? ClaudeText(s, "#/system") : null;
        OptionalNumber(root, "temperature", 0, 1);
        OptionalNumber(root, "top_p", 0, 1);
        if (Optional(root, "top_k") is { } topK)
        {
            Integer(topK, "#/top_k", 0, 500);
        }

        if (Optional(root, "stop_sequences") is { } stops)
        {
            Array(stops, "#/stop_sequences", 0, 8_191, (item, path) => String(item, path));
        }

        string? prompt = turns.LastOrDefault(turn => turn.Role == "user").Text;
        return new InvokeRequest
        {
            Family = InvokeFamily.ClaudeMessages,
            Prompt = prompt,
            SystemText = system,
            MaxTokens = maxTokens,
            InputLength = turns.Sum(turn => turn.Text.Length) + (system?.Length ?? 0),
        };
    }

    /// <summary>A Claude content value: a string, or blocks whose text blocks are joined (other block kinds pass unread).</summary>
    private static string ClaudeText(JsonElement content, string path)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        List<string?> texts = Array(content, path, 0, int.MaxValue, (item, itemPath) =>
        {
            JsonElement block = Object(item, itemPath);
            string type = String(Required(block, itemPath, "type"), itemPath + "/type", minLength: 1);
            return type == "text" ? String(Required(block, itemPath, "text"), itemPath + "/text") : null;
        });
        return string.Join("\n", texts.Where(text => text is not null));
    }

    // Meta Llama on Bedrock (AWS model-parameters-meta.html): prompt required; max_gen_len 1–2,048; temperature and top_p 0–1 [U].
    private static InvokeRequest Llama(JsonElement root)
    {
        OnlyKnown(root, Root, "prompt", "max_gen_len", "temperature", "top_p", "images");
        string prompt = String(Required(root, Root, "prompt"), "#/prompt", minLength: 1);
        int maxTokens = Optional(root, "max_gen_len") is { } m ? (int)Integer(m, "#/max_gen_len", 1, 2_048) : 512;
        OptionalNumber(root, "temperature", 0, 1);
        OptionalNumber(root, "top_p", 0, 1);
        return new InvokeRequest { Family = InvokeFamily.Llama, Prompt = prompt, MaxTokens = maxTokens, InputLength = prompt.Length };
    }

    // Mistral AI text completion on Bedrock (AWS model-parameters-mistral-text-completion.html): prompt required; max_tokens;
    // stop up to 10; temperature 0–1, top_p 0–1, top_k 0–200 [U].
    private static InvokeRequest Mistral(JsonElement root)
    {
        OnlyKnown(root, Root, "prompt", "max_tokens", "stop", "temperature", "top_p", "top_k");
        string prompt = String(Required(root, Root, "prompt"), "#/prompt", minLength: 1);
        int maxTokens = Optional(root, "max_tokens") is { } m ? (int)Integer(m, "#/max_tokens", 1, 8_192) : 512;
        OptionalNumber(root, "temperature", 0, 1);
        OptionalNumber(root, "top_p", 0, 1);
        if (Optional(root, "top_k") is { } topK)
        {
            Integer(topK, "#/top_k", 0, 200);
        }

        if (Optional(root, "stop") is { } stop)
        {
            Array(stop, "#/stop", 0, 10, (item, path) => String(item, path));
        }

        return new InvokeRequest { Family = InvokeFamily.Mistral, Prompt = prompt, MaxTokens = maxTokens, InputLength = prompt.Length };
    }

    private static void OptionalNumber(JsonElement root, string name, double minimum, double maximum)
    {
        if (Optional(root, name) is { } value)
        {
            Number(value, "#/" + name, minimum, maximum);
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
