using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.AI;
using PromptGen.Testing;
using Xunit;
using static PromptGen.EndToEnd.Tests.InvokeTests;

namespace PromptGen.EndToEnd.Tests;

/// <summary>
/// Generated image-editing methods over signed HTTP against the emulator, per family: the body sent (source images and
/// masks as base64, the editing settings) and the images read back at the size the edit makes; the emulator's
/// refusals of bad editing bodies; Nova image embeddings.
/// </summary>
public sealed class ImageEditingTests : IAsyncLifetime
{
    private BedrockEmulator _emulator = null!;
    private BedrockRuntimeClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        // Nova Canvas and Titan Image Generator v2 are past their end of life: the emulator serves them only when told.
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

    private IEditingPrompts Prompts => IEditingPrompts.Create(_client);

    private static PromptImage Png(int width, int height, string seed = "source") => PromptImage.FromBytes(TestImages.Png(width, height, seed));

    private JsonElement SentBody() => JsonDocument.Parse(Assert.Single(_emulator.Requests).Body).RootElement;

    [Fact]
    public async Task Stable_Diffusion_image_to_image_sends_the_image_and_strength_and_answers_at_the_source_size()
    {
        byte[] source = TestImages.Jpeg(640, 480, "harbour");

        GeneratedImage image = await Prompts.RestyleAsync(PromptImage.FromBytes(source), "watercolour");

        Assert.Equal(("png", 640, 480), ImageHeader(image.Data.ToArray()));
        Assert.Equal(
            $$"""{"prompt":"The same scene as a watercolour painting","mode":"image-to-image","seed":3,"image":"{{Convert.ToBase64String(source)}}","strength":0.65}""",
            Assert.Single(_emulator.Requests).Body);
    }

    [Fact]
    public async Task Nova_Canvas_variation_sends_both_sources_and_answers_the_size_and_count_asked_for()
    {
        byte[] first = TestImages.Png(400, 400, "a"), second = TestImages.Jpeg(512, 384, "b");

        IReadOnlyList<GeneratedImage> images = await Prompts.VaryAsync(PromptImage.FromBytes(first), PromptImage.FromBytes(second), "cats in this style");

        Assert.Equal(2, images.Count);
        Assert.All(images, image => Assert.Equal(("png", 512, 512), ImageHeader(image.Data.ToArray())));
        JsonElement body = SentBody();
        Assert.Equal("IMAGE_VARIATION", body.GetProperty("taskType").GetString());
        JsonElement variation = body.GetProperty("imageVariationParams");
        Assert.Equal(new[] { first, second }, variation.GetProperty("images").EnumerateArray().Select(item => item.GetBytesFromBase64()).ToArray());
        Assert.Equal("cats in this style", variation.GetProperty("text").GetString());
        Assert.Equal(0.8, variation.GetProperty("similarityStrength").GetDouble());
        Assert.Equal("""{"numberOfImages":2,"width":512,"height":512,"seed":5}""", body.GetProperty("imageGenerationConfig").GetRawText());
    }

    [Fact]
    public async Task Nova_Canvas_inpainting_with_a_mask_prompt_answers_at_the_source_size()
    {
        GeneratedImage image = await Prompts.ReplaceAsync(Png(768, 512), "the sofa", "green armchair");

        Assert.Equal(("png", 768, 512), ImageHeader(image.Data.ToArray()));
        JsonElement body = SentBody();
        Assert.Equal("INPAINTING", body.GetProperty("taskType").GetString());
        JsonElement inpainting = body.GetProperty("inPaintingParams");
        Assert.Equal(("a green armchair", "the sofa"), (inpainting.GetProperty("text").GetString(), inpainting.GetProperty("maskPrompt").GetString()));
        Assert.False(inpainting.TryGetProperty("maskImage", out _));
        Assert.Equal("""{"seed":11}""", body.GetProperty("imageGenerationConfig").GetRawText());
    }

