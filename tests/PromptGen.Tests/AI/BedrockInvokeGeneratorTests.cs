using System;
using System.Buffers.Binary;
using System.Drawing;
using System.Linq;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.AI;
using PromptGen.AI;
using PromptGen.Testing;
using Xunit;

#pragma warning disable MEAI001 // IImageGenerator and BedrockImageGenerator are experimental

namespace PromptGen.Tests.AI;

/// <summary>BedrockEmbeddingGenerator and BedrockImageGenerator against the emulator: bodies, batching, usage, images.</summary>
public sealed class BedrockInvokeGeneratorTests : IAsyncLifetime
{
    private BedrockEmulator _emulator = null!;
    private BedrockRuntimeClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { EnforceModelCapabilities = false });
        _client = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Titan_embeds_each_text_in_order_with_the_usage_Bedrock_reports()
    {
        using IEmbeddingGenerator<string, Embedding<float>> generator = new BedrockEmbeddingGenerator(_client, "amazon.titan-embed-text-v2:0");

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(new[] { "one", "two", "three" }, new EmbeddingGenerationOptions { Dimensions = 256 });

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, embedding => Assert.Equal((256, "amazon.titan-embed-text-v2:0"), (embedding.Vector.Length, embedding.ModelId)));
        Assert.Equal(3, _emulator.Requests.Count);
        Assert.NotNull(embeddings.Usage?.InputTokenCount);
        Assert.True(embeddings.Usage!.InputTokenCount > 0);
        Embedding<float> two = await generator.GenerateAsync("two", new EmbeddingGenerationOptions { Dimensions = 256 });
        Assert.Equal(two.Vector.ToArray(), embeddings[1].Vector.ToArray());
    }

    [Fact]
    public async Task Cohere_takes_the_input_type_and_dimensions_and_many_texts_per_call()
    {
        using var generator = new BedrockEmbeddingGenerator(_client, "us.cohere.embed-v4:0", EmbeddingInputType.SearchQuery);

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(
            Enumerable.Range(0, 100).Select(i => $"query {i}"), new EmbeddingGenerationOptions { Dimensions = 512 });

        Assert.Equal(100, embeddings.Count);
        Assert.Equal(2, _emulator.Requests.Count);
        Assert.All(_emulator.Requests, request => Assert.Contains("\"input_type\":\"search_query\",\"output_dimension\":512", request.Body, StringComparison.Ordinal));
        Assert.All(embeddings, embedding => Assert.Equal(512, embedding.Vector.Length));
    }

    [Fact]
    public void Metadata_names_the_provider_and_model_and_unknown_models_are_refused()
    {
        using var generator = new BedrockEmbeddingGenerator(_client, "amazon.nova-2-multimodal-embeddings-v1:0");

        EmbeddingGeneratorMetadata metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal(("aws.bedrock", "amazon.nova-2-multimodal-embeddings-v1:0", _emulator.Endpoint), (metadata.ProviderName, metadata.DefaultModelId, metadata.ProviderUri));
        Assert.Throws<ArgumentException>(() => new BedrockEmbeddingGenerator(_client, "us.amazon.nova-lite-v1:0"));
        Assert.Throws<ArgumentException>(() => new BedrockImageGenerator(_client, "amazon.titan-embed-text-v2:0"));
    }

    [Fact]
    public async Task Stability_images_come_back_as_data_in_the_closest_aspect_ratio_one_call_each()
    {
        using IImageGenerator generator = new BedrockImageGenerator(_client, "stability.sd3-5-large-v1:0");

        ImageGenerationResponse response = await generator.GenerateImagesAsync(
            "a lighthouse", new ImageGenerationOptions { Count = 2, ImageSize = new Size(1600, 900), MediaType = "image/jpeg" });

        Assert.Equal(2, response.Contents.Count);
        Assert.All(response.Contents, content =>
        {
            DataContent data = Assert.IsType<DataContent>(content);
            Assert.Equal("image/jpeg", data.MediaType);
            Assert.Equal(("jpeg", 1344, 768), Header(data.Data.ToArray()));
        });
        Assert.Equal(2, _emulator.Requests.Count);
        Assert.All(_emulator.Requests, request => Assert.Equal("""{"prompt":"a lighthouse","aspect_ratio":"16:9","output_format":"jpeg"}""", request.Body));
    }

    [Fact]
    public async Task Nova_Canvas_makes_the_count_in_one_call_of_the_size_asked_for()
    {
        using IImageGenerator generator = new BedrockImageGenerator(_client, "amazon.nova-canvas-v1:0");

        ImageGenerationResponse response = await generator.GenerateImagesAsync("a fox", new ImageGenerationOptions { Count = 3, ImageSize = new Size(640, 384) });

        Assert.Equal(3, response.Contents.Count);
        Assert.All(response.Contents, content => Assert.Equal(("png", 640, 384), Header(Assert.IsType<DataContent>(content).Data.ToArray())));
        Assert.Equal(
            """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a fox"},"imageGenerationConfig":{"numberOfImages":3,"width":640,"height":384}}""",
            Assert.Single(_emulator.Requests).Body);
    }

    [Fact]
    public async Task A_filtered_image_is_a_content_filtered_exception()
    {
        _emulator.Script.When(promptContains: "forbidden").ReplyContentFiltered(ContentFilterStage.Prompt);
        using IImageGenerator generator = new BedrockImageGenerator(_client, "stability.stable-image-ultra-v1:1");

        BedrockContentFilteredException error = await Assert.ThrowsAsync<BedrockContentFilteredException>(() => generator.GenerateImagesAsync("forbidden"));

        Assert.Equal(new[] { "Filter reason: prompt" }, error.Reasons);
    }

    [Fact]
    public async Task Stable_Diffusion_edits_an_original_image_with_the_strength_given()
    {
        using IImageGenerator generator = new BedrockImageGenerator(_client, "stability.sd3-5-large-v1:0");
        byte[] original = TestImages.Jpeg(512, 384, "pier");

        ImageGenerationResponse response = await generator.EditImagesAsync(
            new AIContent[] { new DataContent(original, "image/jpeg") },
            "the pier at night",
            new ImageGenerationOptions { AdditionalProperties = new AdditionalPropertiesDictionary { ["strength"] = 0.4 } });

        Assert.Equal(("png", 512, 384), Header(Assert.IsType<DataContent>(Assert.Single(response.Contents)).Data.ToArray()));
        Assert.Equal(
            $$"""{"prompt":"the pier at night","mode":"image-to-image","image":"{{Convert.ToBase64String(original)}}","strength":0.4}""",
            Assert.Single(_emulator.Requests).Body);
    }

    [Fact]
    public async Task Nova_Canvas_makes_variations_of_the_original_images()
    {
        using IImageGenerator generator = new BedrockImageGenerator(_client, "amazon.nova-canvas-v1:0");
        byte[] first = TestImages.Png(400, 400, "a"), second = TestImages.Png(400, 400, "b");

        ImageGenerationResponse response = await generator.EditImagesAsync(
            new AIContent[] { new DataContent(first, "image/png"), new DataContent(second, "image/png") },
            "in autumn",
            new ImageGenerationOptions { Count = 2, ImageSize = new Size(512, 512), AdditionalProperties = new AdditionalPropertiesDictionary { ["similarityStrength"] = 0.9 } });

        Assert.Equal(2, response.Contents.Count);
        Assert.All(response.Contents, content => Assert.Equal(("png", 512, 512), Header(Assert.IsType<DataContent>(content).Data.ToArray())));
        Assert.Equal(
            $$$"""{"taskType":"IMAGE_VARIATION","imageVariationParams":{"images":["{{{Convert.ToBase64String(first)}}}","{{{Convert.ToBase64String(second)}}}"],"text":"in autumn","similarityStrength":0.9},"imageGenerationConfig":{"numberOfImages":2,"width":512,"height":512}}""",
            Assert.Single(_emulator.Requests).Body);
    }

    [Fact]
    public async Task Editing_on_a_model_that_edits_nothing_is_not_supported_and_sends_nothing()
    {
        using IImageGenerator generator = new BedrockImageGenerator(_client, "stability.stable-image-core-v1:1");

        NotSupportedException error = await Assert.ThrowsAsync<NotSupportedException>(() => generator.EditImagesAsync(
            new AIContent[] { new DataContent(TestImages.Png(320, 320), "image/png") }, "at night"));

        Assert.Contains("text only", error.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests);
    }

    [Theory]
    [InlineData(null, "needs a strength")]
    [InlineData(1.5, "use 0 to 1")]
    public async Task Stable_Diffusion_editing_without_a_valid_strength_is_an_argument_error(double? strength, string message)
    {
        using IImageGenerator generator = new BedrockImageGenerator(_client, "stability.sd3-5-large-v1:0");
        var options = new ImageGenerationOptions();
        if (strength is { } value)
        {
            options.AdditionalProperties = new AdditionalPropertiesDictionary { ["strength"] = value };
        }

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => generator.EditImagesAsync(
            new AIContent[] { new DataContent(TestImages.Png(320, 320), "image/png") }, "at night", options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task An_original_given_by_uri_is_not_supported()
    {
        using IImageGenerator generator = new BedrockImageGenerator(_client, "amazon.nova-canvas-v1:0");

        await Assert.ThrowsAsync<NotSupportedException>(() => generator.EditImagesAsync(
            new AIContent[] { new UriContent(new Uri("https://example.com/cat.png"), "image/png") }, "a cat"));
    }

    private static (string Format, int Width, int Height) Header(byte[] image)
    {
        if (image[0] == 0x89)
        {
            return ("png", BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(20)));
        }

        int offset = 2;
        while (image[offset] == 0xFF && image[offset + 1] != 0xC0)
        {
            offset += 2 + BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 2));
        }

        return ("jpeg", BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 7)), BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 5)));
    }
}
