using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;
using Xunit;

namespace PromptGen.Generators.Tests.Incremental;

/// <summary>
/// Incrementality at scale, on the generated corpus of 1,000 prompt methods over 100 interfaces (the one
/// bench/PromptGen.Benchmarks measures): an edit to one interface re-emits that interface's file only, and edits
/// elsewhere leave every step and every file cached.
/// </summary>
public sealed class LargeCorpusIncrementalTests
{
    private const int Interfaces = 100;
    private const int MethodsPerInterface = 10;

    private static readonly Lazy<(CSharpCompilation Compilation, GeneratorDriver Driver)> Warm = new(() =>
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(GeneratorCorpus.Build(Interfaces, MethodsPerInterface).Append(Sources.Unrelated).ToArray());
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        return (compilation, driver);
    });

    [Fact]
    public void The_corpus_generates_one_file_per_interface_that_compiles_without_warnings()
    {
        (CSharpCompilation compilation, GeneratorDriver driver) = Warm.Value;
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);

        Assert.Equal(Interfaces, result.GeneratedSources.Length);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        // One method in five keeps a Scriban-only construct: PG0150 for each, nothing else.
        Assert.All(result.Diagnostics, d => Assert.Equal("PG0150", d.Id));
        Assert.Equal(Interfaces * MethodsPerInterface / 5, result.Diagnostics.Length);
    }

    [Fact]
    public void Editing_one_template_re_emits_only_that_interfaces_file()
    {
        (CSharpCompilation compilation, GeneratorDriver driver) = Warm.Value;
        const int edited = 42;
        SyntaxTree old = compilation.SyntaxTrees[edited + 1];
        string newText = GeneratorCorpus.EditTemplate(old.GetText().ToString(), edited, methodIndex: 7, version: 2);
        Assert.NotEqual(old.GetText().ToString(), newText);

        GeneratorRunResult result = driver
            .RunGenerators(compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, GeneratorHarness.ParseOptions, old.FilePath)))
            .GetRunResult().Results.Single();

        Dictionary<string, IncrementalStepRunReason> emitted = SourceOutputReasons(result);
        Assert.Equal(Interfaces, emitted.Count);
        string editedHint = GeneratorCorpus.HintName(edited);
        Assert.Equal(IncrementalStepRunReason.Modified, emitted[editedHint]);
        Assert.All(emitted.Where(pair => pair.Key != editedHint), pair => Assert.True(
            pair.Value is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{pair.Key} was {pair.Value} after an edit to another interface"));
        Assert.Contains("[42.7 v2]", result.GeneratedSources.Single(s => s.HintName == editedHint).SourceText.ToString(), StringComparison.Ordinal);

        IncrementalStepRunReason[] models = result.TrackedSteps[TrackingNames.Models].SelectMany(step => step.Outputs).Select(o => o.Reason).ToArray();
        Assert.Single(models, reason => reason == IncrementalStepRunReason.Modified);
    }

    [Theory]
    [InlineData("unrelated file")]
    [InlineData("comment in a prompt interface")]
    public void An_edit_outside_the_templates_leaves_every_step_and_file_cached(string where)
    {
        (CSharpCompilation compilation, GeneratorDriver driver) = Warm.Value;
        int index = where == "unrelated file" ? compilation.SyntaxTrees.Length - 1 : 17;
        SyntaxTree old = compilation.SyntaxTrees[index];
        string newText = old.GetText().ToString() + "\n// an edit that changes no declaration\n";

        GeneratorRunResult result = driver
            .RunGenerators(compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, GeneratorHarness.ParseOptions, old.FilePath)))
            .GetRunResult().Results.Single();

        foreach (string step in new[] { TrackingNames.ParsedClients, TrackingNames.Models })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(run => run.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} was {output.Reason} after an edit to the {where}"));
        }

        Dictionary<string, IncrementalStepRunReason> emitted = SourceOutputReasons(result);
        Assert.Equal(Interfaces, emitted.Count);
        Assert.All(emitted, pair => Assert.True(
            pair.Value is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{pair.Key} was {pair.Value} after an edit to the {where}"));
    }

    /// <summary>Hint name → why the source output ran, for every interface's file.</summary>
    private static Dictionary<string, IncrementalStepRunReason> SourceOutputReasons(GeneratorRunResult result)
    {
        var reasons = new Dictionary<string, IncrementalStepRunReason>(StringComparer.Ordinal);
        foreach (IncrementalGeneratorRunStep output in result.TrackedOutputSteps.SelectMany(step => step.Value))
        {
            (IncrementalGeneratorRunStep source, int index) = Assert.Single(output.Inputs);
            if (source.Outputs[index].Value is PromptClientModel model)
            {
                reasons.Add(model.HintName, Assert.Single(output.Outputs).Reason);
            }
        }

        return reasons;
    }
}
