using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// The generator and the analyzers never throw, whatever is typed: no CS8785 (generator failed), no PG0099 (the
/// generator's own last-resort catch), no AD0001 (analyzer threw), no exception out of the driver.
/// </summary>
public sealed class NeverThrowTests(ITestOutputHelper output)
{
    private static readonly string[] CrashIds = { "CS8785", "PG0099", "AD0001" };

    [Fact]
    public void Generator_and_analyzers_survive_a_thousand_broken_sources()
    {
        IReadOnlyList<(string Name, string Source)> sources = NeverThrowSources.All();
        Assert.True(sources.Count >= (NeverThrowSources.IsFull ? 5000 : 1000), $"only {sources.Count} broken sources");

        // One compilation, one tree swapped per source, one driver run incrementally: seconds, not minutes.
        CSharpCompilation baseCompilation = GeneratorHarness.Compile("// placeholder");
        SyntaxTree placeholder = baseCompilation.SyntaxTrees.Single();
        GeneratorDriver driver = GeneratorHarness.CreateDriver();
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        int analyzed = 0;
        for (int i = 0; i < sources.Count; i++)
        {
            (string name, string source) = sources[i];
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "Broken.cs");
            Compilation compilation = baseCompilation.ReplaceSyntaxTree(placeholder, tree);
            try
            {
                driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation withGenerated, out ImmutableArray<Diagnostic> driverDiagnostics);
                GeneratorRunResult result = driver.GetRunResult().Results.Single();
                if (result.Exception is not null)
                {
                    failures.Add($"{name}: generator threw {result.Exception}");
                }

                foreach (Diagnostic crash in driverDiagnostics.Concat(result.Diagnostics).Where(d => CrashIds.Contains(d.Id)))
                {
                    failures.Add($"{name}: {crash.Id} {crash.GetMessage()}");
                }

                // Analyzers on every sixth prefix and on every third other break: they bind the whole file each time.
                if (i % (name.Contains(" prefix ", StringComparison.Ordinal) ? 6 : 3) == 0)
                {
                    analyzed++;
                    failures.AddRange(AnalyzerFailures(withGenerated).Select(failure => $"{name}: {failure}"));
                }
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e}");
            }

            if (failures.Count > 10)
            {
                break;
            }
        }

        output.WriteLine(
            $"{sources.Count} broken sources ({(NeverThrowSources.IsFull ? "full corpus" : $"quick corpus; {NeverThrowSources.FullCorpusVariable}=1 for all")}) "
            + $"through the generator, {analyzed} through the analyzers too, in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Theory]
    [InlineData("public sealed record Result(string Team, int );")]
    [InlineData("public sealed record Result(string Team, [property: System.ComponentModel.Description\"x\")] string );")]
    public void Record_parameter_without_a_name_is_no_internal_error(string record)
    {
        // Found by the broken-source run above: a result record whose parameter has no name yet made the schema
        // reader index an empty string (PG0099, IndexOutOfRangeException).
        GeneratorRun run = GeneratorHarness.Run("using System.Threading.Tasks;\nusing PromptGen;\n" + record + """

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            public partial interface IPrompts
            {
                [Prompt("Triage {{ text }}")]
                Task<Result> TriageAsync(string text);
            }
            """);

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => CrashIds.Contains(d.Id));
    }

    private static IEnumerable<string> AnalyzerFailures(Compilation compilation)
    {
        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add(new InvalidOperationException(analyzer.GetType().Name + " threw", exception)),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = compilation.WithAnalyzers(AnalyzerHarness.Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return exceptions.Select(e => $"{e.Message}: {e.InnerException}")
            .Concat(diagnostics.Where(d => CrashIds.Contains(d.Id)).Select(d => $"{d.Id} {d.GetMessage()}"));
    }
}
