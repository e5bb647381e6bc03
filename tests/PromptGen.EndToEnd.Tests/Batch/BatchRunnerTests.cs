using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Batch;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Batch;

/// <summary>BatchRunner through a generated method, against the emulator's S3 and batch jobs.</summary>
public sealed class BatchRunnerTests : IAsyncLifetime
{
    private readonly BatchEmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private BatchRunOptions Options(BatchQuotas? quotas = null) => new()
    {
        Bucket = BatchEmulatorFixture.Bucket,
        RoleArn = BatchEmulatorFixture.RoleArn,
        PollInterval = TimeSpan.FromMilliseconds(20),
        MaxPollInterval = TimeSpan.FromMilliseconds(200),
        Quotas = quotas ?? new BatchQuotas(),
    };

    private BatchRunner Runner(BatchRunOptions options) => new(_fixture.Runtime, _fixture.S3, options);

    [Fact]
    public async Task A_job_end_to_end_through_a_generated_method_correlates_every_success_and_failure_with_its_input()
    {
        BatchScript.Triage(_fixture.Emulator);
        var progress = new RecordingProgress();
        List<string> tickets = Enumerable.Range(0, 150).Select(BatchScript.Ticket).ToList();

        List<BatchRecordResult<TicketTriage>> results = await Runner(Options()).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets, progress).ToListAsync();

        AssertEveryInputOnce(results, tickets.Count);
        foreach (BatchRecordResult<TicketTriage> result in results)
        {
            string ticket = tickets[(int)result.Index];
            Assert.Equal(result.Index.ToString("D11", System.Globalization.CultureInfo.InvariantCulture), result.RecordId);
            if (ticket.StartsWith("fail", StringComparison.Ordinal))
            {
                Assert.Equal(BatchRecordErrorKind.ModelError, result.Error!.Kind);
                Assert.Equal(400, result.Error.ErrorCode);
                Assert.Contains("refused", result.Error.Message, StringComparison.Ordinal);
            }
            else if (ticket.StartsWith("broken", StringComparison.Ordinal))
            {
                Assert.Equal(BatchRecordErrorKind.InvalidOutput, result.Error!.Kind);
                Assert.Contains(result.Error.ResultErrors, error => error.Path.Contains("priority", StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                Assert.True(result.IsSuccess, result.ToString());
                Assert.Equal(ticket.StartsWith("bill", StringComparison.Ordinal) ? TicketLabel.Billing : TicketLabel.Bug, result.Value.Label);
            }
        }

        // One job, polled through its states to PartiallyCompleted (some records failed); progress counted them all.
        BatchProgress last = progress.Last;
        BatchJobState job = Assert.Single(last.Jobs);
        Assert.Equal(ModelInvocationJobStatus.PartiallyCompleted, job.Status);
        Assert.Contains(progress.Statuses, status => status == ModelInvocationJobStatus.Submitted || status == ModelInvocationJobStatus.InProgress);
        Assert.Equal(150, last.Submitted);
        Assert.Equal(results.Count(r => r.IsSuccess), last.Completed);
        Assert.Equal(results.Count(r => !r.IsSuccess), last.Failed);
        Assert.Equal(BatchEngine.BatchJob, last.Engine);

        // The JSONL record is the request a single call sends for the same input, except that batch inference takes
        // no outputConfig (nor tools): the single call constrains the answer natively, the record puts the schema in
        // its prompt. Everything else is the same.
        string inputKey = Assert.Single(_fixture.Emulator.Batch.ListKeys(BatchEmulatorFixture.Bucket), key => key.EndsWith(".jsonl", StringComparison.Ordinal));
        string firstLine = Encoding.UTF8.GetString(_fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, inputKey)!).Split('\n')[0];
        using JsonDocument record = JsonDocument.Parse(firstLine);
        Assert.Equal("00000000000", record.RootElement.GetProperty("recordId").GetString());
        _fixture.Emulator.ClearRequests();
        await IBatchTriagePrompts.Create(_fixture.Runtime).TriageAsync(tickets[0]);
        using JsonDocument single = JsonDocument.Parse(Assert.Single(_fixture.Emulator.Requests).Body);
        JsonElement modelInput = record.RootElement.GetProperty("modelInput");
        Assert.True(single.RootElement.TryGetProperty("outputConfig", out _));
        Assert.False(modelInput.TryGetProperty("outputConfig", out _));
        Assert.False(modelInput.TryGetProperty("toolConfig", out _));
        Assert.Contains("priority", modelInput.GetRawText(), StringComparison.Ordinal); // the schema, in the prompt
        Assert.Contains(tickets[0], modelInput.GetProperty("messages")[0].GetRawText(), StringComparison.Ordinal);
        string singleUserText = single.RootElement.GetProperty("messages")[0].GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.Contains(singleUserText, modelInput.GetProperty("messages")[0].GetProperty("content")[0].GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runner_made_from_the_Bedrock_client_alone_uses_its_credentials_and_endpoint_for_S3()
    {
        BatchScript.Triage(_fixture.Emulator);
        List<string> tickets = Enumerable.Range(0, 120).Select(BatchScript.Ticket).ToList();

        List<BatchRecordResult<TicketTriage>> results;
        using (var runner = new BatchRunner(_fixture.Runtime, Options()))
        {
            results = await runner.RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync();
        }

        AssertEveryInputOnce(results, tickets.Count);
        Assert.Contains(_fixture.Emulator.Batch.ListKeys(BatchEmulatorFixture.Bucket), key => key.EndsWith(".jsonl.out", StringComparison.Ordinal));

        // The S3 calls are signed with the Bedrock client's credentials: the emulator's S3 refuses a key it does not know.
        using var stranger = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _fixture.Emulator.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIAI44QH8DHBEXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"),
        });
        using var refused = new BatchRunner(stranger, Options());
        var error = await Assert.ThrowsAsync<Amazon.S3.AmazonS3Exception>(() => refused.RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync().AsTask());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task A_file_larger_than_one_part_goes_up_in_parts_and_every_record_comes_back()
    {
        BatchScript.Triage(_fixture.Emulator);
        // 2,000 records of about 3.3 KB: 6.5 MB, more than one 5 MiB part.
        string filler = new('x', 3_200);
        List<string> tickets = Enumerable.Range(0, 2_000).Select(i => BatchScript.Ticket(i) + " " + filler).ToList();
        BatchRunOptions options = Options();
        options.UploadPartSize = 5 * 1024 * 1024;

        List<BatchRecordResult<TicketTriage>> results = await Runner(options).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync();

        AssertEveryInputOnce(results, tickets.Count);
        string inputKey = Assert.Single(_fixture.Emulator.Batch.ListKeys(BatchEmulatorFixture.Bucket), key => key.EndsWith(".jsonl", StringComparison.Ordinal));
        byte[] input = _fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, inputKey)!;
        Assert.True(input.Length > options.UploadPartSize, $"{input.Length} bytes");
        Assert.Equal(tickets.Count, LineCount(inputKey));
        Assert.All(results.Where(r => tickets[(int)r.Index].StartsWith("bill", StringComparison.Ordinal)), r => Assert.Equal(TicketLabel.Billing, r.Value.Label));
    }