    [Fact]
    public async Task Nova_Canvas_outpainting_with_a_mask_image_sends_the_mode()
    {
        byte[] mask = TestImages.Mask(640, 640, 160, 160, 320, 320);

        GeneratedImage image = await Prompts.SurroundAsync(Png(640, 640), PromptImage.FromBytes(mask));

        Assert.Equal(("png", 640, 640), ImageHeader(image.Data.ToArray()));
        JsonElement outpainting = SentBody().GetProperty("outPaintingParams");
        Assert.Equal(mask, outpainting.GetProperty("maskImage").GetBytesFromBase64());
        Assert.Equal("DEFAULT", outpainting.GetProperty("outPaintingMode").GetString());
    }

    [Fact]
    public async Task Titan_variation_inpainting_and_outpainting_answer_pngs_of_the_right_size()
    {
        GeneratedImage varied = await Prompts.TitanVaryAsync(Png(512, 512));
        GeneratedImage inpainted = await Prompts.TitanInpaintAsync(Png(576, 384), PromptImage.FromBytes(TestImages.Mask(576, 384, 0, 0, 100, 200)));
        GeneratedImage extended = await Prompts.ExtendAsync(Png(704, 384), "the dog");

        Assert.Equal(("png", 1024, 1024), ImageHeader(varied.Data.ToArray()));
        Assert.Equal(("png", 576, 384), ImageHeader(inpainted.Data.ToArray()));
        Assert.Equal(("png", 704, 384), ImageHeader(extended.Data.ToArray()));
        string[] tasks = _emulator.Requests.Select(request => JsonDocument.Parse(request.Body).RootElement.GetProperty("taskType").GetString()!).ToArray();
        Assert.Equal(new[] { "IMAGE_VARIATION", "INPAINTING", "OUTPAINTING" }, tasks);
        Assert.Contains("\"outPaintingMode\":\"PRECISE\"", _emulator.Requests[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_source_gives_the_same_image_and_another_source_another()
    {
        GeneratedImage first = await Prompts.RestyleAsync(Png(320, 320, "one"), "ink");
        GeneratedImage again = await Prompts.RestyleAsync(Png(320, 320, "one"), "ink");
        GeneratedImage other = await Prompts.RestyleAsync(Png(320, 320, "two"), "ink");

        Assert.Equal(first.Data.ToArray(), again.Data.ToArray());
        Assert.NotEqual(first.Data.ToArray(), other.Data.ToArray());
    }

    [Fact]
    public async Task A_mask_of_another_size_is_refused_by_the_model_in_its_words()
    {
        BedrockValidationException error = await Assert.ThrowsAsync<BedrockValidationException>(
            () => Prompts.TitanInpaintAsync(Png(512, 512), PromptImage.FromBytes(TestImages.Mask(256, 256, 0, 0, 10, 10))));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("the mask is 256x256, but the image is 512x512", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_source_image_is_refused_by_the_model()
    {
        // A PNG signature with nothing behind it: the caller's bytes look like a PNG, the model cannot read them.
        byte[] broken = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 1 };

        BedrockValidationException error = await Assert.ThrowsAsync<BedrockValidationException>(
            () => Prompts.RestyleAsync(PromptImage.FromBytes(broken), "ink"));

        Assert.Contains("#/image: the image could not be read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stability.sd3-5-large-v1:0", """{"prompt":"x","mode":"image-to-image","image":"{png}","strength":1.5}""", "#/strength")]
    [InlineData("stability.sd3-5-large-v1:0", """{"prompt":"x","mode":"image-to-image","image":"{png}"}""", "required key [strength] not found")]
    [InlineData("stability.sd3-5-large-v1:0", """{"prompt":"x","mode":"image-to-image","image":"{png}","strength":0.5,"aspect_ratio":"1:1"}""", "valid for text-to-image requests only")]
    [InlineData("stability.stable-image-core-v1:1", """{"prompt":"x","image":"{png}"}""", "image")]
    [InlineData("amazon.nova-canvas-v1:0", """{"taskType":"IMAGE_VARIATION","imageVariationParams":{"images":["{png}"],"similarityStrength":0.1}}""", "#/imageVariationParams/similarityStrength")]
    [InlineData("amazon.nova-canvas-v1:0", """{"taskType":"IMAGE_VARIATION","imageVariationParams":{"images":[]}}""", "#/imageVariationParams/images")]
    [InlineData("amazon.nova-canvas-v1:0", """{"taskType":"INPAINTING","inPaintingParams":{"image":"{png}"}}""", "exactly one of [maskPrompt, maskImage]")]
    [InlineData("amazon.nova-canvas-v1:0", """{"taskType":"INPAINTING","inPaintingParams":{"image":"{png}","maskPrompt":"a","maskImage":"{png}"}}""", "exactly one of [maskPrompt, maskImage]")]
    [InlineData("amazon.nova-canvas-v1:0", """{"taskType":"OUTPAINTING","outPaintingParams":{"image":"{png}","maskPrompt":"a","outPaintingMode":"LOOSE"}}""", "#/outPaintingParams/outPaintingMode")]
    [InlineData("amazon.nova-canvas-v1:0", """{"taskType":"INPAINTING","inPaintingParams":{"image":"{png}","maskPrompt":"a"},"imageGenerationConfig":{"width":512}}""", "width")]
    [InlineData("amazon.titan-image-generator-v2:0", """{"taskType":"INPAINTING","inPaintingParams":{"image":"{big}","maskPrompt":"a"}}""", "at most 1,408 pixels a side")]
    public async Task Bad_editing_bodies_are_validation_exceptions(string model, string body, string expected)
    {
        string png = Convert.ToBase64String(TestImages.Png(512, 512));
        string big = Convert.ToBase64String(TestImages.Png(1600, 320));
        byte[] json = Encoding.UTF8.GetBytes(body.Replace("{png}", png, StringComparison.Ordinal).Replace("{big}", big, StringComparison.Ordinal));

        BedrockValidationException error = await Assert.ThrowsAsync<BedrockValidationException>(() => _client.InvokeModelAsync(model, json));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nova_embeds_an_image_deterministically_from_its_bytes()
    {
        Embedding<float> photo = await Prompts.EmbedPhotoAsync(Png(320, 320, "cat"));
        Embedding<float> same = await Prompts.EmbedPhotoAsync(Png(320, 320, "cat"));
        Embedding<float> other = await Prompts.EmbedPhotoAsync(Png(320, 320, "dog"));
        Embedding<float> text = await Prompts.EmbedTextAsync("a cat");

        Assert.Equal(1024, photo.Vector.Length);
        Assert.Equal(photo.Vector.ToArray(), same.Vector.ToArray());
        Assert.NotEqual(photo.Vector.ToArray(), other.Vector.ToArray());
        Assert.Equal(1024, text.Vector.Length);
        JsonElement image = JsonDocument.Parse(_emulator.Requests[0].Body).RootElement.GetProperty("singleEmbeddingParams").GetProperty("image");
        Assert.Equal("png", image.GetProperty("format").GetString());
        Assert.Equal(TestImages.Png(320, 320, "cat"), image.GetProperty("source").GetProperty("bytes").GetBytesFromBase64());
    }

    [Fact]
    public async Task Nova_embeds_an_image_held_in_S3_by_its_location()
    {
        await Prompts.EmbedPhotoAsync(PromptImage.FromS3("s3://photos/cat.png", ImageFormat.Png, "111122223333"));

        JsonElement source = JsonDocument.Parse(Assert.Single(_emulator.Requests).Body).RootElement
            .GetProperty("singleEmbeddingParams").GetProperty("image").GetProperty("source");
        Assert.Equal("""{"s3Location":{"uri":"s3://photos/cat.png","bucketOwner":"111122223333"}}""", source.GetRawText());
    }

    [Fact]
    public async Task An_S3_source_image_is_refused_before_sending()
    {
        PromptMediaException error = await Assert.ThrowsAsync<PromptMediaException>(
            () => Prompts.RestyleAsync(PromptImage.FromS3("s3://photos/cat.png", ImageFormat.Png), "ink"));

        Assert.Contains("not an S3 location", error.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests);
    }
}
