using System;
using System.Collections.Generic;
using System.IO;
using PromptGen.Bedrock;
using PromptGen.Pricing;
using Xunit;

namespace PromptGen.Tests.Pricing;

/// <summary>
/// The runtime's price table: a call's usage times the catalog price of its model, endpoint and region, exactly, and
/// no estimate whenever a rate it needs is missing. The prices here are test figures, not AWS's.
/// </summary>
public sealed class ModelPriceTableTests
{
    private const string Haiku = "anthropic.claude-haiku-4-5-20251001-v1:0";

    private const string Prices = """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "anthropic.claude-haiku-4-5-20251001-v1:0",
              "prices": [
                { "region": "us-east-1", "endpoints": ["geo", "inRegion"], "inputPerMillion": 2, "outputPerMillion": 10, "cacheReadPerMillion": 0.2, "cacheWritePerMillion": 2.5, "asOf": "2026-12-01", "source": "https://example.test/prices" },
                { "region": "us-east-1", "endpoints": ["global"], "inputPerMillion": 1.8, "outputPerMillion": 9, "asOf": "2026-12-01", "source": "https://example.test/prices" }
              ]
            },
            {
              "id": "amazon.nova-micro-v1:0",
              "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 0.5, "asOf": "2026-12-01", "source": "https://example.test/prices" } ]
            }
          ]
        }
        """;

    private static readonly ModelPriceTable Table = ModelPriceTable.Parse(Prices);

    [Theory]
    [InlineData("us." + Haiku, 1000, 200, 0.004)] // 1000 × 2 + 200 × 10, per million
    [InlineData(Haiku, 1000, 200, 0.004)]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/" + Haiku, 1000, 200, 0.004)]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu." + Haiku, 1000, 200, 0.004)]
    [InlineData("global." + Haiku, 1000, 200, 0.0036)] // the global profile's own price: 1000 × 1.8 + 200 × 9
    public void Usage_times_the_price_of_the_endpoint_is_the_estimate(string modelId, int input, int output, double expected)
    {
        decimal? cost = Table.Estimate(modelId, "us-east-1", new TokenUsage { InputTokens = input, OutputTokens = output });

        Assert.Equal((decimal)expected, cost);
    }

    [Fact]
    public void Cache_reads_and_writes_are_priced_at_their_own_rates()
    {
        var usage = new TokenUsage { InputTokens = 100, OutputTokens = 50, CacheReadInputTokens = 10_000, CacheWriteInputTokens = 4_000 };

        // 100 × 2 + 50 × 10 + 10,000 × 0.2 + 4,000 × 2.5 = 200 + 500 + 2,000 + 10,000 = 12,700 per million.
        Assert.Equal(0.0127m, Table.Estimate("us." + Haiku, "us-east-1", usage));
    }

    [Theory]
    [InlineData("global." + Haiku, "us-east-1", true, false)] // the global price has no cache-read rate
    [InlineData("us." + Haiku, "eu-west-1", false, false)] // no price for the region
    [InlineData("us.amazon.nova-micro-v1:0", "us-east-1", false, false)] // no output rate
    [InlineData("amazon.nova-micro-v1:0", "us-east-1", false, false)] // a geo price only
    [InlineData("us.amazon.nova-pro-v1:0", "us-east-1", false, false)] // no price at all
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123", "us-east-1", false, false)] // names no model
    [InlineData("us." + Haiku, "us-east-1", false, true)] // a one-hour cache write: no rate for it
    public void Without_every_rate_the_usage_needs_there_is_no_estimate(string modelId, string region, bool cacheRead, bool oneHourWrite)
    {
        var usage = new TokenUsage { InputTokens = 100, OutputTokens = 50, CacheReadInputTokens = cacheRead ? 10 : null };
        if (oneHourWrite)
        {
            usage.CacheWriteInputTokens = 30;
            usage.CacheDetails = new List<CacheDetail> { new() { Ttl = CacheTtl.OneHour, InputTokens = 30 } };
        }

        Assert.Null(Table.Estimate(modelId, region, usage));
    }

    [Fact]
    public void Latency_optimized_and_service_tier_requests_are_not_at_standard_prices()
    {
        Assert.True(ModelPriceTable.AtStandardPrices(new ConverseRequest()));
        Assert.True(ModelPriceTable.AtStandardPrices(new ConverseRequest { ServiceTier = ServiceTier.Default }));
        Assert.False(ModelPriceTable.AtStandardPrices(new ConverseRequest { PerformanceConfig = new PerformanceConfiguration { Latency = LatencyMode.Optimized } }));
        Assert.False(ModelPriceTable.AtStandardPrices(new ConverseRequest { ServiceTier = ServiceTier.Flex }));
    }

    [Theory]
    [InlineData("""{ "models": [ { "id": "a.b-v1:0", "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 1, "asOf": "2026-12-01" } ] } ] }""", "models[0].prices[0].source")]
    [InlineData("""{ "models": [ { "id": "a.b-v1:0", "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": -1, "asOf": "2026-12-01", "source": "s" } ] } ] }""", "models[0].prices[0].inputPerMillion")]
    [InlineData("""{ "models": [ { "id": "a.b-v1:0", "prices": [ { "region": "us-east-1", "endpoints": ["moon"], "asOf": "2026-12-01", "source": "s" } ] } ] }""", "models[0].prices[0].endpoints")]
    [InlineData("""{ "models": [ { "id": "a.b-v1:0", "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "asOf": "1 Dec", "source": "s" } ] } ] }""", "models[0].prices[0].asOf")]
    [InlineData("""{ "models": [ { "prices": [] } ] }""", "models[0].id")]
    [InlineData("""{ "models": 3 }""", "'models' array")]
    [InlineData("""{ "models": [ """, "not valid JSON")]
    [InlineData("""{ "models": [ { "id": "\uD800", "prices": [] } ] }""", "not valid text")] // an escaped one: fuzz finding too
    public void A_price_that_does_not_read_is_a_fault_naming_its_place(string json, string place)
    {
        InvalidDataException fault = Assert.Throws<InvalidDataException>(() => ModelPriceTable.Parse(json));

        Assert.Contains(place, fault.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_a_lone_surrogate_is_a_fault_not_an_argument_exception()
    {
        // Fuzz finding (catalog-file): built in code, as an attribute cannot carry a lone surrogate through metadata.
        string json = "{ \"models\": [ { \"id\": \"a\uD800\", \"prices\": [] } ] }";
        Assert.True(char.IsSurrogate(json[json.IndexOf('a', StringComparison.Ordinal) + 1]));

        InvalidDataException fault = Assert.Throws<InvalidDataException>(() => ModelPriceTable.Parse(json));

        Assert.Contains("not valid JSON", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_file_that_cannot_be_used_fails_the_client_at_creation()
    {
        string path = Path.Combine(Path.GetTempPath(), $"promptgen-prices-{System.Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "models": [ { "id": "a.b-v1:0", "prices": [ { "endpoints": ["geo"] } ] } ] }""");
        try
        {
            var options = new BedrockOptions { Region = "us-east-1", BearerToken = "test-token", ModelCatalogFiles = { path } };

            BedrockConfigurationException fault = Assert.Throws<BedrockConfigurationException>(() => new BedrockRuntimeClient(options));

            Assert.Contains(path, fault.Message, System.StringComparison.Ordinal);
            Assert.Contains("models[0].prices[0].region", fault.Message, System.StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
