using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>
/// Estimated cost against the emulator: each call's usage at the prices of a project's catalog file, summed over
/// repairs and fallback models, and no estimate at all when a model called has no price. The prices are test
/// figures in a test file, not AWS's.
/// </summary>
public sealed class CostEstimateTests : IAsyncLifetime
{
    private const string Primary = ConversationPrompts.Primary; // us.amazon.nova-micro-v1:0
    private const string Fallback = ConversationPrompts.Fallback; // us.anthropic.claude-haiku-4-5-20251001-v1:0

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"promptgen-cost-{Guid.NewGuid():N}");
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _emulator = await BedrockEmulator.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Cost_is_summed_over_the_repair_and_the_fallback_model()
    {
        using BedrockRuntimeClient client = Client(PriceFile(micro: true, haiku: true));
        _emulator.Script.When(model: Primary).Usage(input: 10_000, output: 4_000).ReplyToolUse(null, """{"stars":9,"reason":"Great"}""");
        _emulator.Script.When(model: Fallback).Usage(input: 30_000, output: 6_000).ReplyJson("""{"stars":5,"reason":"Great"}""");

        PromptResult<Rating> result = await IConversationPrompts.Create(client).RateAsync([], "Great kettle.");

        Assert.Equal(3, result.Attempts.Count); // the first answer, its repair, the fallback
        decimal micro = ((10_000 * 0.5m) + (4_000 * 2m)) / 1_000_000m; // 0.013 per call
        decimal haiku = ((30_000 * 2m) + (6_000 * 10m)) / 1_000_000m; // 0.12
        Assert.Equal(micro, result.Attempts[0].Usage!.EstimatedCostUsd);
        Assert.Equal(haiku, result.Attempts[2].Usage!.EstimatedCostUsd);
        Assert.Equal(micro + micro + haiku, result.EstimatedCostUsd);
        Assert.Equal(0.146m, result.EstimatedCostUsd);
    }

    [Fact]
    public async Task A_model_without_a_price_leaves_the_whole_result_without_an_estimate()
    {
        using BedrockRuntimeClient client = Client(PriceFile(micro: true, haiku: false));
        _emulator.Script.When(model: Primary).Usage(input: 10, output: 4).ReplyToolUse(null, """{"stars":9,"reason":"Great"}""");
        _emulator.Script.When(model: Fallback).Usage(input: 30, output: 6).ReplyJson("""{"stars":5,"reason":"Great"}""");

        PromptResult<Rating> result = await IConversationPrompts.Create(client).RateAsync([], "Great kettle.");

        Assert.NotNull(result.Attempts[0].Usage!.EstimatedCostUsd);
        Assert.Null(result.Attempts[2].Usage!.EstimatedCostUsd);
        Assert.Null(result.EstimatedCostUsd); // never a total that leaves a call out
        Assert.Equal(10 + 10 + 30, result.Usage.InputTokens);
    }

    [Fact]
    public async Task Prices_for_another_region_give_no_estimate()
    {
        // The emulator serves us-east-1; these prices are for calls made from eu-west-1.
        using BedrockRuntimeClient client = Client(PriceFile(micro: true, haiku: true, region: "eu-west-1"));
        _emulator.Script.When(model: Fallback).Usage(input: 30, output: 6).ReplyText("A short summary.");
        _emulator.Script.When(model: Primary).ReplyError("ThrottlingException", 429, "Too many tokens");

        PromptResult<string> result = await IConversationPrompts.Create(client).SummarizeAsync("A long text.");

        Assert.Equal(Fallback, result.ModelId);
        Assert.Null(result.EstimatedCostUsd);
    }

    [Fact]
    public async Task A_stream_carries_its_estimate_after_its_last_event()
    {
        using BedrockRuntimeClient client = Client(PriceFile(micro: true, haiku: true));
        _emulator.Script.When(model: Primary).Usage(input: 2_000, output: 500).ReplyText("Streamed words here.");

        PromptStream stream = IConversationPrompts.Create(client).StreamAsync([], "Tell me.");
        Assert.Null(stream.EstimatedCostUsd);
        await stream.ReadToEndAsync();

        Assert.Equal(((2_000 * 0.5m) + (500 * 2m)) / 1_000_000m, stream.EstimatedCostUsd);
        Assert.Equal(stream.EstimatedCostUsd, stream.ToResult().EstimatedCostUsd);
    }

    [Fact]
    public async Task Without_catalog_prices_no_result_has_an_estimate()
    {
        // The built-in catalog holds no price it could not source (docs/model-catalog.md), so a plain client has none.
        using BedrockRuntimeClient client = Client(catalogFile: null);
        _emulator.Script.When(model: Fallback).Usage(input: 30, output: 6).ReplyText("A short summary.");
        _emulator.Script.When(model: Primary).Usage(input: 30, output: 6).ReplyText("A short summary.");

        PromptResult<string> result = await IConversationPrompts.Create(client).SummarizeAsync("A long text.");

        Assert.Equal(36, result.Usage.TotalTokens);
        Assert.Null(result.EstimatedCostUsd);
    }

    private BedrockRuntimeClient Client(string? catalogFile)
    {
        var options = new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        if (catalogFile is not null)
        {
            options.ModelCatalogFiles.Add(catalogFile);
        }

        return new BedrockRuntimeClient(options);
    }

    private string PriceFile(bool micro, bool haiku, string region = "us-east-1")
    {
        string microRow = """
            { "id": "amazon.nova-micro-v1:0", "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 0.5, "outputPerMillion": 2, "asOf": "2026-12-01", "source": "https://example.test/prices" } ] }
            """;
        string haikuRow = """
            { "id": "anthropic.claude-haiku-4-5-20251001-v1:0", "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 2, "outputPerMillion": 10, "asOf": "2026-12-01", "source": "https://example.test/prices" } ] }
            """;
        microRow = microRow.Replace("us-east-1", region, StringComparison.Ordinal);
        haikuRow = haikuRow.Replace("us-east-1", region, StringComparison.Ordinal);
        string rows = string.Join(",", new[] { micro ? microRow : null, haiku ? haikuRow : null }.OfType<string>());
        string path = Path.Combine(_directory, $"promptgen.models.{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{ "asOf": "2026-12-01", "models": [ {{rows}} ] }""");
        return path;
    }
}