    [Fact]
    public async Task Several_parameters_travel_as_the_generated_input_struct_and_text_results_come_back()
    {
        _fixture.Emulator.Script.When(promptContains: "Summarize").ReplyText("short");
        var inputs = Enumerable.Range(0, 100).Select(i => new IBatchTriagePrompts.Batch.SummarizeAsyncInput(i, 5, "text " + i)).ToList();

        List<BatchRecordResult<string>> results = await Runner(Options()).RunAsync(IBatchTriagePrompts.Batch.SummarizeAsync, inputs).ToListAsync();

        AssertEveryInputOnce(results, 100);
        Assert.All(results, result => Assert.Equal("short", result.Value));
        string inputKey = Assert.Single(_fixture.Emulator.Batch.ListKeys(BatchEmulatorFixture.Bucket), key => key.EndsWith(".jsonl", StringComparison.Ordinal));
        Assert.Contains("Summarize ticket 42 in 5 words: text 42", Encoding.UTF8.GetString(_fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, inputKey)!), StringComparison.Ordinal);

        // A text method's record is the request a single call sends for the same input, byte for byte.
        string firstLine = Encoding.UTF8.GetString(_fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, inputKey)!).Split('\n')[0];
        using JsonDocument record = JsonDocument.Parse(firstLine);
        _fixture.Emulator.ClearRequests();
        await IBatchTriagePrompts.Create(_fixture.Runtime).SummarizeAsync(inputs[0].id, inputs[0].words, inputs[0].ticket);
        Assert.Equal(Assert.Single(_fixture.Emulator.Requests).Body, record.RootElement.GetProperty("modelInput").GetRawText());
    }

    [Fact]
    public async Task A_second_client_resumes_a_running_job_from_its_ARN_and_gets_every_result_exactly_once()
    {
        BatchScript.Triage(_fixture.Emulator);
        _fixture.Emulator.Batch.RecordDelay = TimeSpan.FromMilliseconds(10);
        List<string> tickets = Enumerable.Range(0, 150).Select(BatchScript.Ticket).ToList();
        var progress = new RecordingProgress();

        // The first process gets as far as the job's creation, then dies: its client goes away under it, nothing
        // cancels, so the job keeps running.
        BedrockRuntimeClient dying = _fixture.CreateRuntime();
        using Amazon.S3.AmazonS3Client dyingS3 = _fixture.CreateS3();
        progress.OnReport = report =>
        {
            if (report.Jobs.Count > 0)
            {
                dying.Dispose();
            }
        };
        var received = new List<BatchRecordResult<TicketTriage>>();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
        {
            await foreach (BatchRecordResult<TicketTriage> result in new BatchRunner(dying, dyingS3, Options()).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets, progress))
            {
                received.Add(result);
            }
        });

        Assert.Empty(received);
        string arn = Assert.Single(progress.Last.Jobs).JobArn;
        Assert.False(ModelInvocationJobStatus.IsTerminal((await _fixture.ControlPlane.GetModelInvocationJobAsync(arn)).Status));

        using BedrockRuntimeClient runtime = _fixture.CreateRuntime();
        using Amazon.S3.AmazonS3Client s3 = _fixture.CreateS3();
        var second = new BatchRunner(runtime, s3, Options());
        List<BatchRecordResult<TicketTriage>> results = await second.ResumeAsync(IBatchTriagePrompts.Batch.TriageAsync, new[] { arn }).ToListAsync();

        AssertEveryInputOnce(results, tickets.Count);
        Assert.All(results.Where(r => tickets[(int)r.Index].StartsWith("bill", StringComparison.Ordinal)), r => Assert.Equal(TicketLabel.Billing, r.Value.Label));
    }

    [Fact]
    public async Task Inputs_split_across_files_and_jobs_at_the_quotas_and_a_small_remainder_runs_on_demand()
    {
        BatchScript.Triage(_fixture.Emulator);
        _fixture.Emulator.Batch.MinRecordsPerJob = 2;
        var quotas = new BatchQuotas { MinRecordsPerJob = 2, MaxRecordsPerFile = 3, MaxRecordsPerJob = 5 };
        var progress = new RecordingProgress();
        List<string> tickets = Enumerable.Range(0, 11).Select(BatchScript.Ticket).ToList();

        List<BatchRecordResult<TicketTriage>> results = await Runner(Options(quotas)).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets, progress).ToListAsync();

        AssertEveryInputOnce(results, 11);
        Assert.Equal(2, progress.Last.Jobs.Count);
        IReadOnlyList<string> inputFiles = _fixture.Emulator.Batch.ListKeys(BatchEmulatorFixture.Bucket).Where(key => key.EndsWith(".jsonl", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, inputFiles.Count);
        Assert.All(inputFiles, key => Assert.InRange(LineCount(key), 2, 3));

        // The 11th input, alone after two full jobs, went to Converse.
        Assert.Equal("Converse", Assert.Single(_fixture.Emulator.Requests).Operation);
        Assert.Equal(TicketLabel.Billing, results.Single(r => r.Index == 10).Value.Label);
    }

    [Fact]
    public async Task Below_the_minimum_the_inputs_run_on_demand_with_the_same_results()
    {
        BatchScript.Triage(_fixture.Emulator);
        // No "broken" answers: on demand repairs those (a second call), which a batch record cannot.
        List<string> tickets = Enumerable.Range(0, 30).Select(BatchScript.Ticket).Select(t => t.Replace("broken", "bill", StringComparison.Ordinal)).ToList();
        var progress = new RecordingProgress();

        List<BatchRecordResult<TicketTriage>> onDemand = await Runner(Options()).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets, progress).ToListAsync();
        _fixture.Emulator.Batch.MinRecordsPerJob = 1;
        List<BatchRecordResult<TicketTriage>> batched = await Runner(Options(new BatchQuotas { MinRecordsPerJob = 1 })).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, tickets).ToListAsync();

        AssertEveryInputOnce(onDemand, 30);
        Assert.Equal(BatchEngine.OnDemand, progress.Last.Engine);
        Assert.Empty(progress.Last.Jobs);
        Assert.Equal(30, _fixture.Emulator.Requests.Count(r => r.Operation == "Converse"));
        Assert.Equal(Outcomes(batched), Outcomes(onDemand));
    }

    [Fact]
    public async Task Cancellation_stops_the_job_and_no_result_follows()
    {
        BatchScript.Triage(_fixture.Emulator);
        _fixture.Emulator.Batch.RecordDelay = TimeSpan.FromMilliseconds(200);
        var progress = new RecordingProgress();
        using var cancel = new CancellationTokenSource();
        progress.OnReport = report =>
        {
            if (report.Jobs.Any(job => job.Status == ModelInvocationJobStatus.InProgress))
            {
                cancel.Cancel();
            }
        };
        var received = new List<BatchRecordResult<TicketTriage>>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (BatchRecordResult<TicketTriage> result in Runner(Options()).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, Enumerable.Range(0, 150).Select(BatchScript.Ticket), progress, cancel.Token))
            {
                received.Add(result);
            }
        });

        Assert.Empty(received);
        string arn = Assert.Single(progress.Last.Jobs).JobArn;
        ModelInvocationJob job = await _fixture.ControlPlane.GetModelInvocationJobAsync(arn);
        Assert.Contains(job.Status, new[] { ModelInvocationJobStatus.Stopping, ModelInvocationJobStatus.Stopped });
    }

    [Fact]
    public async Task S3_SlowDown_is_retried_and_the_run_completes()
    {
        _fixture.Emulator.Script.Always().ReplyJson("""{"label":"bug","priority":1}""");
        _fixture.Emulator.Batch.SlowDownS3(2);

        List<BatchRecordResult<TicketTriage>> results = await Runner(Options()).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, Enumerable.Range(0, 100).Select(i => "bug " + i)).ToListAsync();

        AssertEveryInputOnce(results, 100);
        Assert.All(results, r => Assert.True(r.IsSuccess));
    }

    [Fact]
    public async Task A_job_that_fails_gives_every_record_the_jobs_error()
    {
        _fixture.Emulator.Script.Always().ReplyJson("""{"label":"bug","priority":1}""");
        _fixture.Emulator.Batch.FailNextJob("The service role cannot read the input.");

        List<BatchRecordResult<TicketTriage>> results = await Runner(Options()).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, Enumerable.Range(0, 100).Select(i => "bug " + i)).ToListAsync();

        AssertEveryInputOnce(results, 100);
        Assert.All(results, r =>
        {
            Assert.Equal(BatchRecordErrorKind.JobEnded, r.Error!.Kind);
            Assert.Contains("Failed: The service role cannot read the input.", r.Error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_malformed_output_line_is_that_records_error_and_the_others_read_fine()
    {
        _fixture.Emulator.Script.Always().ReplyJson("""{"label":"bug","priority":1}""");
        _fixture.Emulator.Batch.MalformOutputLine("00000000003");

        List<BatchRecordResult<TicketTriage>> results = await Runner(Options()).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, Enumerable.Range(0, 100).Select(i => "bug " + i)).ToListAsync();

        AssertEveryInputOnce(results, 100);
        BatchRecordResult<TicketTriage> broken = results.Single(r => r.Index == 3);
        Assert.Equal(BatchRecordErrorKind.MalformedOutput, broken.Error!.Kind);
        Assert.Equal(99, results.Count(r => r.IsSuccess));
    }

    [Fact]
    public async Task Five_thousand_records_come_back_once_each()
    {
        _fixture.Emulator.Script.Always().ReplyJson("""{"label":"billing","priority":3}""");
        var quotas = new BatchQuotas { MaxRecordsPerFile = 2_000 };

        List<BatchRecordResult<TicketTriage>> results = await Runner(Options(quotas)).RunAsync(IBatchTriagePrompts.Batch.TriageAsync, Enumerable.Range(0, 5_000).Select(i => "bill " + i)).ToListAsync();

        AssertEveryInputOnce(results, 5_000);
        Assert.All(results, r => Assert.Equal(TicketLabel.Billing, r.Value.Label));
    }

    private int LineCount(string key) =>
        Encoding.UTF8.GetString(_fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, key)!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    private static List<string> Outcomes(List<BatchRecordResult<TicketTriage>> results) =>
        results.OrderBy(r => r.Index).Select(r => r.IsSuccess ? $"{r.Index}:{r.Value}" : $"{r.Index}:{r.Error!.Kind}").ToList();

    private static void AssertEveryInputOnce<T>(List<BatchRecordResult<T>> results, int count)
    {
        Assert.Equal(count, results.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), results.Select(r => r.Index).OrderBy(i => i));
    }

    /// <summary>Keeps every report (IProgress without a synchronization context runs on the thread pool).</summary>
    private sealed class RecordingProgress : IProgress<BatchProgress>
    {
        private readonly ConcurrentQueue<BatchProgress> _reports = new();

        public Action<BatchProgress>? OnReport { get; set; }

        public BatchProgress Last => _reports.Last();

        public IEnumerable<string> Statuses => _reports.SelectMany(report => report.Jobs.Select(job => job.Status));

        public void Report(BatchProgress value)
        {
            _reports.Enqueue(value);
            OnReport?.Invoke(value);
        }
    }
}
