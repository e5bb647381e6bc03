using System;
using System.Linq;
using System.Text;
using PromptGen.Bedrock;
using Xunit;

namespace PromptGen.Tests.Bedrock.InvokeModel;

/// <summary>The typed bodies write exactly the documented members (nothing the caller left unset) and read every documented answer shape.</summary>
public sealed class InvokeBodyTests
{
    [Fact]
    public void Requests_write_only_what_was_set()
    {
        Assert.Equal("""{"inputText":"hi"}""", Text(new TitanTextEmbeddingRequest { InputText = "hi" }.ToJson()));
        Assert.Equal(
            """{"inputText":"hi","dimensions":256,"normalize":false,"embeddingTypes":["binary"]}""",
            Text(new TitanTextEmbeddingRequest { InputText = "hi", Dimensions = 256, Normalize = false, EmbeddingTypes = new[] { "binary" } }.ToJson()));
        Assert.Equal(
            """{"texts":["a","b"],"input_type":"search_query","truncate":"END","embedding_types":["int8"],"output_dimension":512,"max_tokens":100}""",
            Text(new CohereEmbedRequest { InputType = "search_query", Texts = new[] { "a", "b" }, Truncate = "END", EmbeddingTypes = new[] { "int8" }, OutputDimension = 512, MaxTokens = 100 }.ToJson()));
        Assert.Equal(
            """{"schemaVersion":"nova-multimodal-embed-v1","taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose":"GENERIC_INDEX","embeddingDimension":384,"text":{"truncationMode":"END","value":"x"}}}""",
            Text(new NovaEmbeddingRequest { EmbeddingPurpose = "GENERIC_INDEX", EmbeddingDimension = 384, Text = "x", TextTruncationMode = "END" }.ToJson()));
        Assert.Equal(
            """{"schemaVersion":"nova-multimodal-embed-v1","taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose":"IMAGE_RETRIEVAL","image":{"format":"png","source":{"bytes":"AQID"}}}}""",
            Text(new NovaEmbeddingRequest { EmbeddingPurpose = "IMAGE_RETRIEVAL", ImageBytes = new byte[] { 1, 2, 3 }, ImageFormat = "png" }.ToJson()));
        Assert.Equal("""{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a cat"}}""", Text(new AmazonImageRequest { Text = "a cat" }.ToJson()));
        Assert.Equal(
            """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a cat","negativeText":"dogs","style":"PHOTOREALISM"},"imageGenerationConfig":{"numberOfImages":2,"width":512,"height":768,"quality":"premium","cfgScale":6.5,"seed":7}}""",
            Text(new AmazonImageRequest { Text = "a cat", NegativeText = "dogs", Style = "PHOTOREALISM", NumberOfImages = 2, Width = 512, Height = 768, Quality = "premium", CfgScale = 6.5, Seed = 7 }.ToJson()));
        Assert.Equal(
            """{"prompt":"a cat","negative_prompt":"dogs","mode":"text-to-image","aspect_ratio":"16:9","seed":4294967294,"output_format":"jpeg"}""",
            Text(new StabilityImageRequest { Prompt = "a cat", NegativePrompt = "dogs", Mode = "text-to-image", AspectRatio = "16:9", Seed = 4_294_967_294, OutputFormat = "jpeg" }.ToJson()));
    }

    [Fact]
    public void Requests_without_their_required_member_are_refused_before_sending()
    {
        Assert.Throws<ArgumentException>(() => new TitanTextEmbeddingRequest().ToJson());
        Assert.Throws<ArgumentException>(() => new CohereEmbedRequest { Texts = new[] { "a" } }.ToJson());
        Assert.Throws<ArgumentException>(() => new NovaEmbeddingRequest { EmbeddingPurpose = "GENERIC_INDEX" }.ToJson());
        Assert.Throws<ArgumentException>(() => new NovaEmbeddingRequest { EmbeddingPurpose = "GENERIC_INDEX", Text = "a", ImageBytes = new byte[1], ImageFormat = "png" }.ToJson());
        Assert.Throws<ArgumentException>(() => new NovaEmbeddingRequest { EmbeddingPurpose = "GENERIC_INDEX", ImageBytes = new byte[1] }.ToJson());
        Assert.Throws<ArgumentException>(() => new AmazonImageRequest().ToJson());
        Assert.Throws<ArgumentException>(() => new AmazonImageRequest { Text = "a", CfgScale = double.NaN }.ToJson());
        Assert.Throws<ArgumentException>(() => new StabilityImageRequest().ToJson());
    }

