using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Testing;

namespace PromptGen.Reliability.Load;

/// <summary>What a load run does: how many calls, how many at once, and the share of attempts the emulator throttles.</summary>
public sealed record LoadSettings(int Calls, int Concurrency, double ThrottleShare, int Seed, TimeSpan BaseDelay, TimeSpan CallBound)
{
    public int MaxAttempts { get; init; } = BedrockRetryOptions.DefaultMaxAttempts;
}

/// <summary>The outcome of one load run; every call is accounted for exactly once.</summary>
public sealed record LoadReport(
    LoadSettings Settings,
    int Successes,
    int TypedFailures,
    int Mismatched,
    int Hung,
    int UntypedFailures,
    int InjectedThrottles,
    int Attempts,
    long ConnectionsAccepted,
    int PeakOpenConnections,
    double BaselineP50Ms,
    double BaselineP99Ms,
    double P50Ms,
    double P99Ms,
    double AddedP50Ms,
    double AddedP99Ms,
    double AddedP99RetriedMs,
    int RetriedCalls,
    TimeSpan Elapsed)
{
    public int Accounted => Successes + TypedFailures + Mismatched + Hung + UntypedFailures;

    public override string ToString() =>
        $"calls {Settings.Calls}, concurrency {Settings.Concurrency}, throttle share {Settings.ThrottleShare:0.##}, max attempts {Settings.MaxAttempts}, base delay {Settings.BaseDelay.TotalMilliseconds:0} ms | "
        + $"attempts {Attempts}, injected throttles {InjectedThrottles}, successes {Successes}, typed failures {TypedFailures}, "
        + $"mismatched {Mismatched}, hung {Hung}, untyped failures {UntypedFailures}, accounted {Accounted}/{Settings.Calls} | "
        + $"connections accepted {ConnectionsAccepted}, peak open {PeakOpenConnections} | "
        + $"added latency (first to last attempt, at the emulator) p50 {AddedP50Ms:0.0} ms, p99 {AddedP99Ms:0.0} ms, p99 of the {RetriedCalls} retried calls {AddedP99RetriedMs:0.0} ms | "
        + $"call latency p50 {P50Ms:0.0} ms, p99 {P99Ms:0.0} ms (no-fault run p50 {BaselineP50Ms:0.0} ms, p99 {BaselineP99Ms:0.0} ms) | "
        + $"elapsed {Elapsed.TotalSeconds:0.0} s";
}

/// <summary>
/// Many concurrent calls through one client against a loopback emulator that throttles a seeded share of attempts.
/// Each call carries its own token in the prompt and must get it back (the emulator's default reply echoes the
/// prompt), or a typed <see cref="BedrockException"/>. Bounded: every call has a time bound, the run ends by itself.
/// </summary>
public static class LoadRun
{
    private const string ModelId = "us.amazon.nova-lite-v1:0";

    /// <summary>The settings of <c>load [options]</c>; without options, the larger run of docs/reliability.md.</summary>
    /// <exception cref="HarnessUsageException">An option is out of range.</exception>
    public static LoadSettings SettingsFrom(HarnessArguments arguments) => new(
        Calls: arguments.Int("calls", 20_000),
        Concurrency: arguments.Int("concurrency", 256),
        ThrottleShare: arguments.Share("share", 0.2),
        Seed: arguments.Int("seed", 1, minimum: int.MinValue),
        BaseDelay: TimeSpan.FromMilliseconds(arguments.Int("base-delay-ms", 1000, minimum: 0)),
        CallBound: TimeSpan.FromMinutes(2));

    /// <summary>
    /// The most TCP connections a run may open: one pool reused by all calls opens about one per concurrent call, and
    /// SocketsHttpHandler may keep a few more (a connection opened for a call that then got one freed by another call
    /// stays in the pool); one per attempt would be thousands.
    /// </summary>
    public static int ConnectionBound(LoadSettings settings) => settings.Concurrency * 2;

    /// <summary>Every call accounted for once, each with its own answer or a typed error, none hung, connections reused.</summary>
    public static bool Passed(LoadReport report) =>
        report.Accounted == report.Settings.Calls && report.Mismatched == 0 && report.Hung == 0 && report.UntypedFailures == 0
        && report.ConnectionsAccepted <= ConnectionBound(report.Settings) && report.PeakOpenConnections <= ConnectionBound(report.Settings);

