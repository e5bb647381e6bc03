using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests.Invoke;

/// <summary>
/// A body that breaks its model's schema is a 400 ValidationException worded as Bedrock's schema validator words it
/// ("Malformed input request: #/path: problem, please reformat your input and try again."); a valid one is answered.
/// </summary>
public sealed class InvokeValidationTests
{
    private const string Suffix = ", please reformat your input and try again.";

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { Invoke.Titan, "not json", "Malformed input request, please reformat your input and try again." },
        { Invoke.Titan, "[]", "Malformed input request: #: expected type: JSONObject, found: JSONArray" + Suffix },
        { Invoke.Titan, "{}", "Malformed input request: #: required key [inputText] not found" + Suffix },
        { Invoke.Titan, """{"inputText":""}""", "Malformed input request: #/inputText: expected minLength: 1, actual: 0" + Suffix },
        { Invoke.Titan, """{"inputText":5}""", "Malformed input request: #/inputText: expected type: String, found: Integer" + Suffix },
        { Invoke.Titan, """{"inputText":"a","dimensions":100}""", "Malformed input request: #/dimensions: 100 is not a valid enum value" + Suffix },
        { Invoke.Titan, """{"inputText":"a","normalize":"yes"}""", "Malformed input request: #/normalize: expected type: Boolean, found: String" + Suffix },
        { Invoke.Titan, """{"inputText":"a","embeddingTypes":["int8"]}""", "Malformed input request: #/embeddingTypes/0: int8 is not a valid enum value" + Suffix },
        { Invoke.Titan, """{"inputText":"a","texts":["a"]}""", "Malformed input request: #: extraneous key [texts] is not permitted" + Suffix },
        { Invoke.CohereV3, """{"texts":["a"]}""", "Malformed input request: #: required key [input_type] not found" + Suffix },
        { Invoke.CohereV3, """{"input_type":"search_query"}""", "Malformed input request: #: required key [texts] not found" + Suffix },
        { Invoke.CohereV3, """{"input_type":"query","texts":["a"]}""", "Malformed input request: #/input_type: query is not a valid enum value" + Suffix },
        { Invoke.CohereV3, $$"""{"input_type":"search_query","texts":[{{string.Join(",", System.Linq.Enumerable.Repeat("\"a\"", 97))}}]}""", "Malformed input request: #/texts: expected maxItems: 96, actual: 97" + Suffix },
        { Invoke.CohereV3, $$"""{"input_type":"search_query","texts":["{{new string('x', 2049)}}"]}""", "Malformed input request: #/texts/0: expected maxLength: 2048, actual: 2049" + Suffix },
        { Invoke.CohereV3, """{"input_type":"search_query","texts":["a"],"truncate":"LEFT"}""", "Malformed input request: #/truncate: LEFT is not a valid enum value" + Suffix },
        { Invoke.CohereV3, """{"input_type":"image","images":["not a data uri"]}""", "Malformed input request: #/images/0: is not a base64 data URI of a png, jpeg, webp or gif image" + Suffix },
        { Invoke.CohereV4, """{"input_type":"search_query","texts":["a"],"output_dimension":1000}""", "Malformed input request: #/output_dimension: 1000 is not a valid enum value" + Suffix },
        { Invoke.CohereV4, """{"input_type":"search_query","texts":["a"],"images":["data:image/png;base64,AA=="]}""", "Malformed input request: #: give only one of [texts, images, inputs]" + Suffix },
        { Invoke.NovaEmbeddings, """{"taskType":"SINGLE_EMBEDDING"}""", "Malformed input request: #: required key [singleEmbeddingParams] not found" + Suffix },
        { Invoke.NovaEmbeddings, """{"taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose":"GENERIC_INDEX","embeddingDimension":512,"text":{"truncationMode":"END","value":"a"}}}""", "Malformed input request: #/singleEmbeddingParams/embeddingDimension: 512 is not a valid enum value" + Suffix },
        { Invoke.NovaEmbeddings, """{"taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose":"GENERIC_INDEX","text":{"value":"a"}}}""", "Malformed input request: #/singleEmbeddingParams/text: required key [truncationMode] not found" + Suffix },
        { Invoke.Sd35, """{"negative_prompt":"x"}""", "Malformed input request: #: required key [prompt] not found" + Suffix },
        { Invoke.Sd35, """{"prompt":"a fox","aspect_ratio":"4:3"}""", "Malformed input request: #/aspect_ratio: 4:3 is not a valid enum value" + Suffix },
        { Invoke.Sd35, """{"prompt":"a fox","seed":4294967295}""", "Malformed input request: #/seed: 4294967295 is not less or equal to 4294967294" + Suffix },
        { Invoke.Sd35, """{"prompt":"a fox","output_format":"webp"}""", "Malformed input request: #/output_format: webp is not a valid enum value" + Suffix },
        { Invoke.ImageCore, """{"prompt":"a fox","mode":"text-to-image"}""", "Malformed input request: #: extraneous key [mode] is not permitted" + Suffix },
        { Invoke.Claude, """{"max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""", "Malformed input request: #: required key [anthropic_version] not found" + Suffix },
        { Invoke.Claude, """{"anthropic_version":"bedrock-2023-05-31","messages":[{"role":"user","content":"hi"}]}""", "Malformed input request: #: required key [max_tokens] not found" + Suffix },
        { Invoke.Claude, """{"anthropic_version":"bedrock-2023-05-31","max_tokens":10,"model":"x","messages":[{"role":"user","content":"hi"}]}""", "Malformed input request: #: extraneous key [model] is not permitted" + Suffix },
        { Invoke.Claude, """{"anthropic_version":"bedrock-2023-05-31","max_tokens":64001,"messages":[{"role":"user","content":"hi"}]}""", "Malformed input request: #/max_tokens: 64001 is not less or equal to 64000" + Suffix },
        { Invoke.Llama, """{"prompt":"hi","max_gen_len":0}""", "Malformed input request: #/max_gen_len: 0 is not greater or equal to 1" + Suffix },
        { Invoke.Mistral, """{"prompt":"hi","temperature":1.5}""", "Malformed input request: #/temperature: 1.5 is not less or equal to 1.0" + Suffix },
    };

    public static TheoryData<string, string, string> InvalidRetiredModelBodies => new()
    {
        { Invoke.NovaCanvas, """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a"},"imageGenerationConfig":{"width":1000,"height":1024}}""", "width and height must be multiples of 16, got 1000x1024" },
        { Invoke.NovaCanvas, """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a"},"imageGenerationConfig":{"width":4096,"height":4096}}""", "4096x4096 has more than 4,194,304 pixels" },
        { Invoke.NovaCanvas, """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a"},"imageGenerationConfig":{"width":320,"height":1600}}""", "aspect ratio of 320x1600 is outside 1:4 to 4:1" },
        { Invoke.NovaCanvas, """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a"},"imageGenerationConfig":{"numberOfImages":6}}""", "#/imageGenerationConfig/numberOfImages: 6 is not less or equal to 5" },
        { Invoke.NovaCanvas, """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a"},"imageGenerationConfig":{"cfgScale":1.0}}""", "#/imageGenerationConfig/cfgScale: 1.0 is not greater or equal to 1.1" },
        { Invoke.NovaCanvas, """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a","style":"OIL"}}""", "#/textToImageParams/style: OIL is not a valid enum value" },
        { Invoke.TitanImage, $$$"""{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"{{{new string('x', 513)}}}"}}""", "#/textToImageParams/text: expected maxLength: 512, actual: 513" },
        { Invoke.TitanImage, """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a","style":"PHOTOREALISM"}}""", "#/textToImageParams: extraneous key [style] is not permitted" },
        { Invoke.TitanImage, """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a"},"imageGenerationConfig":{"width":1024,"height":768}}""", "1024x768 is not a size Titan Image Generator supports" },
        { Invoke.TitanImage, """{"taskType":"INPAINTING","inPaintingParams":{}}""", "#/inPaintingParams: required key [image] not found" },
        { Invoke.TitanImage, """{"taskType":"BACKGROUND_REMOVAL","backgroundRemovalParams":{}}""", "#: extraneous key [backgroundRemovalParams] is not permitted" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_body_is_a_validation_exception_in_bedrocks_words(string modelId, string body, string message)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Invoke.SendAsync(emulator, modelId, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationException", Converse.ErrorType(response));
        Assert.Equal(message, await Converse.ErrorMessageAsync(response));
        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.Equal(("InvokeModel", false, 400), (recorded.Operation, recorded.Accepted, recorded.ResponseStatus));
    }

    [Theory]
    [MemberData(nameof(InvalidRetiredModelBodies))]
    public async Task Image_model_rules_hold_for_retired_models_served_without_enforcement(string modelId, string body, string detail)
    {
        await using BedrockEmulator emulator = await Invoke.StartLenientAsync();

        using HttpResponseMessage response = await Invoke.SendAsync(emulator, modelId, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string message = await Converse.ErrorMessageAsync(response);
        Assert.StartsWith("Malformed input request: ", message, System.StringComparison.Ordinal);
        Assert.Contains(detail, message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Invoke.NovaCanvas)]
    [InlineData(Invoke.TitanImage)]
    public async Task Retired_image_models_are_refused_like_any_retired_model(string modelId)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Invoke.SendAsync(emulator, modelId, """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a fox"}}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", Converse.ErrorType(response));
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_is_refused()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Invoke.SendAsync(emulator, Invoke.Titan, """{"inputText":"a"}""", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Content-Type 'text/plain", await Converse.ErrorMessageAsync(response), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_whose_native_body_the_emulator_does_not_know_says_so()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Invoke.SendAsync(emulator, "ai21.jamba-1-5-large-v1:0", """{"messages":[]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not know the native body of 'ai21.jamba-1-5-large-v1:0'", await Converse.ErrorMessageAsync(response), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Invoke.Titan)]
    [InlineData(Invoke.CohereV4)]
    public async Task Converse_refuses_embedding_and_image_models(string modelId)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "hi", modelId: modelId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
            await Converse.ErrorMessageAsync(response));
    }

    [Theory]
    [InlineData(Invoke.Titan, """{"inputText":"a"}""")]
    [InlineData(Invoke.CohereV3, """{"input_type":"search_query","texts":["a"]}""")]
    public async Task Embedding_models_do_not_stream(string modelId, string body)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Invoke.SendAsync(emulator, modelId, body, stream: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The model is unsupported for streaming.", await Converse.ErrorMessageAsync(response));
    }
}