    [Fact]
    public void Responses_read_the_documented_shapes()
    {
        TitanTextEmbeddingResponse titan = TitanTextEmbeddingResponse.Parse(Bytes("""{"embedding":[0.5,-0.25],"inputTextTokenCount":3,"embeddingsByType":{"float":[0.5,-0.25],"binary":[1,0]}}"""));
        Assert.Equal(new[] { 0.5f, -0.25f }, titan.Embedding);
        Assert.Equal(3, titan.InputTextTokenCount);
        Assert.Equal(new[] { 1, 0 }, titan.BinaryEmbedding!);

        CohereEmbedResponse floats = CohereEmbedResponse.Parse(Bytes("""{"id":"x","embeddings":[[1,2],[3,4]],"response_type":"embeddings_floats","texts":["a","b"]}"""));
        Assert.Equal(2, floats.FloatEmbeddings.Count);
        Assert.Equal(new[] { 3f, 4f }, floats.FloatEmbeddings[1]);
        CohereEmbedResponse byType = CohereEmbedResponse.Parse(Bytes("""{"id":"x","embeddings":{"float":[[1]],"ubinary":[[255]],"int8":null},"response_type":"embeddings_by_type"}"""));
        Assert.Equal(new[] { "float", "ubinary" }, byType.EmbeddingsByType.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Empty(byType.Texts);

        NovaEmbedding nova = NovaEmbeddingResponse.Parse(Bytes("""{"embeddings":[{"embeddingType":"TEXT","embedding":[0.1],"truncatedCharLength":40}]}""")).Embeddings.Single();
        Assert.Equal(("TEXT", 40), (nova.EmbeddingType, nova.TruncatedCharLength));

        AmazonImageResponse amazon = AmazonImageResponse.Parse(Bytes("""{"images":["AQI="],"error":null}"""));
        Assert.Equal(new byte[] { 1, 2 }, amazon.Images.Single().ToArray());
        amazon.ThrowIfFiltered();
        BedrockContentFilteredException canvasFilter = Assert.Throws<BedrockContentFilteredException>(() =>
            AmazonImageResponse.Parse(Bytes("""{"images":[],"error":"blocked"}""")).ThrowIfFiltered("req-1"));
        Assert.Equal(("blocked", "req-1"), (canvasFilter.Reasons.Single(), canvasFilter.RequestId));

        StabilityImageResponse stability = StabilityImageResponse.Parse(Bytes("""{"seeds":[4294967294],"finish_reasons":[null],"images":["AQI="]}"""));
        Assert.False(stability.IsFiltered);
        Assert.Equal(4_294_967_294, stability.Seeds.Single());
        StabilityImageResponse filtered = StabilityImageResponse.Parse(Bytes("""{"finish_reasons":["Filter reason: prompt"]}"""));
        Assert.True(filtered.IsFiltered);
        Assert.Equal("Filter reason: prompt", Assert.Throws<BedrockContentFilteredException>(() => filtered.ThrowIfFiltered()).Reasons.Single());
    }

    public static TheoryData<string, string, string> BrokenResponses => new()
    {
        { "titan", "not json", "not valid JSON" },
        { "titan", "[]", "$ is not a JSON object" },
        { "titan", """{"inputTextTokenCount":1}""", "$.embedding is missing" },
        { "titan", """{"embedding":[1e999],"inputTextTokenCount":1}""", "$.embedding[0] is not a finite number" },
        { "titan", """{"embedding":[1],"inputTextTokenCount":1.5}""", "$.inputTextTokenCount is not a 32-bit integer" },
        { "titan", """{"embedding":[1],"inputTextTokenCount":1,"embeddingsByType":[]}""", "$.embeddingsByType is not an object" },
        { "cohere", """{"embeddings":"x"}""", "$.embeddings is neither a list of vectors nor an object of them" },
        { "cohere", """{"embeddings":{"float":[["a"]]}}""", "$.embeddings.float[0][0] is not a finite number" },
        { "nova", """{"embeddings":[5]}""", "$.embeddings[0] is not an object" },
        { "amazon", """{"images":["***"]}""", "$.images[0] is not a base64 string" },
        { "stability", """{"seeds":["1"]}""", "$.seeds[0] is not a 64-bit integer" },
        { "stability", "{\"finish_reasons\":[\"\\uD800\"]}", "not valid text" },
    };

    [Theory]
    [MemberData(nameof(BrokenResponses))]
    public void A_broken_response_is_a_bedrock_response_exception_naming_the_place(string family, string body, string problem)
    {
        Action parse = family switch
        {
            "titan" => () => TitanTextEmbeddingResponse.Parse(Bytes(body)),
            "cohere" => () => CohereEmbedResponse.Parse(Bytes(body)),
            "nova" => () => NovaEmbeddingResponse.Parse(Bytes(body)),
            "amazon" => () => AmazonImageResponse.Parse(Bytes(body)),
            _ => () => StabilityImageResponse.Parse(Bytes(body)),
        };

        BedrockResponseException error = Assert.Throws<BedrockResponseException>(parse);

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
