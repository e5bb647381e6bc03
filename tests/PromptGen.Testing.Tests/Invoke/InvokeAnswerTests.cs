using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests.Invoke;

/// <summary>
/// What the emulator answers valid InvokeModel bodies with: real images of the requested size and format, the same for
/// the same prompt and seed; embeddings of the requested dimension, the same for the same text, normalized when asked;
/// chat answers and streams in each family's native shape; and Bedrock's headers.
/// </summary>
public sealed class InvokeAnswerTests
{
    [Theory]
    [InlineData(Invoke.Sd35, "1:1", "png", 1024, 1024)]
    [InlineData(Invoke.Sd35, "16:9", "jpeg", 1344, 768)]
    [InlineData(Invoke.ImageCore, "9:21", "png", 640, 1536)]
    [InlineData(Invoke.ImageUltra, "3:2", "jpeg", 1216, 832)]
    public async Task Stability_images_have_the_size_of_the_aspect_ratio_and_the_format_asked_for(string modelId, string ratio, string format, int width, int height)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string body = $$"""{"prompt":"a lighthouse at dusk","aspect_ratio":"{{ratio}}","seed":42,"output_format":"{{format}}"}""";

        JsonElement answer = await Invoke.OkAsync(emulator, modelId, body);

        Assert.Equal(42, answer.GetProperty("seeds")[0].GetInt64());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("finish_reasons")[0].ValueKind);
        byte[] image = answer.GetProperty("images")[0].GetBytesFromBase64();
        Assert.Equal((format, width, height), Invoke.Header(image));
        JsonElement again = await Invoke.OkAsync(emulator, modelId, body);
        Assert.Equal(image, again.GetProperty("images")[0].GetBytesFromBase64());
        JsonElement otherSeed = await Invoke.OkAsync(emulator, modelId, body.Replace("42", "43", StringComparison.Ordinal));
        Assert.NotEqual(image, otherSeed.GetProperty("images")[0].GetBytesFromBase64());
    }

    [Theory]
    [InlineData(Invoke.NovaCanvas, 1280, 720, 3)]
    [InlineData(Invoke.TitanImage, 768, 1152, 2)]
    public async Task Amazon_image_models_answer_as_many_pngs_of_the_requested_size(string modelId, int width, int height, int count)
    {
        await using BedrockEmulator emulator = await Invoke.StartLenientAsync();
        string body = $$$"""{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a red bicycle"},"imageGenerationConfig":{"width":{{{width}}},"height":{{{height}}},"numberOfImages":{{{count}}},"seed":5}}""";

        JsonElement answer = await Invoke.OkAsync(emulator, modelId, body);

        List<byte[]> images = answer.GetProperty("images").EnumerateArray().Select(image => image.GetBytesFromBase64()).ToList();
        Assert.Equal(count, images.Count);
        Assert.All(images, image => Assert.Equal(("png", width, height), Invoke.Header(image)));
        Assert.Equal(count, images.Select(Convert.ToBase64String).Distinct().Count());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("error").ValueKind);
    }

    [Theory]
    [InlineData(null, true, 1024)]
    [InlineData(256, true, 256)]
    [InlineData(512, false, 512)]
    public async Task Titan_embeddings_have_the_dimension_asked_for_and_are_normalized_unless_told_not_to(int? dimensions, bool normalize, int expected)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string body = dimensions is null
            ? """{"inputText":"The quick brown fox"}"""
            : $$"""{"inputText":"The quick brown fox","dimensions":{{dimensions}},"normalize":{{(normalize ? "true" : "false")}},"embeddingTypes":["float","binary"]}""";

        using HttpResponseMessage response = await Invoke.SendAsync(emulator, Invoke.Titan, body);
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement answer = document.RootElement;

        float[] vector = Invoke.Floats(answer.GetProperty("embedding"));
        Assert.Equal(expected, vector.Length);
        Assert.Equal(normalize, Math.Abs(Invoke.Length(vector) - 1) < 1e-4);
        Assert.Equal(vector, Invoke.Floats(answer.GetProperty("embeddingsByType").GetProperty("float")));
        Assert.True(answer.GetProperty("inputTextTokenCount").GetInt32() > 0);
        Assert.Equal(answer.GetProperty("inputTextTokenCount").GetInt32().ToString(), response.Headers.GetValues("X-Amzn-Bedrock-Input-Token-Count").Single());
        if (dimensions is not null)
        {
            int[] binary = answer.GetProperty("embeddingsByType").GetProperty("binary").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            Assert.Equal(vector.Select(v => v > 0 ? 1 : 0), binary);
        }
    }

    [Fact]
    public async Task The_same_text_gives_the_same_vector_and_another_text_another()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        float[] first = Invoke.Floats((await Invoke.OkAsync(emulator, Invoke.Titan, """{"inputText":"alpha"}""")).GetProperty("embedding"));
        float[] second = Invoke.Floats((await Invoke.OkAsync(emulator, Invoke.Titan, """{"inputText":"alpha"}""")).GetProperty("embedding"));
        float[] other = Invoke.Floats((await Invoke.OkAsync(emulator, Invoke.Titan, """{"inputText":"beta"}""")).GetProperty("embedding"));
        JsonElement cohere = await Invoke.OkAsync(emulator, Invoke.CohereV4, """{"input_type":"search_document","texts":["alpha"],"output_dimension":1024}""");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(first, Invoke.Floats(cohere.GetProperty("embeddings")[0]));
    }

    [Fact]
    public async Task Cohere_embeds_many_texts_per_call_in_every_kind_asked_for()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string body = """{"input_type":"search_document","texts":["one","two","three"],"truncate":"END","embedding_types":["float","int8","uint8","binary","ubinary"]}""";

        JsonElement answer = await Invoke.OkAsync(emulator, Invoke.CohereV3, body);

        Assert.Equal("embeddings_by_type", answer.GetProperty("response_type").GetString());
        Assert.Equal(new[] { "one", "two", "three" }, answer.GetProperty("texts").EnumerateArray().Select(t => t.GetString()));
        JsonElement embeddings = answer.GetProperty("embeddings");
        Assert.All(new[] { "float", "int8", "uint8" }, kind =>
        {
            Assert.Equal(3, embeddings.GetProperty(kind).GetArrayLength());
            Assert.All(embeddings.GetProperty(kind).EnumerateArray(), vector => Assert.Equal(1024, vector.GetArrayLength()));
        });
        Assert.All(embeddings.GetProperty("int8").EnumerateArray().SelectMany(v => v.EnumerateArray()), v => Assert.InRange(v.GetInt32(), -128, 127));
        Assert.All(embeddings.GetProperty("uint8").EnumerateArray().SelectMany(v => v.EnumerateArray()), v => Assert.InRange(v.GetInt32(), 0, 255));
        Assert.All(embeddings.GetProperty("binary").EnumerateArray(), vector => Assert.Equal(128, vector.GetArrayLength()));
        Assert.All(embeddings.GetProperty("ubinary").EnumerateArray().SelectMany(v => v.EnumerateArray()), v => Assert.InRange(v.GetInt32(), 0, 255));

        JsonElement floats = await Invoke.OkAsync(emulator, Invoke.CohereV3, """{"input_type":"clustering","texts":["one"]}""");
        Assert.Equal("embeddings_floats", floats.GetProperty("response_type").GetString());
        Assert.Equal(1024, floats.GetProperty("embeddings")[0].GetArrayLength());
    }

    [Fact]
    public async Task Nova_embeds_a_text_or_an_image_at_the_dimension_asked_for()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string text = """{"taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose":"GENERIC_INDEX","embeddingDimension":384,"text":{"truncationMode":"END","value":"a cat"}}}""";
        string image = """{"schemaVersion":"nova-multimodal-embed-v1","taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose":"IMAGE_RETRIEVAL","image":{"format":"png","source":{"bytes":"iVBORw0KGgo="}}}}""";

        JsonElement textAnswer = (await Invoke.OkAsync(emulator, Invoke.NovaEmbeddings, text)).GetProperty("embeddings")[0];
        JsonElement imageAnswer = (await Invoke.OkAsync(emulator, Invoke.NovaEmbeddings, image)).GetProperty("embeddings")[0];

        Assert.Equal(("TEXT", 384), (textAnswer.GetProperty("embeddingType").GetString(), textAnswer.GetProperty("embedding").GetArrayLength()));
        Assert.Equal(("IMAGE", 3072), (imageAnswer.GetProperty("embeddingType").GetString(), imageAnswer.GetProperty("embedding").GetArrayLength()));
        Assert.True(Math.Abs(Invoke.Length(Invoke.Floats(textAnswer.GetProperty("embedding"))) - 1) < 1e-4);
    }

    [Theory]
    [InlineData(Invoke.Claude, """{"anthropic_version":"bedrock-2023-05-31","max_tokens":100,"system":"Be brief.","messages":[{"role":"user","content":[{"type":"text","text":"Name a colour [c]"}]}]}""")]
    [InlineData(Invoke.Llama, """{"prompt":"Name a colour [c]","max_gen_len":100}""")]
    [InlineData(Invoke.Mistral, """{"prompt":"<s>[INST] Name a colour [c] [/INST]","max_tokens":100}""")]
    public async Task Chat_models_answer_scripted_text_in_their_native_shape_whole_and_streamed(string modelId, string body)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "[c]").Usage(12, 3).Stream(chunkSize: 4).ReplyText("Cerulean blue.");

        JsonElement whole = await Invoke.OkAsync(emulator, modelId, body);
        using HttpResponseMessage streamed = await Invoke.SendAsync(emulator, modelId, body, stream: true);
        List<string> chunks = await Invoke.ChunksAsync(streamed);

        Assert.Equal("application/json", streamed.Headers.GetValues("X-Amzn-Bedrock-Content-Type").Single());
        List<JsonElement> parsed = chunks.Select(chunk => JsonDocument.Parse(chunk).RootElement).ToList();
        JsonElement metrics = parsed[^1].GetProperty("amazon-bedrock-invocationMetrics");
        Assert.Equal((12, 3), (metrics.GetProperty("inputTokenCount").GetInt32(), metrics.GetProperty("outputTokenCount").GetInt32()));
        switch (modelId)
        {
            case Invoke.Claude:
                Assert.Equal("Cerulean blue.", whole.GetProperty("content")[0].GetProperty("text").GetString());
                Assert.Equal("end_turn", whole.GetProperty("stop_reason").GetString());
                Assert.Equal(12, whole.GetProperty("usage").GetProperty("input_tokens").GetInt32());
                Assert.Equal("message_start", parsed[0].GetProperty("type").GetString());
                Assert.Equal("Cerulean blue.", string.Concat(parsed.Where(p => p.GetProperty("type").GetString() == "content_block_delta")
                    .Select(p => p.GetProperty("delta").GetProperty("text").GetString())));
                Assert.Equal("message_stop", parsed[^1].GetProperty("type").GetString());
                Assert.Equal("Be brief.", emulator.Requests[0].SystemText);
                break;
            case Invoke.Llama:
                Assert.Equal(("Cerulean blue.", "stop"), (whole.GetProperty("generation").GetString(), whole.GetProperty("stop_reason").GetString()));
                Assert.Equal("Cerulean blue.", string.Concat(parsed.Select(p => p.GetProperty("generation").GetString())));
                break;
            default:
                Assert.Equal("Cerulean blue.", whole.GetProperty("outputs")[0].GetProperty("text").GetString());
                Assert.Equal("Cerulean blue.", string.Concat(parsed.Select(p => p.GetProperty("outputs")[0].GetProperty("text").GetString())));
                Assert.Equal("stop", parsed[^1].GetProperty("outputs")[0].GetProperty("stop_reason").GetString());
                break;
        }

        Assert.Equal(new[] { "InvokeModel", "InvokeModelWithResponseStream" }, emulator.Requests.Select(r => r.Operation));
        Assert.All(emulator.Requests, r => Assert.Contains("Name a colour [c]", r.UserText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_image_model_streams_its_whole_answer_as_one_chunk()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Invoke.SendAsync(emulator, Invoke.Sd35, """{"prompt":"a boat","aspect_ratio":"21:9"}""", stream: true);
        string chunk = Assert.Single(await Invoke.ChunksAsync(response));

        using JsonDocument answer = JsonDocument.Parse(chunk);
        Assert.Equal(("png", 1536, 640), Invoke.Header(answer.RootElement.GetProperty("images")[0].GetBytesFromBase64()));
    }

    [Fact]
    public async Task Script_errors_faults_and_stream_faults_apply_to_invoke_calls()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(model: Invoke.Titan).Times(1).ReplyThrottling(TimeSpan.FromSeconds(2));
        emulator.Script.When(promptContains: "[cut]").FailStream(StreamFault.Exception("modelStreamErrorException", "boom", afterEvents: 2)).ReplyText("abcdefghijklmnop");

        using HttpResponseMessage throttled = await Invoke.SendAsync(emulator, Invoke.Titan, """{"inputText":"a"}""");
        using HttpResponseMessage next = await Invoke.SendAsync(emulator, Invoke.Titan, """{"inputText":"a"}""");
        using HttpResponseMessage broken = await Invoke.SendAsync(emulator, Invoke.Llama, """{"prompt":"[cut]"}""", stream: true);
        List<Frame> frames = FrameReader.ReadAll(await broken.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("2", throttled.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(new[] { "chunk", "chunk", null }, frames.Select(f => f.EventType));
        Assert.Equal("modelStreamErrorException", frames[^1].Headers[":exception-type"]);
    }
}
