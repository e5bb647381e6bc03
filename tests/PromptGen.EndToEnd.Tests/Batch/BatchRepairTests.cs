using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Batch;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Batch;

/// <summary>
/// <see cref="BatchRunOptions.RepairInvalidOutput"/>: a batch record whose answer fails validation is repaired on
/// demand through the method's repair turns, from the request and answer in its output line.
/// </summary>
public sealed class BatchRepairTests : IAsyncLifetime
{
    private const string RepairMarker = "Your previous answer was not valid";
    private readonly BatchEmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private BatchRunner Runner(bool repair) => new(_fixture.Runtime, _fixture.S3, new BatchRunOptions
    {
        Bucket = BatchEmulatorFixture.Bucket,
        RoleArn = BatchEmulatorFixture.RoleArn,
        PollInterval = TimeSpan.FromMilliseconds(20),
        MaxPollInterval = TimeSpan.FromMilliseconds(200),
        RepairInvalidOutput = repair,
        MaxConcurrency = 3,
    });

    private static List<string> Tickets => Enumerable.Range(0, 150).Select(BatchScript.Ticket).ToList();

    [Fact]
    public async Task An_invalid_record_is_repaired_on_demand_with_its_own_request_and_answer_and_comes_back_once()
    {
        // Tried first: only a repair turn carries the marker, and it holds the original ticket text too.
        _fixture.Emulator.Script.When(promptContains: RepairMarker).ReplyJson("""{"label":"other","priority":3}""");
        BatchScript.Triage(_fixture.Emulator);
        List<string> tickets = Tickets;

        List<BatchRecordResult<TicketTriage>> results = await Runner(repair: true).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync();

        Assert.Equal(Enumerable.Range(0, tickets.Count).Select(i => (long)i), results.Select(r => r.Index).OrderBy(i => i));
        var broken = results.Where(r => tickets[(int)r.Index].StartsWith("broken", StringComparison.Ordinal)).ToList();
        Assert.Equal(tickets.Count(t => t.StartsWith("broken", StringComparison.Ordinal)), broken.Count);
        Assert.NotEmpty(broken);
        Assert.All(broken, r =>
        {
            Assert.True(r.IsSuccess, r.ToString());
            Assert.Equal(new TicketTriage(TicketLabel.Other, 3), r.Value);
            Assert.Equal(1, r.OnDemandRepairs);
        });
        Assert.All(results.Except(broken), r => Assert.Equal(0, r.OnDemandRepairs));
        Assert.All(results.Where(r => tickets[(int)r.Index].StartsWith("fail", StringComparison.Ordinal)), r => Assert.Equal(BatchRecordErrorKind.ModelError, r.Error!.Kind));

        // One Converse call per broken record: the record's request, the job's invalid answer, then the repair turn
        // naming what was wrong.
        List<RecordedRequest> repairs = _fixture.Emulator.Requests.Where(r => r.Operation == "Converse").ToList();
        Assert.Equal(broken.Count, repairs.Count);
        Assert.All(repairs, request =>
        {
            Assert.Equal("us.anthropic.claude-haiku-4-5-20251001-v1:0", request.ModelId);
            using JsonDocument body = JsonDocument.Parse(request.Body);
            JsonElement[] messages = body.RootElement.GetProperty("messages").EnumerateArray().ToArray();
            Assert.Equal(3, messages.Length);
            Assert.Contains("ticket: broken", messages[0].GetRawText(), StringComparison.Ordinal);
            Assert.Equal("assistant", messages[1].GetProperty("role").GetString());
            Assert.Contains("priority", messages[1].GetRawText(), StringComparison.Ordinal);
            Assert.Contains(RepairMarker, messages[2].GetRawText(), StringComparison.Ordinal);
            Assert.Contains("priority", messages[2].GetRawText(), StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(
            repairs.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("messages")[0].GetRawText()).OrderBy(t => t, StringComparer.Ordinal),
            broken.Select(r => BatchInputLine(r.Index)).OrderBy(t => t, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_repair_that_is_invalid_again_ends_as_invalid_output_after_the_methods_repair_attempts()
    {
        _fixture.Emulator.Script.When(promptContains: RepairMarker).ReplyJson("""{"label":"other","priority":7}""");
        BatchScript.Triage(_fixture.Emulator);
        List<string> tickets = Tickets;

        List<BatchRecordResult<TicketTriage>> results = await Runner(repair: true).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync();

        Assert.Equal(tickets.Count, results.Count);
        Assert.All(results.Where(r => tickets[(int)r.Index].StartsWith("broken", StringComparison.Ordinal)), r =>
        {
            Assert.Equal(BatchRecordErrorKind.InvalidOutput, r.Error!.Kind);
            Assert.Equal(1, r.OnDemandRepairs); // the method's default MaxRepairAttempts
            Assert.Contains("7", r.Error.OutputText, StringComparison.Ordinal);
            Assert.Contains(r.Error.ResultErrors, e => e.Path.Contains("priority", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task Without_the_option_no_call_is_made_on_demand()
    {
        _fixture.Emulator.Script.When(promptContains: RepairMarker).ReplyJson("""{"label":"other","priority":3}""");
        BatchScript.Triage(_fixture.Emulator);
        List<string> tickets = Tickets;

        List<BatchRecordResult<TicketTriage>> results = await Runner(repair: false).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync();

        Assert.Equal(tickets.Count(t => t.StartsWith("broken", StringComparison.Ordinal)), results.Count(r => r.Error?.Kind == BatchRecordErrorKind.InvalidOutput));
        Assert.All(results, r => Assert.Equal(0, r.OnDemandRepairs));
        Assert.DoesNotContain(_fixture.Emulator.Requests, r => r.Operation == "Converse");
    }

    /// <summary>The first message of the record's line in the job's input file, as the job received it.</summary>
    private string BatchInputLine(long index)
    {
        string recordId = index.ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
        foreach (string key in _fixture.Emulator.Batch.ListKeys(BatchEmulatorFixture.Bucket).Where(k => k.EndsWith(".jsonl", StringComparison.Ordinal)))
        {
            foreach (string line in System.Text.Encoding.UTF8.GetString(_fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, key)!).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using JsonDocument record = JsonDocument.Parse(line);
                if (record.RootElement.GetProperty("recordId").GetString() == recordId)
                {
                    return record.RootElement.GetProperty("modelInput").GetProperty("messages")[0].GetRawText();
                }
            }
        }

        throw new InvalidOperationException("No input line for record " + recordId);
    }
}
