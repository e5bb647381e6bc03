using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PromptGen.Reliability.Engine;
using PromptGen.Reliability.Load;
using PromptGen.Reliability.Targets;

// Fuzzing and load harnesses of issue 9. Each command stops by itself and exits non-zero when it finds anything.
//   fuzz <model-json|repair-loop|event-stream|invoke-stream|invoke-bodies|all> [--inputs 1000000] [--seed 1] [--per-input-ms 2000] [--findings DIR]
//   load [--calls 20000] [--concurrency 256] [--share 0.2] [--seed 1] [--base-delay-ms 1000]
var options = ParseOptions(args.Skip(2));
string command = args.Length > 0 ? args[0] : "help";
switch (command)
{
    case "fuzz" when args.Length > 1:
        return RunFuzz(args[1], options);
    case "load":
        return await RunLoadAsync(options);
    default:
        Console.WriteLine("usage: fuzz <model-json|repair-loop|event-stream|invoke-stream|invoke-bodies|all> [--inputs N] [--seed S] [--per-input-ms M] [--findings DIR]");
        Console.WriteLine("       load [--calls N] [--concurrency C] [--share 0.2] [--seed S] [--base-delay-ms 1000]");
        return command == "help" ? 0 : 2;
}

static int RunFuzz(string which, Dictionary<string, string> options)
{
    int inputs = Int(options, "inputs", 1_000_000);
    int seed = Int(options, "seed", 1);
    var bound = TimeSpan.FromMilliseconds(Int(options, "per-input-ms", 2000));
    string findings = options.GetValueOrDefault("findings") ?? Path.Combine(Path.GetTempPath(), "promptgen-fuzz-findings");
    int failed = 0;
    foreach (IFuzzTarget target in FuzzTargets.Named(which))
    {
        FuzzReport report = FuzzRunner.Run(target, inputs, seed, bound, managedHeapBound: 512L * 1024 * 1024, findings);
        Console.WriteLine(report);
        SortedDictionary<string, int>? outcomes = target switch
        {
            EventStreamTarget eventStream => eventStream.Outcomes,
            InvokeStreamTarget invokeStream => invokeStream.Outcomes,
            InvokeBodiesTarget invokeBodies => invokeBodies.Outcomes,
            _ => null,
        };
        if (outcomes is not null)
        {
            Console.WriteLine("  outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value:N0}")));
        }

        foreach (FuzzFinding finding in report.Findings)
        {
            failed++;
            Console.WriteLine($"  FINDING at input {finding.Iteration}: {string.Join('\n', finding.Problem.Split('\n').Take(6))}");
        }
    }

    Console.WriteLine(failed == 0 ? "fuzz: PASS" : $"fuzz: FAIL ({failed} findings, inputs saved under {findings})");
    return failed == 0 ? 0 : 1;
}

static async Task<int> RunLoadAsync(Dictionary<string, string> options)
{
    var settings = new LoadSettings(
        Calls: Int(options, "calls", 20_000),
        Concurrency: Int(options, "concurrency", 256),
        ThrottleShare: double.Parse(options.GetValueOrDefault("share") ?? "0.2", CultureInfo.InvariantCulture),
        Seed: Int(options, "seed", 1),
        BaseDelay: TimeSpan.FromMilliseconds(Int(options, "base-delay-ms", 1000)),
        CallBound: TimeSpan.FromMinutes(2));
    LoadReport report = await LoadRun.RunAsync(settings);
    Console.WriteLine(report);
    bool ok = report.Accounted == settings.Calls && report.Mismatched == 0 && report.Hung == 0 && report.UntypedFailures == 0
        && report.PeakOpenConnections <= settings.Concurrency;
    Console.WriteLine(ok ? "load: PASS" : "load: FAIL");
    return ok ? 0 : 1;
}

static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    string? name = null;
    foreach (string arg in args)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            name = arg[2..];
        }
        else if (name is not null)
        {
            result[name] = arg;
            name = null;
        }
    }

    return result;
}

static int Int(Dictionary<string, string> options, string name, int fallback) =>
    options.TryGetValue(name, out string? value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
