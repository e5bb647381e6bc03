using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Pricing;
using PromptGen.Testing;
using PromptGen.Tests.Bedrock.TestDoubles;
using PromptGen.Tests.Telemetry;
using Xunit;

namespace PromptGen.Tests.Pricing;

/// <summary>
/// Estimates beyond Converse: InvokeModel answers (images at the per-image price, embeddings and other bodies at the
/// token rates of Bedrock's counts) and batch records (the batch token rates), each exactly usage × price, and none
/// when a rate is missing or the call is billed otherwise. Test prices, not AWS's.
/// </summary>
public sealed class InvokeAndBatchCostTests : IDisposable
{
    private const string Prices = """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "amazon.titan-embed-text-v2:0",
              "prices": [ { "region": "us-east-1", "endpoints": ["inRegion"], "inputPerMillion": 0.2, "asOf": "2026-12-01", "source": "https://example.test/prices" } ]
            },
            {
              "id": "stability.sd3-5-large-v1:0",
              "prices": [ { "region": "us-east-1", "endpoints": ["inRegion"], "perImage": 0.08, "asOf": "2026-12-01", "source": "https://example.test/prices" } ]
            },
            {
              "id": "amazon.nova-canvas-v1:0",
              "prices": [ { "region": "us-east-1", "endpoints": ["inRegion"], "perImage": 0.04, "asOf": "2026-12-01", "source": "https://example.test/prices" } ]
            },
            {
              "id": "anthropic.claude-haiku-4-5-20251001-v1:0",
              "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 2, "outputPerMillion": 10, "batchInputPerMillion": 1, "batchOutputPerMillion": 5, "asOf": "2026-12-01", "source": "https://example.test/prices" } ]
            },
            {
              "id": "amazon.nova-lite-v1:0",
              "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 0.5, "outputPerMillion": 2, "batchInputPerMillion": 0.25, "asOf": "2026-12-01", "source": "https://example.test/prices" } ]
            }
          ]
        }
        """;

    private static readonly ModelPriceTable Table = ModelPriceTable.Parse(Prices);

    private readonly string _catalogFile = Path.Combine(Path.GetTempPath(), $"promptgen.models.{Guid.NewGuid():N}.json");

    public InvokeAndBatchCostTests() => File.WriteAllText(_catalogFile, Prices);

    public void Dispose() => File.Delete(_catalogFile);

