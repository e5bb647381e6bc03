using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Batch;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Batch;

/// <summary>
/// A batch run's estimated cost: a job's record at the model's batch token rates, a record run on demand at the
/// on-demand rates, the run's total only when every record's is known. Test prices, not AWS's.
/// </summary>
public sealed class BatchCostTests : IAsyncLifetime
{
    private const string Prices = """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "anthropic.claude-haiku-4-5-20251001-v1:0",
              "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 2, "outputPerMillion": 10, "batchInputPerMillion": 1, "batchOutputPerMillion": 5, "asOf": "2026-12-01", "source": "https://example.test/prices" } ]
            }
          ]
        }
        """;

    private readonly BatchEmulatorFixture _fixture = new();
    private readonly string _catalogFile = Path.Combine(Path.GetTempPath(), $"promptgen.models.{Guid.NewGuid():N}.json");
    private BedrockRuntimeClient _priced = null!;

    public async ValueTask InitializeAsync()
    {
        await _fixture.InitializeAsync();
        File.WriteAllText(_catalogFile, Prices);
        _priced = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _fixture.Emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            ModelCatalogFiles = { _catalogFile },
        });
    }

    public async ValueTask DisposeAsync()
    {
        _priced.Dispose();
        File.Delete(_catalogFile);
        await _fixture.DisposeAsync();
    }

    private static BatchRunOptions Options(BatchEngine engine) => new()
    {
        Bucket = BatchEmulatorFixture.Bucket,
        RoleArn = BatchEmulatorFixture.RoleArn,
        PollInterval = TimeSpan.FromMilliseconds(20),
        MaxPollInterval = TimeSpan.FromMilliseconds(200),
        Engine = engine,
    };

    private void ScriptWithUsage()
    {
        _fixture.Emulator.Script.When(promptContains: "ticket: bill").Usage(1_000, 200).ReplyJson("""{"label":"billing","priority":2}""");
        _fixture.Emulator.Script.When(promptContains: "ticket: bug").Usage(1_000, 200).ReplyJson("""{"label":"bug","priority":4}""");
        _fixture.Emulator.Script.When(promptContains: "ticket: fail").ReplyError("ValidationException", 400, "The record was refused.");
    }

    [Fact]
    public async Task Job_records_cost_their_tokens_at_the_batch_rates_and_the_run_sums_them()
    {
        ScriptWithUsage();
        List<string> tickets = Enumerable.Range(0, 110).Select(i => i % 2 == 0 ? $"bill {i}" : $"bug {i}").ToList();
        using var runner = new BatchRunner(_priced, _fixture.S3, Options(BatchEngine.BatchJob));

        List<BatchRecordResult<TicketTriage>> results = await runner.RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync();

        Assert.Equal(110, results.Count);
        Assert.All(results, result => Assert.Equal(0.002m, result.EstimatedCostUsd)); // 1000 × 1 + 200 × 5, per million
        Assert.Equal(0.22m, results.EstimatedCostUsd());
    }

    [Fact]
    public async Task A_failed_record_has_no_estimate_and_the_run_total_is_unknown()
    {
        ScriptWithUsage();
        List<string> tickets = Enumerable.Range(0, 110).Select(i => i == 7 ? "fail 7" : $"bill {i}").ToList();
        using var runner = new BatchRunner(_priced, _fixture.S3, Options(BatchEngine.BatchJob));

        List<BatchRecordResult<TicketTriage>> results = await runner.RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync();

        BatchRecordResult<TicketTriage> failed = Assert.Single(results, result => !result.IsSuccess);
        Assert.Null(failed.EstimatedCostUsd);
        Assert.All(results.Where(result => result.IsSuccess), result => Assert.Equal(0.002m, result.EstimatedCostUsd));
        Assert.Null(results.EstimatedCostUsd());
    }

    [Fact]
    public async Task A_repaired_record_costs_its_batch_answer_at_batch_rates_plus_its_repair_at_on_demand_rates()
    {
        _fixture.Emulator.Script.When(promptContains: "Your previous answer was not valid").Usage(3_000, 100).ReplyJson("""{"label":"other","priority":3}""");
        _fixture.Emulator.Script.When(promptContains: "ticket: broken").Usage(1_000, 200).ReplyJson("""{"label":"other","priority":9}""");
        ScriptWithUsage();
        List<string> tickets = Enumerable.Range(0, 110).Select(i => i == 5 ? "broken 5" : $"bill {i}").ToList();
        BatchRunOptions options = Options(BatchEngine.BatchJob);
        options.RepairInvalidOutput = true;
        using var runner = new BatchRunner(_priced, _fixture.S3, options);

        List<BatchRecordResult<TicketTriage>> results = await runner.RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync();

        BatchRecordResult<TicketTriage> repaired = Assert.Single(results, result => result.OnDemandRepairs == 1);
        Assert.Equal(5, repaired.Index);
        // The batch answer: 1000 × 1 + 200 × 5 = 0.002; the repair call: 3000 × 2 + 100 × 10 = 0.007, per million.
        Assert.Equal(0.009m, repaired.EstimatedCostUsd);
        Assert.Equal((109 * 0.002m) + 0.009m, results.EstimatedCostUsd());
    }

    [Fact]
    public async Task On_demand_records_cost_their_calls_at_the_on_demand_rates()
    {
        ScriptWithUsage();
        using var runner = new BatchRunner(_priced, _fixture.S3, Options(BatchEngine.OnDemand));

        List<BatchRecordResult<TicketTriage>> results = await runner.RunAsync(IBatchTriagePrompts.Batch.TriageAsync, new[] { "bill 0", "bug 1", "bill 2" }).ToListAsync();

        Assert.All(results, result => Assert.Equal(0.004m, result.EstimatedCostUsd)); // 1000 × 2 + 200 × 10, per million
        Assert.Equal(0.012m, results.EstimatedCostUsd());
    }

    [Fact]
    public async Task Without_batch_prices_job_records_have_no_estimate()
    {
        ScriptWithUsage();
        List<string> tickets = Enumerable.Range(0, 105).Select(i => $"bill {i}").ToList();
        using var runner = new BatchRunner(_fixture.Runtime, _fixture.S3, Options(BatchEngine.BatchJob));

        List<BatchRecordResult<TicketTriage>> results = await runner.RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync();

        Assert.All(results, result => Assert.Null(result.EstimatedCostUsd));
        Assert.Null(results.EstimatedCostUsd());
        Assert.Equal(0m, Array.Empty<BatchRecordResult<TicketTriage>>().EstimatedCostUsd());
    }
}
