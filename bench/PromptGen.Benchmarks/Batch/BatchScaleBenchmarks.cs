using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using BenchmarkDotNet.Attributes;
using PromptGen.Batch;

namespace PromptGen.Benchmarks.Batch;

/// <summary>
/// Issue 19's scale goal, end to end: <see cref="Records"/> tickets through one generated method, as Bedrock batch jobs
/// (JSONL streamed to S3 by multipart, two jobs of 50,000 at 100,000, output read as it appears) and, as the baseline,
/// on demand (one Converse call each, 16 at a time), against <c>promptgen emulator</c> in its own process. Besides time,
/// the summary shows records per second and the peak managed memory this process held (<see cref="PeakManagedMemory"/>),
/// which must not grow with the record count.
/// </summary>
[Config(typeof(BatchScaleColumns.Config))]
public class BatchScaleBenchmarks
{
    // AWS's documentation example pair, which the emulator accepts: not a secret.
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Bucket = "promptgen-bench";

    private EmulatorProcess _emulator = null!;
    private BedrockRuntimeClient _runtime = null!;
    private AmazonS3Client _s3 = null!;
    private string _script = null!;

    /// <summary>How many tickets a run triages: 10,000 and 100,000, or <c>PROMPTGEN_BENCH_BATCH_RECORDS</c> (comma-separated; the CI smoke uses a small count).</summary>
    [ParamsSource(nameof(RecordCounts))]
    public int Records { get; set; }

    public static IEnumerable<int> RecordCounts() =>
        (Environment.GetEnvironmentVariable("PROMPTGEN_BENCH_BATCH_RECORDS") ?? "10000,100000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(count => int.Parse(count, NumberStyles.None, CultureInfo.InvariantCulture));

    // One set-up per method, so each forgets only its own earlier peaks (a set-up runs before every case).
    [GlobalSetup(Target = nameof(BatchJobs))]
    public Task SetUpBatchJobs() => StartEmulatorAsync(nameof(BatchJobs));

    [GlobalSetup(Target = nameof(OnDemand))]
    public Task SetUpOnDemand() => StartEmulatorAsync(nameof(OnDemand));

    private async Task StartEmulatorAsync(string method)
    {
        _script = Path.Combine(Path.GetTempPath(), $"promptgen-bench-script-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(_script, """{"rules":[{"promptContains":"ticket","reply":{"json":{"label":"bug","priority":3},"inputTokens":60,"outputTokens":14}}]}""");
        _emulator = EmulatorProcess.Start("--script", _script);
        var credentials = new BasicAWSCredentials(AccessKeyId, SecretAccessKey);
        _runtime = new BedrockRuntimeClient(new BedrockOptions { Region = "us-east-1", Endpoint = _emulator.Endpoint, Credentials = credentials });
        _s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = _emulator.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await _s3.PutBucketAsync(Bucket);
        PeakManagedMemory.Reset(BatchScaleColumns.CaseName(method, Records));
    }

    [GlobalCleanup]
    public void StopEmulator()
    {
        _s3.Dispose();
        _runtime.Dispose();
        _emulator.Dispose();
        File.Delete(_script);
    }

    [Benchmark]
    public Task<long> BatchJobs() => RunAsync(nameof(BatchJobs), BatchEngine.BatchJob);

    [Benchmark(Baseline = true)]
    public Task<long> OnDemand() => RunAsync(nameof(OnDemand), BatchEngine.OnDemand);

    private async Task<long> RunAsync(string method, BatchEngine engine)
    {
        var runner = new BatchRunner(_runtime, _s3, new BatchRunOptions
        {
            Bucket = Bucket,
            RoleArn = "arn:aws:iam::123456789012:role/BedrockBatch",
            Engine = engine,
            MaxConcurrency = 16,
            PollInterval = TimeSpan.FromMilliseconds(100),
            MaxPollInterval = TimeSpan.FromMilliseconds(500),
        });

        long succeeded = 0;
        using (PeakManagedMemory.Start(BatchScaleColumns.CaseName(method, Records)))
        {
            await foreach (BatchRecordResult<BenchTriage> result in runner.RunAsync(IBatchBenchPrompts.Batch.TriageAsync, Tickets(Records)))
            {
                succeeded += result.IsSuccess ? 1 : throw new InvalidOperationException("A record failed: " + result);
            }
        }

        return succeeded == Records ? succeeded : throw new InvalidOperationException($"{succeeded} results for {Records} records.");
    }

    /// <summary>Tickets made as they are read, so the inputs themselves never sit in memory.</summary>
    private static IEnumerable<string> Tickets(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return $"#{i}: the export button on the reports page does nothing since this morning's update; "
                + "we need the monthly figures for the board meeting by Friday. Browser: Firefox 133, account tier: team.";
        }
    }
}