    [Fact]
    public async Task An_embedding_costs_its_counted_input_tokens_at_the_input_rate_on_the_response_and_the_span()
    {
        using var telemetry = new TelemetryCollector();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using BedrockRuntimeClient client = Client(emulator, priced: true);
        var runtime = new InstrumentedBedrockRuntime(client);

        InvokeModelResponse response = await runtime.InvokeModelAsync("amazon.titan-embed-text-v2:0", Encoding.UTF8.GetBytes("""{"inputText":"The quick brown fox jumps"}"""));

        int tokens = Assert.IsType<int>(response.InputTokenCount);
        Assert.True(tokens > 0);
        Assert.Equal(tokens * 0.2m / 1_000_000m, response.EstimatedCostUsd);
        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("server.port"), emulator.Endpoint.Port)));
        Assert.Equal((double)(tokens * 0.2m / 1_000_000m), (double)span.GetTagItem("promptgen.usage.estimated_cost_usd")!, 15);
        Assert.Single(telemetry.Measurements("promptgen.client.estimated_cost", m => Equals(m.Tag("server.port"), emulator.Endpoint.Port)));
    }

    [Fact]
    public async Task Generated_images_cost_the_per_image_price_each()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using BedrockRuntimeClient client = Client(emulator, priced: true);

        InvokeModelResponse response = await client.InvokeModelAsync("stability.sd3-5-large-v1:0", new StabilityImageRequest { Prompt = "a fox" }.ToJson());

        Assert.Single(StabilityImageResponse.Parse(response.Body).Images);
        Assert.Equal(0.08m, response.EstimatedCostUsd);
    }

    [Fact]
    public async Task Without_a_price_an_invoke_call_has_no_estimate_and_no_cost_on_its_span()
    {
        using var telemetry = new TelemetryCollector();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using BedrockRuntimeClient client = Client(emulator, priced: false);
        var runtime = new InstrumentedBedrockRuntime(client);

        InvokeModelResponse embedding = await runtime.InvokeModelAsync("amazon.titan-embed-text-v2:0", Encoding.UTF8.GetBytes("""{"inputText":"hello"}"""));
        InvokeModelResponse image = await client.InvokeModelAsync("stability.sd3-5-large-v1:0", new StabilityImageRequest { Prompt = "a fox" }.ToJson());

        Assert.NotNull(embedding.InputTokenCount);
        Assert.Null(embedding.EstimatedCostUsd);
        Assert.Null(image.EstimatedCostUsd);
        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("server.port"), emulator.Endpoint.Port)));
        Assert.Null(span.GetTagItem("promptgen.usage.estimated_cost_usd"));
    }

    [Theory]
    [InlineData("""{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a"},"imageGenerationConfig":{"numberOfImages":3,"quality":"standard","width":1024,"height":1024}}""", 0.12)]
    [InlineData("""{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a"},"imageGenerationConfig":{"numberOfImages":3}}""", 0.12)]
    [InlineData("""{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a"},"imageGenerationConfig":{"numberOfImages":3,"quality":"premium"}}""", null)]
    [InlineData("""{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a"},"imageGenerationConfig":{"numberOfImages":3,"width":2048,"height":2048}}""", null)]
    public void Amazon_images_are_priced_only_at_standard_quality_and_size(string request, double? expected)
    {
        var response = new InvokeModelResponse(Encoding.UTF8.GetBytes("""{"images":["AAAA","BBBB","CCCC"]}"""), "application/json");

        Assert.Equal((decimal?)expected, Table.EstimateInvoke("amazon.nova-canvas-v1:0", "us-east-1", Encoding.UTF8.GetBytes(request), response));
    }

    [Theory]
    [InlineData("amazon.titan-embed-text-v2:0", """{"inputText":"x"}""", """{"embedding":[0.1]}""", 500, null, 0.0001)] // 500 × 0.2 per million
    [InlineData("amazon.titan-embed-text-v2:0", """{"inputText":"x"}""", """{"embedding":[0.1]}""", null, null, null)] // no token count
    [InlineData("amazon.titan-embed-text-v2:0", """{"inputImage":"AAAA"}""", """{"embedding":[0.1]}""", 500, null, null)] // an image: priced per image
    [InlineData("amazon.titan-embed-text-v2:0", """{"inputText":"x"}""", """{"embedding":[0.1]}""", 500, 10, null)] // output tokens, no output rate
    [InlineData("amazon.titan-embed-text-v2:0", """{"inputText":"x"}""", "not json", 500, null, 0.0001)] // counted by the header, not the body
    [InlineData("stability.sd3-5-large-v1:0", """{"prompt":"x"}""", "not json", null, null, null)] // images cannot be counted
    [InlineData("cohere.embed-v4:0", """{"texts":["x"]}""", """{"embeddings":[[0.1]]}""", 500, null, null)] // no price for the model
    public void An_invoke_answer_is_priced_from_what_it_says(string modelId, string request, string body, int? input, int? output, double? expected)
    {
        var response = new InvokeModelResponse(Encoding.UTF8.GetBytes(body), "application/json") { InputTokenCount = input, OutputTokenCount = output };

        Assert.Equal((decimal?)expected, Table.EstimateInvoke(modelId, "us-east-1", Encoding.UTF8.GetBytes(request), response));
        Assert.Null(Table.EstimateInvoke(modelId, "eu-west-1", Encoding.UTF8.GetBytes(request), response)); // no price for the region
    }

    [Fact]
    public void Latency_optimized_and_other_tiers_are_not_invoke_standard_prices()
    {
        Assert.True(ModelPriceTable.AtStandardPrices((InvokeModelOptions?)null));
        Assert.True(ModelPriceTable.AtStandardPrices(new InvokeModelOptions { ServiceTier = ServiceTier.Default }));
        Assert.False(ModelPriceTable.AtStandardPrices(new InvokeModelOptions { Latency = LatencyMode.Optimized }));
        Assert.False(ModelPriceTable.AtStandardPrices(new InvokeModelOptions { ServiceTier = ServiceTier.Flex }));
    }

    [Theory]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0", 1000, 200, 0.002)] // 1000 × 1 + 200 × 5, per million
    [InlineData("us.amazon.nova-lite-v1:0", 1000, 0, 0.00025)] // no output: the missing output rate is not needed
    [InlineData("us.amazon.nova-lite-v1:0", 1000, 10, null)] // output and no batch output rate
    [InlineData("amazon.titan-embed-text-v2:0", 1000, 0, null)] // no batch rate at all
    public void A_batch_record_costs_its_tokens_at_the_batch_rates(string modelId, int input, int output, double? expected)
    {
        Assert.Equal((decimal?)expected, Table.EstimateBatch(modelId, "us-east-1", input, output));
    }

    private BedrockRuntimeClient Client(BedrockEmulator emulator, bool priced)
    {
        var options = new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            Retry = new BedrockRetryOptions { MaxAttempts = 1 },
        };
        if (priced)
        {
            options.ModelCatalogFiles.Add(_catalogFile);
        }

        return new BedrockRuntimeClient(options, httpClient: null, TestClients.Environment());
    }
}