    public static async Task<LoadReport> RunAsync(LoadSettings settings)
    {
        // A warm-up pass first (JIT, connection pool, thread pool growth), so the baseline is not its cold start.
        await MeasureAsync(settings with { ThrottleShare = 0, Calls = Math.Min(settings.Calls, 500) }, report: null);
        (double[] baseline, _) = await MeasureAsync(settings with { ThrottleShare = 0 }, report: null);
        var report = new Counters();
        (double[] latencies, BedrockEmulator emulatorStats) = await MeasureAsync(settings, report);
        return new LoadReport(
            settings,
            report.Successes,
            report.TypedFailures,
            report.Mismatched,
            report.Hung,
            report.UntypedFailures,
            report.InjectedThrottles,
            report.Attempts,
            report.ConnectionsAccepted,
            report.PeakOpenConnections,
            Percentile(baseline, 0.50),
            Percentile(baseline, 0.99),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            Percentile(report.AddedMs, 0.50),
            Percentile(report.AddedMs, 0.99),
            Percentile(report.AddedMs.Where(ms => ms > 0).DefaultIfEmpty(0).ToArray(), 0.99),
            report.AddedMs.Count(ms => ms > 0),
            report.Elapsed);
    }

    private static async Task<(double[] Latencies, BedrockEmulator Emulator)> MeasureAsync(LoadSettings settings, Counters? report)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        if (settings.ThrottleShare > 0)
        {
            emulator.Script.Always().Share(settings.ThrottleShare, settings.Seed).ReplyThrottling();
        }

        var options = new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        };
        options.Retry.MaxAttempts = settings.MaxAttempts;
        options.Retry.BaseDelay = settings.BaseDelay;
        using var client = new BedrockRuntimeClient(options);

        var latencies = new double[settings.Calls];
        var outcomes = new ConcurrentDictionary<int, string>();
        long started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, settings.Calls),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency },
            async (index, _) =>
            {
                string token = $"call-{index}-{Guid.NewGuid():N}";
                long callStarted = Stopwatch.GetTimestamp();
                string outcome = await CallOnceAsync(client, token, settings.CallBound);
                latencies[index] = Stopwatch.GetElapsedTime(callStarted).TotalMilliseconds;
                if (!outcomes.TryAdd(index, outcome))
                {
                    throw new InvalidOperationException($"Call {index} completed twice.");
                }
            });

        if (report is not null)
        {
            report.Elapsed = Stopwatch.GetElapsedTime(started);
            report.Successes = outcomes.Values.Count(o => o == "ok");
            report.TypedFailures = outcomes.Values.Count(o => o == "typed");
            report.Mismatched = outcomes.Values.Count(o => o == "mismatch");
            report.Hung = outcomes.Values.Count(o => o == "hung");
            report.UntypedFailures = outcomes.Values.Count(o => o.StartsWith("untyped", StringComparison.Ordinal));
            var requests = emulator.Requests;
            report.Attempts = requests.Count;
            report.InjectedThrottles = requests.Count(r => r.ResponseStatus == 429);
            report.ConnectionsAccepted = emulator.ConnectionsAccepted;
            report.PeakOpenConnections = emulator.PeakOpenConnections;
            // What faults cost a call: from its first attempt reaching the emulator to its last one (0 without retries).
            report.AddedMs = requests
                .GroupBy(r => r.UserText ?? "", StringComparer.Ordinal)
                .Select(g => (g.Max(r => r.ReceivedAt) - g.Min(r => r.ReceivedAt)).TotalMilliseconds)
                .ToArray();
        }

        return (latencies, emulator);
    }

    private static async Task<string> CallOnceAsync(BedrockRuntimeClient client, string token, TimeSpan bound)
    {
        var request = new ConverseRequest
        {
            Messages = { Message.User(token) },
            InferenceConfig = new InferenceConfiguration { MaxTokens = 32 },
        };
        using var cancellation = new CancellationTokenSource(bound);
        try
        {
            ConverseResponse response = await client.ConverseAsync(ModelId, request, cancellation.Token);
            return response.GetOutputText() == $"Emulated reply from {ModelId} to: {token}" ? "ok" : "mismatch";
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return "hung";
        }
        catch (BedrockException)
        {
            return "typed";
        }
        catch (Exception e)
        {
            return "untyped " + e.GetType().Name;
        }
    }

    private static double Percentile(double[] values, double quantile)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        int index = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    private sealed class Counters
    {
        public int Successes;
        public int TypedFailures;
        public int Mismatched;
        public int Hung;
        public int UntypedFailures;
        public int InjectedThrottles;
        public int Attempts;
        public long ConnectionsAccepted;
        public int PeakOpenConnections;
        public TimeSpan Elapsed;
        public double[] AddedMs = [];
    }
}
