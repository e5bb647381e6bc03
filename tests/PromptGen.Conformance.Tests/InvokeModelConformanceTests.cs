using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// The official AWS SDK for JavaScript's InvokeModel and InvokeModelWithResponseStream against the emulator, for every
/// family: the emulator accepts its signed requests, and the SDK parses every answer, stream and error as our client
/// does. PromptGen's typed request bodies equal what an SDK application sends for the same input.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class InvokeModelConformanceTests(NodeProject node) : IAsyncLifetime
{
    private const string ClaudeModel = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private const string LlamaModel = "meta.llama3-1-70b-instruct-v1:0";
    private const string MistralModel = "mistral.mistral-7b-instruct-v0:2";

    private BedrockEmulator _emulator = null!;

    /// <summary>
    /// Every family, as (name, model, the SDK's JSON body, our typed body); the two bodies are the same logical input.
    /// Nova Canvas and Titan Image Generator are past their end of life, so the emulator here serves retired models.
    /// </summary>
    public static TheoryData<string> Families => new(Bodies.Keys);

    // Source images and a mask for the editing bodies: real PNGs the emulator reads the size of (declared before Bodies,
    // which uses them).
    private static readonly byte[] Source = TestImages.Png(512, 512, "conformance");
    private static readonly byte[] Mask = TestImages.Mask(512, 512, 128, 128, 256, 256);
    private static readonly string Source64 = Convert.ToBase64String(Source);
    private static readonly string Mask64 = Convert.ToBase64String(Mask);

    private static readonly Dictionary<string, (string Model, JsonNode Sdk, byte[] Ours)> Bodies = new()
    {
        ["titan-embeddings"] = ("amazon.titan-embed-text-v2:0",
            JsonNode.Parse("""{"inputText":"The quick brown fox","dimensions":512,"normalize":true,"embeddingTypes":["float","binary"]}""")!,
            new TitanTextEmbeddingRequest { InputText = "The quick brown fox", Dimensions = 512, Normalize = true, EmbeddingTypes = new[] { "float", "binary" } }.ToJson()),
        ["cohere-v3"] = ("cohere.embed-english-v3",
            JsonNode.Parse("""{"texts":["first doc","second doc"],"input_type":"search_document","truncate":"END","embedding_types":["float","int8"]}""")!,
            new CohereEmbedRequest { Texts = new[] { "first doc", "second doc" }, InputType = "search_document", Truncate = "END", EmbeddingTypes = new[] { "float", "int8" } }.ToJson()),
        ["cohere-v4"] = ("cohere.embed-v4:0",
            JsonNode.Parse("""{"texts":["a query"],"input_type":"search_query","output_dimension":256,"max_tokens":1000,"truncate":"RIGHT"}""")!,
            new CohereEmbedRequest { Texts = new[] { "a query" }, InputType = "search_query", OutputDimension = 256, MaxTokens = 1000, Truncate = "RIGHT" }.ToJson()),
        ["nova-embeddings"] = ("amazon.nova-2-multimodal-embeddings-v1:0",
            JsonNode.Parse("""{"schemaVersion":"nova-multimodal-embed-v1","taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose":"GENERIC_INDEX","embeddingDimension":1024,"text":{"truncationMode":"END","value":"a cat on a mat"}}}""")!,
            new NovaEmbeddingRequest { EmbeddingPurpose = "GENERIC_INDEX", EmbeddingDimension = 1024, Text = "a cat on a mat", TextTruncationMode = "END" }.ToJson()),
        ["nova-canvas"] = ("amazon.nova-canvas-v1:0",
            JsonNode.Parse("""{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a red bicycle","negativeText":"people"},"imageGenerationConfig":{"numberOfImages":2,"width":512,"height":512,"quality":"standard","cfgScale":6.5,"seed":12}}""")!,
            new AmazonImageRequest { Text = "a red bicycle", NegativeText = "people", NumberOfImages = 2, Width = 512, Height = 512, Quality = "standard", CfgScale = 6.5, Seed = 12 }.ToJson()),
        ["titan-image"] = ("amazon.titan-image-generator-v2:0",
            JsonNode.Parse("""{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a lighthouse"},"imageGenerationConfig":{"numberOfImages":1,"width":768,"height":1152,"cfgScale":8,"seed":42}}""")!,
            new AmazonImageRequest { Text = "a lighthouse", NumberOfImages = 1, Width = 768, Height = 1152, CfgScale = 8, Seed = 42 }.ToJson()),
        ["sd35"] = ("stability.sd3-5-large-v1:0",
            JsonNode.Parse("""{"prompt":"a fox in snow","negative_prompt":"blur","mode":"text-to-image","aspect_ratio":"16:9","seed":7,"output_format":"jpeg"}""")!,
            new StabilityImageRequest { Prompt = "a fox in snow", NegativePrompt = "blur", Mode = "text-to-image", AspectRatio = "16:9", Seed = 7, OutputFormat = "jpeg" }.ToJson()),
        ["image-core"] = ("stability.stable-image-core-v1:1",
            JsonNode.Parse("""{"prompt":"a teapot","aspect_ratio":"1:1","output_format":"png"}""")!,
            new StabilityImageRequest { Prompt = "a teapot", AspectRatio = "1:1", OutputFormat = "png" }.ToJson()),
        ["sd35-image-to-image"] = ("stability.sd3-5-large-v1:0",
            JsonNode.Parse($$$"""{"prompt":"the fox at night","mode":"image-to-image","seed":7,"image":"{{{Source64}}}","strength":0.7}""")!,
            // What a generated image-to-image method sends.
            ImageGeneration.StabilityEditBody(
                new ImageSpec("stability.sd3-5-large-v1:0", ImageFamily.Stability) { Seed = 7, Strength = 0.7 }, "the fox at night", new[] { PromptImage.FromBytes(Source) })),
        ["nova-canvas-variation"] = ("amazon.nova-canvas-v1:0",
            JsonNode.Parse($$$"""{"taskType":"IMAGE_VARIATION","imageVariationParams":{"images":["{{{Source64}}}"],"text":"in autumn","similarityStrength":0.7},"imageGenerationConfig":{"numberOfImages":1,"width":512,"height":512}}""")!,
            new AmazonImageEditRequest { TaskType = "IMAGE_VARIATION", Images = new ReadOnlyMemory<byte>[] { Source }, Text = "in autumn", SimilarityStrength = 0.7, NumberOfImages = 1, Width = 512, Height = 512 }.ToJson()),
        ["nova-canvas-inpainting"] = ("amazon.nova-canvas-v1:0",
            JsonNode.Parse($$$"""{"taskType":"INPAINTING","inPaintingParams":{"image":"{{{Source64}}}","text":"a green armchair","maskPrompt":"the sofa"},"imageGenerationConfig":{"seed":11}}""")!,
            // What a generated inpainting method with a [Mask] string sends.
            ImageGeneration.AmazonEditBody(
                new ImageSpec("amazon.nova-canvas-v1:0", ImageFamily.Amazon) { Seed = 11, EditTask = "INPAINTING" }, "a green armchair", new[] { PromptImage.FromBytes(Source) }, null, "the sofa")),
        ["titan-image-outpainting"] = ("amazon.titan-image-generator-v2:0",
            JsonNode.Parse($$$"""{"taskType":"OUTPAINTING","outPaintingParams":{"image":"{{{Source64}}}","text":"a beach","maskImage":"{{{Mask64}}}","outPaintingMode":"PRECISE"},"imageGenerationConfig":{"cfgScale":7}}""")!,
            new AmazonImageEditRequest { TaskType = "OUTPAINTING", Images = new ReadOnlyMemory<byte>[] { Source }, Text = "a beach", MaskImage = Mask, OutPaintingMode = "PRECISE", CfgScale = 7 }.ToJson()),
        ["titan-image-variation"] = ("amazon.titan-image-generator-v2:0",
            JsonNode.Parse($$$"""{"taskType":"IMAGE_VARIATION","imageVariationParams":{"images":["{{{Source64}}}"],"similarityStrength":0.5}}""")!,
            new AmazonImageEditRequest { TaskType = "IMAGE_VARIATION", Images = new ReadOnlyMemory<byte>[] { Source }, SimilarityStrength = 0.5 }.ToJson()),
        ["nova-embeddings-image"] = ("amazon.nova-2-multimodal-embeddings-v1:0",
            JsonNode.Parse($$$$$"""{"schemaVersion":"nova-multimodal-embed-v1","taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose":"GENERIC_INDEX","embeddingDimension":256,"image":{"format":"png","source":{"bytes":"{{{{{Source64}}}}}"}}}}""")!,
            new NovaEmbeddingRequest { EmbeddingPurpose = "GENERIC_INDEX", EmbeddingDimension = 256, ImageBytes = Source, ImageFormat = "png" }.ToJson()),
        ["image-ultra"] = ("stability.stable-image-ultra-v1:1",
            JsonNode.Parse("""{"prompt":"a mountain","aspect_ratio":"5:4","seed":1}""")!,
            new StabilityImageRequest { Prompt = "a mountain", AspectRatio = "5:4", Seed = 1 }.ToJson()),
    };

    public async ValueTask InitializeAsync()
    {
        _emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { EnforceModelCapabilities = false });
        _emulator.Script.When(promptContains: "[stream]").Usage(9, 4).Stream(chunkSize: 3, writeSize: 7).ReplyText("Streamed answer — ✓ 😀");
        _emulator.Script.When(promptContains: "[throttle]").ReplyError("ThrottlingException", 429, "Scripted throttle");
        _emulator.Script.When(promptContains: "[stream-exception]")
            .FailStream(StreamFault.Exception("modelStreamErrorException", "Scripted stream error", afterEvents: 2))
            .ReplyText("abcdefghijklmnop");
        _emulator.Script.When(promptContains: "[filtered]").ReplyContentFiltered();
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("http1")]
    [InlineData("http2")]
    public async Task The_sdk_invokes_every_family_and_parses_every_answer(string protocol)
    {
        var calls = new JsonArray();
        foreach ((string name, (string model, JsonNode sdk, _)) in Bodies)
        {
            calls.Add(Invoke(name, "invokeModel", model, sdk.DeepClone()));
        }

        calls.Add(Invoke("stream-claude", "invokeModelWithResponseStream", ClaudeModel,
            JsonNode.Parse("""{"anthropic_version":"bedrock-2023-05-31","max_tokens":64,"messages":[{"role":"user","content":"Say it [stream]"}]}""")!));
        calls.Add(Invoke("stream-llama", "invokeModelWithResponseStream", LlamaModel, JsonNode.Parse("""{"prompt":"Say it [stream]","max_gen_len":64}""")!));
        calls.Add(Invoke("stream-mistral", "invokeModelWithResponseStream", MistralModel, JsonNode.Parse("""{"prompt":"<s>[INST] Say it [stream] [/INST]"}""")!));
        calls.Add(Invoke("claude", "invokeModel", ClaudeModel,
            JsonNode.Parse("""{"anthropic_version":"bedrock-2023-05-31","max_tokens":64,"messages":[{"role":"user","content":"Say it [stream]"}]}""")!));

        Dictionary<string, JsonElement> results = await RunSdkAsync(protocol, calls);

        Assert.Equal(512, Ok(results["titan-embeddings"]).GetProperty("body").GetProperty("embedding").GetArrayLength());
        JsonElement cohere = Ok(results["cohere-v3"]).GetProperty("body");
        Assert.Equal(2, cohere.GetProperty("embeddings").GetProperty("int8").GetArrayLength());
        Assert.Equal(256, Ok(results["cohere-v4"]).GetProperty("body").GetProperty("embeddings")[0].GetArrayLength());
        Assert.Equal(1024, Ok(results["nova-embeddings"]).GetProperty("body").GetProperty("embeddings")[0].GetProperty("embedding").GetArrayLength());
        Assert.Equal(new[] { ("png", 512, 512), ("png", 512, 512) }, Images(Ok(results["nova-canvas"])));
        Assert.Equal(new[] { ("png", 768, 1152) }, Images(Ok(results["titan-image"])));
        Assert.Equal(new[] { ("jpeg", 1344, 768) }, Images(Ok(results["sd35"])));
        Assert.Equal(new[] { ("png", 1024, 1024) }, Images(Ok(results["image-core"])));
        Assert.Equal(new[] { ("png", 1088, 896) }, Images(Ok(results["image-ultra"])));
        Assert.Equal(new[] { ("png", 512, 512) }, Images(Ok(results["sd35-image-to-image"])));
        Assert.Equal(new[] { ("png", 512, 512) }, Images(Ok(results["nova-canvas-variation"])));
        Assert.Equal(new[] { ("png", 512, 512) }, Images(Ok(results["nova-canvas-inpainting"])));
        Assert.Equal(new[] { ("png", 512, 512) }, Images(Ok(results["titan-image-outpainting"])));
        Assert.Equal(new[] { ("png", 1024, 1024) }, Images(Ok(results["titan-image-variation"])));
        Assert.Equal(256, Ok(results["nova-embeddings-image"]).GetProperty("body").GetProperty("embeddings")[0].GetProperty("embedding").GetArrayLength());
        Assert.All(Bodies.Keys, name => Assert.Equal("application/json", Ok(results[name]).GetProperty("contentType").GetString()));

        List<JsonElement> claude = Ok(results["stream-claude"]).GetProperty("chunks").EnumerateArray().ToList();
        Assert.Equal("Streamed answer — ✓ 😀", string.Concat(claude.Where(c => c.GetProperty("type").GetString() == "content_block_delta")
            .Select(c => c.GetProperty("delta").GetProperty("text").GetString())));
        Assert.Equal(4, claude[^1].GetProperty("amazon-bedrock-invocationMetrics").GetProperty("outputTokenCount").GetInt32());
        Assert.Equal("Streamed answer — ✓ 😀", string.Concat(Ok(results["stream-llama"]).GetProperty("chunks").EnumerateArray().Select(c => c.GetProperty("generation").GetString())));
        Assert.Equal("Streamed answer — ✓ 😀", string.Concat(Ok(results["stream-mistral"]).GetProperty("chunks").EnumerateArray().Select(c => c.GetProperty("outputs")[0].GetProperty("text").GetString())));
        Assert.Equal("Streamed answer — ✓ 😀", Ok(results["claude"]).GetProperty("body").GetProperty("content")[0].GetProperty("text").GetString());

        Assert.Equal(calls.Count, _emulator.Requests.Count);
        Assert.All(_emulator.Requests, request =>
        {
            Assert.True(request.SignatureValid, $"{request.RawPath}: signature");
            Assert.True(request.Accepted, $"{request.RawPath}: {request.ResponseStatus} {request.ErrorCode}");
            Assert.Equal(protocol == "http2" ? "HTTP/2" : "HTTP/1.1", request.Protocol);
        });
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Our_typed_body_equals_what_the_sdk_sends_for_the_same_input(string family)
    {
        (string model, JsonNode sdk, byte[] ours) = Bodies[family];
        Dictionary<string, JsonElement> results = await RunSdkAsync("http1", [Invoke("sdk", "invokeModel", model, sdk.DeepClone())]);
        Ok(results["sdk"]);
        using (BedrockRuntimeClient client = OurClient())
        {
            await client.InvokeModelAsync(model, ours);
        }

        RecordedRequest sdkRequest = _emulator.Requests[0], ourRequest = _emulator.Requests[1];
        Assert.Equal(sdkRequest.RawPath, ourRequest.RawPath);
        Assert.Equal(sdkRequest.Headers["Content-Type"], ourRequest.Headers["Content-Type"]);
        Assert.Equal(sdkRequest.Headers["Accept"], ourRequest.Headers["Accept"]);
        using JsonDocument sdkBody = JsonDocument.Parse(sdkRequest.Body), ourBody = JsonDocument.Parse(ourRequest.Body);
        Assert.Null(JsonSemantics.FirstDifference(sdkBody.RootElement, ourBody.RootElement));
    }

    [Theory]
    [InlineData("http1")]
    [InlineData("http2")]
    public async Task Errors_have_the_same_names_in_the_sdk_and_in_our_client(string protocol)
    {
        JsonArray calls =
        [
            Invoke("validation", "invokeModel", "amazon.titan-embed-text-v2:0", JsonNode.Parse("""{"inputText":"x","dimensions":100}""")!),
            Invoke("throttle", "invokeModel", LlamaModel, JsonNode.Parse("""{"prompt":"[throttle]"}""")!),
            Invoke("stream-throttle", "invokeModelWithResponseStream", LlamaModel, JsonNode.Parse("""{"prompt":"[throttle]"}""")!),
            Invoke("in-stream", "invokeModelWithResponseStream", LlamaModel, JsonNode.Parse("""{"prompt":"[stream-exception]"}""")!),
            Invoke("filtered", "invokeModel", "amazon.nova-canvas-v1:0", JsonNode.Parse("""{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"[filtered]"}}""")!),
            Invoke("no-stream", "invokeModelWithResponseStream", "cohere.embed-v4:0", JsonNode.Parse("""{"input_type":"search_query","texts":["x"]}""")!),
        ];

        Dictionary<string, JsonElement> results = await RunSdkAsync(protocol, calls);
        using BedrockRuntimeClient client = OurClient();

        (string Name, string Code, Func<Task> Ours)[] expectations =
        [
            ("validation", "ValidationException", () => client.InvokeModelAsync("amazon.titan-embed-text-v2:0", Encoding.UTF8.GetBytes("""{"inputText":"x","dimensions":100}"""))),
            ("throttle", "ThrottlingException", () => client.InvokeModelAsync(LlamaModel, Encoding.UTF8.GetBytes("""{"prompt":"[throttle]"}"""))),
            ("stream-throttle", "ThrottlingException", () => DrainAsync(client.InvokeModelWithResponseStreamAsync(LlamaModel, Encoding.UTF8.GetBytes("""{"prompt":"[throttle]"}""")))),
            ("in-stream", "ModelStreamErrorException", () => DrainAsync(client.InvokeModelWithResponseStreamAsync(LlamaModel, Encoding.UTF8.GetBytes("""{"prompt":"[stream-exception]"}""")))),
            ("filtered", "ValidationException", () => client.InvokeModelAsync("amazon.nova-canvas-v1:0", new AmazonImageRequest { Text = "[filtered]" }.ToJson())),
            ("no-stream", "ValidationException", () => DrainAsync(client.InvokeModelWithResponseStreamAsync("cohere.embed-v4:0", new CohereEmbedRequest { InputType = "search_query", Texts = new[] { "x" } }.ToJson()))),
        ];
        foreach ((string name, string code, Func<Task> ours) in expectations)
        {
            JsonElement error = Failed(results[name]);
            Assert.Equal(code, error.GetProperty("name").GetString());
            BedrockServiceException ourError = await Assert.ThrowsAnyAsync<BedrockServiceException>(ours);
            Assert.Equal(code, ourError.ErrorCode);
            Assert.Equal("Bedrock" + code, ourError.GetType().Name);
            Assert.Contains(error.GetProperty("message").GetString()!, ourError.Message, StringComparison.Ordinal);
        }
    }

    private static JsonObject Invoke(string name, string operation, string model, JsonNode body) => new()
    {
        ["name"] = name,
        ["operation"] = operation,
        ["modelId"] = model,
        ["input"] = new JsonObject { ["contentType"] = "application/json", ["accept"] = "application/json", ["body"] = body },
    };

    private static (string, int, int)[] Images(JsonElement output)
    {
        JsonElement body = output.GetProperty("body");
        return body.GetProperty("images").EnumerateArray().Select(image => Header(image.GetBytesFromBase64())).ToArray();
    }

    private static (string, int, int) Header(byte[] image)
    {
        if (image[0] == 0x89)
        {
            return ("png", BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(20)));
        }

        int offset = 2;
        while (image[offset + 1] != 0xC0)
        {
            offset += 2 + BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 2));
        }

        return ("jpeg", BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 7)), BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 5)));
    }

    private static async Task DrainAsync(IAsyncEnumerable<InvokeModelStreamChunk> stream)
    {
        await foreach (InvokeModelStreamChunk _ in stream)
        {
        }
    }

    private BedrockRuntimeClient OurClient() => new(new BedrockOptions
    {
        Region = "us-east-1",
        Endpoint = _emulator.Endpoint,
        Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        Timeout = TimeSpan.FromSeconds(30),
        Retry = new BedrockRetryOptions { MaxAttempts = 1 },
    });

    private async Task<Dictionary<string, JsonElement>> RunSdkAsync(string protocol, JsonArray calls)
    {
        Uri endpoint = protocol == "http2" ? _emulator.Http2Endpoint : _emulator.Endpoint;
        JsonElement results = await node.RunScriptJsonAsync("sdk-calls.mjs", $"{endpoint} {protocol}", calls.ToJsonString());
        return results.EnumerateArray().ToDictionary(result => result.GetProperty("name").GetString()!);
    }

    private static JsonElement Ok(JsonElement result)
    {
        Assert.True(result.GetProperty("ok").GetBoolean(), $"{result.GetProperty("name")}: the SDK failed: {result}");
        return result.GetProperty("output");
    }

    private static JsonElement Failed(JsonElement result)
    {
        Assert.False(result.GetProperty("ok").GetBoolean(), $"{result.GetProperty("name")}: the SDK succeeded where an error was scripted");
        return result.GetProperty("error");
    }
}
