using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PromptGen.Testing;
using PromptGen.Tests.Logging;
using Xunit;

namespace PromptGen.Tests.Telemetry;

/// <summary>
/// A call's estimated cost in telemetry: a span attribute, a measurement of PromptGen's cost histogram and an
/// Information log, only for calls the catalog prices. Test prices, not AWS's.
/// </summary>
public sealed class CostTelemetryTests : IDisposable
{
    private readonly string _catalogFile = Path.Combine(Path.GetTempPath(), $"promptgen.models.{Guid.NewGuid():N}.json");

    public CostTelemetryTests() => File.WriteAllText(_catalogFile, """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "anthropic.claude-haiku-4-5-20251001-v1:0",
              "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 2, "outputPerMillion": 10, "asOf": "2026-12-01", "source": "https://example.test/prices" } ]
            }
          ]
        }
        """);

    public void Dispose() => File.Delete(_catalogFile);

    [Fact]
    public async Task A_priced_call_has_its_estimate_on_the_span_the_cost_histogram_and_an_information_log()
    {
        using var telemetry = new TelemetryCollector();
        using var logs = new CapturingLoggerProvider();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Summarize").Usage(1_000, 200).ReplyText("Short.");
        await using ServiceProvider provider = Services(emulator, logs, priced: true);

        await provider.GetRequiredService<ITracedPrompts>().SummarizeAsync("a long text");

        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("server.port"), emulator.Endpoint.Port)));
        Assert.Equal(0.004, (double)span.GetTagItem("promptgen.usage.estimated_cost_usd")!, 12); // 1000 × 2 + 200 × 10, per million
        Measurement cost = Assert.Single(telemetry.Measurements("promptgen.client.estimated_cost", m => Equals(m.Tag("server.port"), emulator.Endpoint.Port)));
        Assert.Equal("USD", cost.Instrument.Unit);
        Assert.Equal(0.004, cost.Value, 12);
        Assert.Equal("us.anthropic.claude-haiku-4-5-20251001-v1:0", cost.Tag("gen_ai.request.model"));
        LogEntry log = Assert.Single(logs.Entries, e => e.EventId.Name == "CostEstimated");
        Assert.Equal(LogLevel.Information, log.Level);
        Assert.Equal(0.004m, log.Values["EstimatedCostUsd"]);
        Assert.Contains("estimated cost 0.004 USD", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unpriced_call_records_no_cost()
    {
        using var telemetry = new TelemetryCollector();
        using var logs = new CapturingLoggerProvider();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Summarize").Usage(1_000, 200).ReplyText("Short.");
        await using ServiceProvider provider = Services(emulator, logs, priced: false);

        await provider.GetRequiredService<ITracedPrompts>().SummarizeAsync("a long text");

        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("server.port"), emulator.Endpoint.Port)));
        Assert.Null(span.GetTagItem("promptgen.usage.estimated_cost_usd"));
        Assert.Equal(1_000, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Empty(telemetry.Measurements("promptgen.client.estimated_cost", m => Equals(m.Tag("server.port"), emulator.Endpoint.Port)));
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Name == "CostEstimated");
    }

    private ServiceProvider Services(BedrockEmulator emulator, CapturingLoggerProvider logs, bool priced)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddPromptGen(options =>
        {
            options.Region = "us-east-1";
            options.Endpoint = emulator.Endpoint;
            options.Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);
            if (priced)
            {
                options.ModelCatalogFiles.Add(_catalogFile);
            }
        });
        services.AddPromptClient<ITracedPrompts>();
        return services.BuildServiceProvider();
    }
}
