using System;
using System.Linq;
using System.Threading;
using PromptGen.Reliability.Engine;
using PromptGen.Reliability.Targets;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>
/// A short run of each fuzz target in CI; the million-input runs are
/// <c>dotnet run -c Release --project fuzz/PromptGen.Fuzz -- fuzz all</c> (figures in docs/reliability.md).
/// </summary>
public sealed class FuzzSmokeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("model-json", 30_000)]
    [InlineData("result-reader", 10_000)]
    [InlineData("repair-loop", 10_000)]
    [InlineData("event-stream", 20_000)]
    [InlineData("invoke-stream", 20_000)]
    [InlineData("invoke-bodies", 10_000)]
    [InlineData("image-header", 10_000)]
    [InlineData("knowledge-bases", 10_000)]
    [InlineData("kb-stream", 20_000)]
    [InlineData("catalog-file", 10_000)]
    [InlineData("batch-output", 20_000)]
    [InlineData("descriptor-arguments", 20_000)]
    [InlineData("mcp-prompt-arguments", 20_000)]
    [InlineData("model-id", 5_000)] // the slowest target per input (suggestions over the whole catalog)
    public void Short_fuzz_run_finds_nothing(string target, int inputs)
    {
        IFuzzTarget fuzzTarget = FuzzTargets.Named(target).Single();

        FuzzReport report = FuzzRunner.Run(fuzzTarget, inputs, seed: Environment.TickCount, TimeSpan.FromSeconds(2), 512L * 1024 * 1024, findingsDirectory: null);
        output.WriteLine(report.ToString());
        Assert.Equal(target, fuzzTarget.Name);
        if (fuzzTarget is ICountsOutcomes counted)
        {
            // What the inputs did (some targets count several checks per input); the harness prints the same line.
            output.WriteLine("outcomes: " + string.Join(", ", counted.Outcomes.Select(o => $"{o.Key} {o.Value:N0}")));
            Assert.True(counted.Outcomes.Values.Sum() >= report.Inputs, $"{target} counted fewer outcomes than it ran inputs");
        }

        Assert.True(report.Findings.Count == 0, string.Join("\n\n", report.Findings.Select(f => $"{f.Problem}\ninput (JSON): {System.Text.Json.JsonSerializer.Serialize(f.Input)}")));
    }

    [Fact]
    public void Every_target_of_the_harness_has_a_short_run_here()
    {
        string[] smoked = typeof(FuzzSmokeTests).GetMethod(nameof(Short_fuzz_run_finds_nothing))!
            .GetCustomAttributes(typeof(InlineDataAttribute), inherit: false)
            .Cast<InlineDataAttribute>()
            .Select(row => (string)row.Data[0]!)
            .ToArray();

        Assert.Equal(FuzzTargets.Names.Order(StringComparer.Ordinal), smoked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Runner_reports_an_untyped_exception()
    {
        // The runner must notice a planted bug, or the smoke runs above prove nothing.
        FuzzReport report = FuzzRunner.Run(new PlantedBugTarget(), 50, seed: 1, TimeSpan.FromSeconds(2), 512L * 1024 * 1024, findingsDirectory: null);

        FuzzFinding finding = Assert.Single(report.Findings);
        Assert.Equal(7, finding.Iteration);
        Assert.StartsWith("untyped exception System.IndexOutOfRangeException", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_that_cannot_make_inputs_fails_its_run_and_leaves_the_process_running()
    {
        // Once a target's static set-up threw from NextInput and the watchdog thread, reading a disposed token,
        // crashed the test host: every later test of the assembly silently never ran.
        InvalidOperationException thrown = Assert.Throws<InvalidOperationException>(() =>
            FuzzRunner.Run(new BrokenInputsTarget(), 50, seed: 1, TimeSpan.FromSeconds(2), 512L * 1024 * 1024, findingsDirectory: null));

        Assert.Equal("no inputs", thrown.Message);
        Thread.Sleep(TimeSpan.FromMilliseconds(600)); // two watchdog wake-ups: a crash would end the process here
    }

    private sealed class BrokenInputsTarget : IFuzzTarget
    {
        public string Name => "broken-inputs";

        public string NextInput(Random random, int iteration) => throw new InvalidOperationException("no inputs");

        public void Run(string input)
        {
        }

        public bool IsExpected(Exception exception) => false;
    }

    private sealed class PlantedBugTarget : IFuzzTarget
    {
        public string Name => "planted";

        public string NextInput(Random random, int iteration) => iteration.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public void Run(string input)
        {
            if (input == "7")
            {
                throw new IndexOutOfRangeException("planted");
            }

            if (input == "9")
            {
                throw new FormatException("a typed error the target documents");
            }
        }

        public bool IsExpected(Exception exception) => exception is FormatException;
    }
}
