using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Testing;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock.InvokeModel;

/// <summary>
/// InvokeModel and InvokeModelWithResponseStream end to end: the real client, with the typed bodies, against the
/// emulator over real sockets — per family a call, the decoded image checked from its header; errors typed; retries,
/// cancellation and streams as for Converse.
/// </summary>
public sealed class InvokeModelEmulatorTests : IAsyncLifetime
{
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { EnforceModelCapabilities = false });

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("stability.sd3-5-large-v1:0", "16:9", "png", 1344, 768)]
    [InlineData("stability.stable-image-core-v1:1", "1:1", "jpeg", 1024, 1024)]
    [InlineData("stability.stable-image-ultra-v1:1", "2:3", "png", 832, 1216)]
    public async Task Stability_images_arrive_decoded_with_the_size_and_format_asked_for(string modelId, string ratio, string format, int width, int height)
    {
        using BedrockRuntimeClient client = CreateClient();
        var request = new StabilityImageRequest { Prompt = "a lighthouse", AspectRatio = ratio, Seed = 9, OutputFormat = format };

        InvokeModelResponse response = await client.InvokeModelAsync(modelId, request.ToJson());
        StabilityImageResponse images = StabilityImageResponse.Parse(response.Body);

        images.ThrowIfFiltered(response.RequestId);
        Assert.Equal((format, width, height), ImageHeader(images.Images.Single().ToArray()));
        Assert.Equal(new long[] { 9 }, images.Seeds);
        Assert.Equal("application/json", response.ContentType);
        Assert.NotNull(response.RequestId);
        Assert.NotNull(response.InvocationLatencyMs);
        RecordedRequest recorded = Assert.Single(_emulator.Requests);
        Assert.Equal(("InvokeModel", true, "a lighthouse"), (recorded.Operation, recorded.SignatureValid, recorded.UserText));
        Assert.Equal("application/json", recorded.Headers["Accept"]);
        Assert.Equal("application/json", recorded.Headers["Content-Type"]);
    }

    [Theory]
    [InlineData("amazon.nova-canvas-v1:0", 1280, 720)]
    [InlineData("amazon.titan-image-generator-v2:0", 1152, 768)]
    public async Task Amazon_image_models_return_the_requested_number_of_pngs(string modelId, int width, int height)
    {
        using BedrockRuntimeClient client = CreateClient();
        var request = new AmazonImageRequest { Text = "a red bicycle", Width = width, Height = height, NumberOfImages = 2, Seed = 3, CfgScale = 6.5, Quality = "standard" };

        AmazonImageResponse images = AmazonImageResponse.Parse((await client.InvokeModelAsync(modelId, request.ToJson())).Body);

        Assert.Null(images.Error);
        Assert.Equal(2, images.Images.Count);
        Assert.All(images.Images, image => Assert.Equal(("png", width, height), ImageHeader(image.ToArray())));
    }

    [Fact]
    public async Task Titan_embeddings_round_trip_with_dimension_normalization_and_token_headers()
    {
        using BedrockRuntimeClient client = CreateClient();
        var request = new TitanTextEmbeddingRequest { InputText = "The quick brown fox", Dimensions = 256, Normalize = true, EmbeddingTypes = new[] { "float", "binary" } };

        InvokeModelResponse response = await client.InvokeModelAsync("amazon.titan-embed-text-v2:0", request.ToJson());
        TitanTextEmbeddingResponse embedding = TitanTextEmbeddingResponse.Parse(response.Body);

        Assert.Equal(256, embedding.Embedding.Count);
        Assert.Equal(1.0, Math.Sqrt(embedding.Embedding.Sum(v => (double)v * v)), 4);
        Assert.Equal(embedding.Embedding.Select(v => v > 0 ? 1 : 0), embedding.BinaryEmbedding!);
        Assert.Equal(embedding.InputTextTokenCount, response.InputTokenCount);
        Assert.Equal(0, response.OutputTokenCount);
        Assert.Contains("X-Amzn-Bedrock-Input-Token-Count", response.BedrockHeaders.Keys);

        TitanTextEmbeddingResponse again = TitanTextEmbeddingResponse.Parse((await client.InvokeModelAsync("amazon.titan-embed-text-v2:0", request.ToJson())).Body);
        Assert.Equal(embedding.Embedding, again.Embedding);
    }

    [Fact]
    public async Task Cohere_embeds_many_texts_in_one_call()
    {
        using BedrockRuntimeClient client = CreateClient();
        var request = new CohereEmbedRequest { InputType = "search_document", Texts = new[] { "one", "two", "three" }, EmbeddingTypes = new[] { "float", "int8" }, OutputDimension = 512 };

        CohereEmbedResponse response = CohereEmbedResponse.Parse((await client.InvokeModelAsync("cohere.embed-v4:0", request.ToJson())).Body);

        Assert.Equal("embeddings_by_type", response.ResponseType);
        Assert.Equal(new[] { "one", "two", "three" }, response.Texts);
        Assert.Equal(3, response.FloatEmbeddings.Count);
        Assert.All(response.FloatEmbeddings, vector => Assert.Equal(512, vector.Count));
        Assert.All(response.EmbeddingsByType["int8"].SelectMany(v => v), value => Assert.InRange(value, -128, 127));

        CohereEmbedResponse v3 = CohereEmbedResponse.Parse((await client.InvokeModelAsync(
            "cohere.embed-multilingual-v3", new CohereEmbedRequest { InputType = "search_query", Texts = new[] { "hola" }, Truncate = "END" }.ToJson())).Body);
        Assert.Equal(("embeddings_floats", 1024), (v3.ResponseType, v3.FloatEmbeddings.Single().Count));
    }

    [Fact]
    public async Task Nova_embeds_a_text_and_an_image()
    {
        using BedrockRuntimeClient client = CreateClient();
        var text = new NovaEmbeddingRequest { EmbeddingPurpose = "GENERIC_INDEX", EmbeddingDimension = 1024, Text = "a cat", TextTruncationMode = "END" };
        var image = new NovaEmbeddingRequest { EmbeddingPurpose = "IMAGE_RETRIEVAL", ImageBytes = new byte[] { 0x89, 0x50, 0x4E, 0x47 }, ImageFormat = "png" };

        NovaEmbedding textVector = NovaEmbeddingResponse.Parse((await client.InvokeModelAsync("amazon.nova-2-multimodal-embeddings-v1:0", text.ToJson())).Body).Embeddings.Single();
        NovaEmbedding imageVector = NovaEmbeddingResponse.Parse((await client.InvokeModelAsync("amazon.nova-2-multimodal-embeddings-v1:0", image.ToJson())).Body).Embeddings.Single();

        Assert.Equal(("TEXT", 1024), (textVector.EmbeddingType, textVector.Embedding.Count));
        Assert.Equal(("IMAGE", 3072), (imageVector.EmbeddingType, imageVector.Embedding.Count));
    }

    [Fact]
    public async Task A_bad_body_is_a_bedrock_validation_exception_not_retried()
    {
        using BedrockRuntimeClient client = CreateClient();

        BedrockValidationException error = await Assert.ThrowsAsync<BedrockValidationException>(() =>
            client.InvokeModelAsync("amazon.titan-embed-text-v2:0", Encoding.UTF8.GetBytes("""{"inputText":"a","dimensions":100}""")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Malformed input request: #/dimensions: 100 is not a valid enum value", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Attempts);
        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task Content_filters_become_the_errors_each_model_returns()
    {
        _emulator.Script.When(promptContains: "forbidden").ReplyContentFiltered(ContentFilterStage.Output);
        using BedrockRuntimeClient client = CreateClient();

        BedrockValidationException canvas = await Assert.ThrowsAsync<BedrockValidationException>(() =>
            client.InvokeModelAsync("amazon.nova-canvas-v1:0", new AmazonImageRequest { Text = "something forbidden" }.ToJson()));
        InvokeModelResponse stability = await client.InvokeModelAsync("stability.sd3-5-large-v1:0", new StabilityImageRequest { Prompt = "something forbidden" }.ToJson());
        StabilityImageResponse parsed = StabilityImageResponse.Parse(stability.Body);

        Assert.Contains("blocked by our content filters", canvas.Message, StringComparison.Ordinal);
        Assert.True(parsed.IsFiltered);
        Assert.Empty(parsed.Images);
        BedrockContentFilteredException filtered = Assert.Throws<BedrockContentFilteredException>(() => parsed.ThrowIfFiltered(stability.RequestId));
        Assert.Equal(new[] { "Filter reason: output image" }, filtered.Reasons);
        Assert.Equal(stability.RequestId, filtered.RequestId);
    }

    [Fact]
    public async Task Throttling_is_retried_and_the_same_body_sent_each_time()
    {
        _emulator.Script.Always().Times(2).ReplyThrottling();
        using BedrockRuntimeClient client = CreateClient(retry: new BedrockRetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1) });
        byte[] body = new TitanTextEmbeddingRequest { InputText = "retry me" }.ToJson();

        InvokeModelResponse response = await client.InvokeModelAsync("amazon.titan-embed-text-v2:0", body);

        Assert.Equal(1024, TitanTextEmbeddingResponse.Parse(response.Body).Embedding.Count);
        Assert.Equal(new[] { 429, 429, 200 }, _emulator.Requests.Select(r => r.ResponseStatus));
        Assert.All(_emulator.Requests, r => Assert.Equal(Encoding.UTF8.GetString(body), r.Body));
        Assert.All(_emulator.Requests, r => Assert.True(r.SignatureValid));
        Assert.Equal(new[] { "attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3" }, _emulator.Requests.Select(r => r.Headers["amz-sdk-request"]));
    }

    [Fact]
    public async Task The_callers_token_cancels_during_a_slow_answer()
    {
        _emulator.Script.Always().Delay(TimeSpan.FromSeconds(20)).ReplyText("late");
        using BedrockRuntimeClient client = CreateClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        OperationCanceledException error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.InvokeModelAsync("amazon.titan-embed-text-v2:0", new TitanTextEmbeddingRequest { InputText = "slow" }.ToJson(), cancellationToken: cancel.Token));

        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Options_travel_as_bedrock_headers_and_the_echoes_come_back()
    {
        using BedrockRuntimeClient client = CreateClient();
        var options = new InvokeModelOptions
        {
            Accept = "application/json",
            GuardrailIdentifier = "gr-1",
            GuardrailVersion = "DRAFT",
            Trace = GuardrailTrace.EnabledFull,
            Latency = LatencyMode.Optimized,
            ServiceTier = ServiceTier.Flex,
            RequestMetadata = new Dictionary<string, string> { ["team"] = "search" },
        };

        InvokeModelResponse response = await client.InvokeModelAsync("amazon.titan-embed-text-v2:0", new TitanTextEmbeddingRequest { InputText = "x" }.ToJson(), options);

        IReadOnlyDictionary<string, string> sent = Assert.Single(_emulator.Requests).Headers;
        Assert.Equal("gr-1", sent["X-Amzn-Bedrock-GuardrailIdentifier"]);
        Assert.Equal("DRAFT", sent["X-Amzn-Bedrock-GuardrailVersion"]);
        Assert.Equal("ENABLED_FULL", sent["X-Amzn-Bedrock-Trace"]);
        Assert.Equal("optimized", sent["X-Amzn-Bedrock-PerformanceConfig-Latency"]);
        Assert.Equal("flex", sent["X-Amzn-Bedrock-Service-Tier"]);
        Assert.Equal("""{"team":"search"}""", sent["X-Amzn-Bedrock-Request-Metadata"]);
        Assert.Equal(("optimized", "flex"), (response.PerformanceLatency, response.ServiceTier));
    }

    [Theory]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0", """{"anthropic_version":"bedrock-2023-05-31","max_tokens":50,"messages":[{"role":"user","content":"Tell me [s]"}]}""")]
    [InlineData("meta.llama3-1-70b-instruct-v1:0", """{"prompt":"Tell me [s]","max_gen_len":50}""")]
    [InlineData("mistral.mistral-7b-instruct-v0:2", """{"prompt":"<s>[INST] Tell me [s] [/INST]"}""")]
    public async Task A_stream_yields_the_native_chunks_decoded(string modelId, string body)
    {
        _emulator.Script.When(promptContains: "[s]").Usage(7, 4).Stream(chunkSize: 3, writeSize: 5).ReplyText("A streamed answer.");
        using BedrockRuntimeClient client = CreateClient();

        List<InvokeModelStreamChunk> chunks = await CollectAsync(client.InvokeModelWithResponseStreamAsync(modelId, Encoding.UTF8.GetBytes(body)));

        Assert.All(chunks, chunk => Assert.Equal("application/json", chunk.ContentType));
        Assert.All(chunks, chunk => Assert.NotNull(chunk.RequestId));
        List<JsonElement> parsed = chunks.Select(chunk => JsonDocument.Parse(chunk.Bytes).RootElement).ToList();
        string text = modelId.StartsWith("us.anthropic", StringComparison.Ordinal)
            ? string.Concat(parsed.Where(p => p.GetProperty("type").GetString() == "content_block_delta").Select(p => p.GetProperty("delta").GetProperty("text").GetString()))
            : modelId.StartsWith("meta", StringComparison.Ordinal)
                ? string.Concat(parsed.Select(p => p.GetProperty("generation").GetString()))
                : string.Concat(parsed.Select(p => p.GetProperty("outputs")[0].GetProperty("text").GetString()));
        Assert.Equal("A streamed answer.", text);
        Assert.Equal(7, parsed[^1].GetProperty("amazon-bedrock-invocationMetrics").GetProperty("inputTokenCount").GetInt32());
        Assert.Equal("application/json", Assert.Single(_emulator.Requests).Headers["X-Amzn-Bedrock-Accept"]);
    }

    [Theory]
    [InlineData("throttlingException", typeof(BedrockThrottlingException))]
    [InlineData("modelStreamErrorException", typeof(BedrockModelStreamErrorException))]
    [InlineData("modelTimeoutException", typeof(BedrockModelTimeoutException))]
    public async Task An_exception_inside_the_stream_is_the_typed_exception_after_the_chunks_before_it(string exceptionType, Type expected)
    {
        _emulator.Script.Always().FailStream(StreamFault.Exception(exceptionType, "mid-stream failure", afterEvents: 2)).ReplyText("abcdefghijklmnop");
        using BedrockRuntimeClient client = CreateClient();
        var seen = new List<InvokeModelStreamChunk>();

        Exception error = await Assert.ThrowsAnyAsync<BedrockServiceException>(async () =>
        {
            await foreach (InvokeModelStreamChunk chunk in client.InvokeModelWithResponseStreamAsync("meta.llama3-1-70b-instruct-v1:0", Encoding.UTF8.GetBytes("""{"prompt":"x"}""")))
            {
                seen.Add(chunk);
            }
        });

        Assert.IsType(expected, error);
        Assert.Equal(2, seen.Count);
        Assert.Contains("mid-stream failure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_refused_before_it_starts_raises_the_typed_error_at_enumeration()
    {
        using BedrockRuntimeClient client = CreateClient();
        IAsyncEnumerable<InvokeModelStreamChunk> stream = client.InvokeModelWithResponseStreamAsync("amazon.titan-embed-text-v2:0", new TitanTextEmbeddingRequest { InputText = "x" }.ToJson());

        Assert.Empty(_emulator.Requests);
        BedrockValidationException error = await Assert.ThrowsAsync<BedrockValidationException>(async () => await CollectAsync(stream));

        Assert.Contains("The model is unsupported for streaming.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_are_checked_at_the_call()
    {
        using BedrockRuntimeClient client = CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.InvokeModelAsync("", new byte[] { 1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.InvokeModelAsync("m", new byte[25_000_001]));
        await Assert.ThrowsAsync<ArgumentException>(() => client.InvokeModelAsync("m", new byte[] { 1 }, new InvokeModelOptions { ContentType = "not a media type" }));
        Assert.Throws<ArgumentException>(() => client.InvokeModelWithResponseStreamAsync(" ", new byte[] { 1 }));
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Answers_and_stream_frames_are_bounded_by_the_response_size_limit()
    {
        _emulator.Script.When(promptContains: "[big]").ReplyLargeText(300_000);
        using BedrockRuntimeClient client = CreateClient(maxResponseSize: 100_000);

        BedrockResponseTooLargeException whole = await Assert.ThrowsAsync<BedrockResponseTooLargeException>(() =>
            client.InvokeModelAsync("meta.llama3-1-70b-instruct-v1:0", Encoding.UTF8.GetBytes("""{"prompt":"[big]"}""")));
        BedrockEventStreamException frame = await Assert.ThrowsAsync<BedrockEventStreamException>(async () =>
            await CollectAsync(client.InvokeModelWithResponseStreamAsync("meta.llama3-1-70b-instruct-v1:0", Encoding.UTF8.GetBytes("""{"prompt":"[big]"}"""))));

        Assert.Equal(100_000, whole.MaxResponseSize);
        Assert.Equal(EventStreamErrorKind.MessageTooLarge, frame.Kind);

        // An image answer larger than the default 32 MiB needs a larger limit; within it, it is read whole.
        using BedrockRuntimeClient roomy = CreateClient(maxResponseSize: 64L * 1024 * 1024);
        InvokeModelResponse images = await roomy.InvokeModelAsync("amazon.nova-canvas-v1:0", new AmazonImageRequest { Text = "x", Width = 2048, Height = 2048, NumberOfImages = 2 }.ToJson());
        Assert.Equal(2, AmazonImageResponse.Parse(images.Body).Images.Count);
    }

    [Fact]
    public async Task A_stalled_stream_ends_at_the_idle_limit()
    {
        _emulator.Script.Always().FailStream(StreamFault.Stall(afterEvents: 1)).ReplyText("abcdefgh");
        using BedrockRuntimeClient client = CreateClient(streamIdleTimeout: TimeSpan.FromMilliseconds(500));
        var seen = new List<InvokeModelStreamChunk>();

        BedrockTimeoutException error = await Assert.ThrowsAsync<BedrockTimeoutException>(async () =>
        {
            await foreach (InvokeModelStreamChunk chunk in client.InvokeModelWithResponseStreamAsync("meta.llama3-1-70b-instruct-v1:0", Encoding.UTF8.GetBytes("""{"prompt":"x"}""")))
            {
                seen.Add(chunk);
            }
        });

        Assert.Single(seen);
        Assert.Contains("StreamIdleTimeout", error.Message, StringComparison.Ordinal);
    }

    internal static (string Format, int Width, int Height) ImageHeader(byte[] image)
    {
        if (image[0] == 0x89 && image[1] == 0x50)
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

    private BedrockRuntimeClient CreateClient(BedrockRetryOptions? retry = null, long? maxResponseSize = null, TimeSpan? streamIdleTimeout = null) => new(
        new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            Timeout = TimeSpan.FromSeconds(30),
            Retry = retry ?? new BedrockRetryOptions { MaxAttempts = 1 },
            MaxResponseSize = maxResponseSize ?? BedrockOptions.DefaultMaxResponseSize,
            StreamIdleTimeout = streamIdleTimeout ?? BedrockOptions.DefaultStreamIdleTimeout,
        },
        httpClient: null,
        TestClients.Environment());

    private static async Task<List<InvokeModelStreamChunk>> CollectAsync(IAsyncEnumerable<InvokeModelStreamChunk> stream)
    {
        var chunks = new List<InvokeModelStreamChunk>();
        await foreach (InvokeModelStreamChunk chunk in stream)
        {
            chunks.Add(chunk);
        }

        return chunks;
    }
}
