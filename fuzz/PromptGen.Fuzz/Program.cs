using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PromptGen.Reliability;
using PromptGen.Reliability.Engine;
using PromptGen.Reliability.Load;
using PromptGen.Reliability.Targets;

// Fuzzing and load harnesses of issue 9. Each command stops by itself and exits non-zero when it finds anything.
//   fuzz <model-json|result-reader|repair-loop|event-stream|invoke-stream|invoke-bodies|image-header|knowledge-bases|kb-stream|catalog-file|batch-output|all> [--inputs 1000000] [--seed 1] [--per-input-ms 2000] [--findings DIR]
//   load [--calls 20000] [--concurrency 256] [--share 0.2] [--seed 1] [--base-delay-ms 1000]
try
{
    HarnessArguments arguments = HarnessArguments.Parse(args);
    switch (arguments.Command)
    {
        case "fuzz":
            return RunFuzz(arguments);
        case "load":
            return await RunLoadAsync(LoadRun.SettingsFrom(arguments));
        default:
            Console.WriteLine(HarnessArguments.Usage);
            return 0;
    }
}
catch (HarnessUsageException usage)
{
    Console.Error.WriteLine(usage.Message);
    Console.Error.WriteLine(HarnessArguments.Usage);
    return 2;
}

static int RunFuzz(HarnessArguments arguments)
{
    int inputs = arguments.Int("inputs", 1_000_000);
    int seed = arguments.Int("seed", 1, minimum: int.MinValue);
    var bound = TimeSpan.FromMilliseconds(arguments.Int("per-input-ms", 2000));
    string findings = arguments.Text("findings") ?? Path.Combine(Path.GetTempPath(), "promptgen-fuzz-findings");
    IEnumerable<IFuzzTarget> targets;
    try
    {
        targets = FuzzTargets.Named(arguments.Target!).ToList();
    }
    catch (ArgumentException unknown)
    {
        throw new HarnessUsageException(unknown.Message);
    }

    int failed = 0;
    foreach (IFuzzTarget target in targets)
    {
        FuzzReport report = FuzzRunner.Run(target, inputs, seed, bound, managedHeapBound: 512L * 1024 * 1024, findings);
        Console.WriteLine(report);
        if (target is ICountsOutcomes counted)
        {
            Console.WriteLine("  outcomes: " + string.Join(", ", counted.Outcomes.Select(o => $"{o.Key} {o.Value:N0}")));
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

static async Task<int> RunLoadAsync(LoadSettings settings)
{
    LoadReport report = await LoadRun.RunAsync(settings);
    Console.WriteLine(report);
    bool ok = LoadRun.Passed(report);
    Console.WriteLine(ok ? "load: PASS" : "load: FAIL");
    return ok ? 0 : 1;
}
