using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.AI;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>
/// Generated image and embedding methods over signed HTTP against the emulator: per family the body sent and the
/// answer read back (images checked from their headers); embeddings batched in order, retried, canceled mid-batch.
/// </summary>
public sealed class InvokeTests : IAsyncLifetime
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
            // Four attempts: the throttling test scripts three 429s, which may all fall on one call.
            Retry = new BedrockRetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(1) },
        });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private IStudioPrompts Prompts => IStudioPrompts.Create(_client);

    [Fact]
    public async Task Stable_Diffusion_sends_its_body_and_returns_a_png_of_the_aspect_ratio()
    {
        GeneratedImage image = await Prompts.PaintAsync("Lisbon");

        Assert.Equal(("png", 1344, 768), ImageHeader(image.Data.ToArray()));
        Assert.Equal(("image/png", 42L, "stability.sd3-5-large-v1:0"), (image.MediaType, image.Seed, image.ModelId));
        Assert.Null(image.FinishReason);
        RecordedRequest request = Assert.Single(_emulator.Requests);
        Assert.Equal(image.RequestId, request.RequestId);
        Assert.Equal(("InvokeModel", true), (request.Operation, request.SignatureValid));
        Assert.Equal(
            """{"prompt":"A watercolour of Lisbon at dawn","negative_prompt":"text","aspect_ratio":"16:9","seed":42,"cfg_scale":5}""",
            request.Body);
    }

    [Fact]
    public async Task Stable_Image_Core_returns_a_jpeg_with_the_style_preset_sent()
    {
        GeneratedImage image = await Prompts.PosterAsync("jazz");

        Assert.Equal(("jpeg", 1024, 1024), ImageHeader(image.Data.ToArray()));
        Assert.Equal("image/jpeg", image.MediaType);
        Assert.Equal(
            """{"prompt":"A poster of jazz","seed":3,"output_format":"jpeg","style_preset":"photographic"}""",
            Assert.Single(_emulator.Requests).Body);
    }

    [Fact]
    public async Task Stable_Image_Ultra_returns_one_image_in_a_list()
    {
        IReadOnlyList<GeneratedImage> images = await Prompts.PortraitsAsync("a cat");

        Assert.Equal(("png", 832, 1216), ImageHeader(Assert.Single(images).Data.ToArray()));
        Assert.Equal("""{"prompt":"A portrait of a cat","aspect_ratio":"2:3"}""", Assert.Single(_emulator.Requests).Body);
    }

    [Fact]
    public async Task Nova_Canvas_returns_the_number_of_pngs_asked_for()
    {
        IReadOnlyList<GeneratedImage> images = await Prompts.LogosAsync("Contoso");

        Assert.Equal(2, images.Count);
        Assert.All(images, image => Assert.Equal(("png", 512, 512), ImageHeader(image.Data.ToArray())));
        Assert.Equal(
            """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"A logo for Contoso","style":"FLAT_VECTOR_ILLUSTRATION"},"imageGenerationConfig":"""
            + """{"numberOfImages":2,"width":512,"height":512,"quality":"premium","seed":7}}""",
            Assert.Single(_emulator.Requests).Body);
    }

    [Fact]
    public async Task Titan_Image_Generator_returns_a_png_of_the_size_asked_for()
    {
        GeneratedImage image = await Prompts.SketchAsync("a fox");

        Assert.Equal(("png", 768, 1152), ImageHeader(image.Data.ToArray()));
        Assert.Equal(
            """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"A sketch of a fox"},"imageGenerationConfig":{"width":768,"height":1152,"cfgScale":8}}""",
            Assert.Single(_emulator.Requests).Body);
    }

    [Fact]
    public async Task The_same_prompt_and_seed_give_the_same_image()
    {
        GeneratedImage first = await Prompts.PaintAsync("Porto");
        GeneratedImage second = await Prompts.PaintAsync("Porto");
        GeneratedImage other = await Prompts.PaintAsync("Faro");

        Assert.Equal(first.Data.ToArray(), second.Data.ToArray());
        Assert.NotEqual(first.Data.ToArray(), other.Data.ToArray());
    }

    [Theory]
    [InlineData(ContentFilterStage.Prompt, "Filter reason: prompt")]
    [InlineData(ContentFilterStage.Output, "Filter reason: output image")]
    public async Task A_filtered_Stability_image_is_a_content_filtered_exception_naming_the_filter(ContentFilterStage stage, string reason)
    {
        _emulator.Script.When(promptContains: "forbidden").ReplyContentFiltered(stage);

        BedrockContentFilteredException error = await Assert.ThrowsAsync<BedrockContentFilteredException>(() => Prompts.PaintAsync("forbidden city"));

        Assert.Equal(new[] { reason }, error.Reasons);
        Assert.Equal(Assert.Single(_emulator.Requests).RequestId, error.RequestId);
    }

    [Fact]
    public async Task A_filtered_Nova_Canvas_prompt_is_the_validation_exception_the_model_returns()
    {
        _emulator.Script.When(promptContains: "forbidden").ReplyContentFiltered(ContentFilterStage.Prompt);

        BedrockValidationException error = await Assert.ThrowsAsync<BedrockValidationException>(() => Prompts.LogosAsync("forbidden brand"));

        Assert.Contains("content filters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_body_is_a_validation_exception_from_the_model_not_retried()
    {
        // The build checks the settings; what the caller passes is checked by the model: Titan refuses an empty text.
        BedrockValidationException error = await Assert.ThrowsAsync<BedrockValidationException>(() => Prompts.EmbedAsync(string.Empty));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("inputText", error.Message, StringComparison.Ordinal);
        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task Titan_embeds_with_the_dimension_and_normalisation_asked_for()
    {
        Embedding<float> normalised = await Prompts.EmbedAsync("a quiet harbour");
        ReadOnlyMemory<float> raw = await Prompts.EmbedRawAsync("a quiet harbour");

        Assert.Equal(256, normalised.Vector.Length);
        Assert.Equal("amazon.titan-embed-text-v2:0", normalised.ModelId);
        Assert.Equal(1.0, Norm(normalised.Vector), 3);
        Assert.Equal(512, raw.Length);
        Assert.NotEqual(1.0, Norm(raw), 3);
        Assert.Equal(
            new[] { """{"inputText":"a quiet harbour","dimensions":256,"normalize":true}""", """{"inputText":"a quiet harbour","dimensions":512,"normalize":false}""" },
            _emulator.Requests.Select(request => request.Body));
    }

    [Fact]
    public async Task Titan_sends_one_text_per_call_and_keeps_the_input_order()
    {
        string[] texts = Enumerable.Range(0, 20).Select(i => $"text number {i}").ToArray();

        IReadOnlyList<Embedding<float>> batch = await Prompts.EmbedEachAsync(texts);

        Assert.Equal(20, _emulator.Requests.Count);
        Assert.Equal(20, batch.Count);
        for (int i = 0; i < texts.Length; i += 7)
        {
            Embedding<float> alone = await Prompts.EmbedAsync(texts[i]);
            Assert.Equal(alone.Vector.ToArray(), batch[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task Cohere_sends_96_texts_per_call_and_keeps_the_input_order()
    {
        string[] texts = Enumerable.Range(0, 200).Select(i => $"document {i}").ToArray();

        IReadOnlyList<Embedding<float>> batch = await Prompts.EmbedDocumentsAsync(texts);

        Assert.Equal(new[] { 8, 96, 96 }, _emulator.Requests.Select(request => request.Body.Split("\"document ").Length - 1).Order());
        Assert.All(_emulator.Requests, request => Assert.Contains("\"input_type\":\"search_document\",\"truncate\":\"END\"", request.Body, StringComparison.Ordinal));
        Assert.Equal(200, batch.Count);
        foreach (int i in new[] { 0, 95, 96, 150, 199 })
        {
            Embedding<float> alone = await Prompts.EmbedDocumentAsync(texts[i]);
            Assert.Equal(alone.Vector.ToArray(), batch[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task Cohere_v4_and_Nova_embed_with_their_dimensions()
    {
        IReadOnlyList<ReadOnlyMemory<float>> queries = await Prompts.EmbedQueriesAsync(new[] { "where", "when" });
        Embedding<float> nova = await Prompts.EmbedForClusterAsync("a red boat");

        Assert.All(queries, vector => Assert.Equal(512, vector.Length));
        Assert.Equal(384, nova.Vector.Length);
        Assert.Equal(
            """{"texts":["where","when"],"input_type":"search_query","output_dimension":512}""",
            _emulator.Requests[0].Body);
        Assert.Equal(
            """{"schemaVersion":"nova-multimodal-embed-v1","taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":"""
            + """{"embeddingPurpose":"CLUSTERING","embeddingDimension":384,"text":{"truncationMode":"END","value":"a red boat"}}}""",
            _emulator.Requests[1].Body);
    }

    [Fact]
    public async Task An_empty_batch_makes_no_call()
    {
        Assert.Empty(await Prompts.EmbedDocumentsAsync(Array.Empty<string>()));
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task A_throttled_batch_is_retried_and_completes_in_order()
    {
        _emulator.Script.Always().Times(3).ReplyThrottling();
        string[] texts = Enumerable.Range(0, 12).Select(i => $"retry {i}").ToArray();

        IReadOnlyList<Embedding<float>> batch = await Prompts.EmbedEachAsync(texts);

        Assert.Equal(3, _emulator.Requests.Count(request => request.ResponseStatus == 429));
        Assert.Equal(12, _emulator.Requests.Count(request => request.ResponseStatus == 200));
        Embedding<float> last = await Prompts.EmbedAsync(texts[^1]);
        Assert.Equal(last.Vector.ToArray(), batch[^1].Vector.ToArray());
    }

    [Fact]
    public async Task Canceling_mid_batch_stops_the_calls_not_yet_sent()
    {
        using var cancellation = new CancellationTokenSource();
        var counting = new CancelAfterCalls(_client, calls: 3, cancellation);
        string[] texts = Enumerable.Range(0, 100).Select(i => $"cancel {i}").ToArray();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => IStudioPrompts.Create(counting).EmbedEachAsync(texts, cancellation.Token));

        // Three calls answered, then the token: the calls waiting at that moment (one per worker at most) end, and no
        // worker starts another.
        Assert.InRange(counting.Started, 3, 3 + PromptGen.CompilerServices.Embeddings.MaxConcurrentCalls);
        Assert.Equal(3, _emulator.Requests.Count);
    }

    [Fact]
    public async Task A_failed_call_fails_the_batch_with_its_own_exception()
    {
        _emulator.Script.When(promptContains: "poison").ReplyError("ValidationException", 400, "bad text");
        string[] texts = Enumerable.Range(0, 30).Select(i => i == 17 ? "poison" : $"fine {i}").ToArray();

        BedrockValidationException error = await Assert.ThrowsAsync<BedrockValidationException>(() => Prompts.EmbedEachAsync(texts));

        Assert.Contains("bad text", error.Message, StringComparison.Ordinal);
    }

    private static double Norm(ReadOnlyMemory<float> vector) => Math.Sqrt(vector.ToArray().Sum(value => (double)value * value));

    internal static (string Format, int Width, int Height) ImageHeader(byte[] image)
    {
        if (image[0] == 0x89 && image[1] == 0x50)
        {
            return ("png", BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(20)));
        }

        Assert.Equal(new byte[] { 0xFF, 0xD8 }, image[..2]);
        int offset = 2;
        while (image[offset] == 0xFF && image[offset + 1] is not (0xC0 or 0xC2))
        {
            offset += 2 + BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 2));
        }

        return ("jpeg", BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 7)), BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 5)));
    }

    /// <summary>
    /// The real client for the first <c>calls</c> calls, then the caller's token is canceled; later calls wait for that
    /// token, so how many calls reach the emulator does not depend on timing.
    /// </summary>
    private sealed class CancelAfterCalls(IBedrockRuntime inner, int calls, CancellationTokenSource cancellation) : IBedrockRuntime
    {
        private int _started;
        private int _answered;

        public int Started => Volatile.Read(ref _started);

        public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            inner.ConverseAsync(modelId, request, cancellationToken);

        public IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            inner.ConverseStreamAsync(modelId, request, cancellationToken);

        public async Task<InvokeModelResponse> InvokeModelAsync(string modelId, ReadOnlyMemory<byte> body, InvokeModelOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _started) > calls)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            InvokeModelResponse response = await inner.InvokeModelAsync(modelId, body, options, cancellationToken);
            if (Interlocked.Increment(ref _answered) == calls)
            {
                await cancellation.CancelAsync();
            }

            return response;
        }
    }
}
