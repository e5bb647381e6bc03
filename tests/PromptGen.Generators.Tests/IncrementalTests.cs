using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps = { TrackingNames.ParsedClients, TrackingNames.Models, TrackingNames.Diagnostics };

    private const string ClientWithTemplateError = """
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        [PromptClient(Model = "amazon.nova-micro-v1:0")]
        public partial interface IBroken
        {
            [Prompt("Hello {{ name | }}")]
            Task<string> GreetAsync(string name);
        }
        """;

    [Theory]
    [InlineData(Sources.SupportPrompts)]
    [InlineData(ClientWithTemplateError)]
    [InlineData(InvocationOptionsGenerationTests.FeaturePrompts)]
    public void Every_step_is_cached_after_an_unrelated_edit(string promptSource)
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(promptSource, Sources.Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        CSharpCompilation edited = ReplaceTree(compilation, 1, Sources.Unrelated.Replace("value * 2", "value * 3", StringComparison.Ordinal));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(TrackingNames.ParsedClients, result.TrackedSteps.Keys);
        Assert.Contains(TrackingNames.Models, result.TrackedSteps.Keys);
        foreach (string step in TrackedSteps.Where(result.TrackedSteps.ContainsKey))
        {
            IEnumerable<IncrementalStepRunReason> reasons = result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} was {reason} after an unrelated edit"));
        }

        // The source output is cached. Only the branch that reports diagnostics re-runs on each edit, by design: it
        // rebuilds real source locations (so #pragma works) from the new compilation, and exists only when there
        // are diagnostics to report.
        int sourceOutputsChecked = 0;
        foreach (IncrementalGeneratorRunStep output in result.TrackedOutputSteps.SelectMany(step => step.Value))
        {
            (IncrementalGeneratorRunStep source, int index) = Assert.Single(output.Inputs);
            if (source.Outputs[index].Value is (System.Collections.Immutable.ImmutableArray<EquatableArray<DiagnosticInfo>>, Compilation))
            {
                continue;
            }

            Assert.All(output.Outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"the source output for {source.Outputs[index].Value.GetType().Name} was {o.Reason}"));
            sourceOutputsChecked++;
        }

        Assert.Equal(1, sourceOutputsChecked);
    }

    [Fact]
    public void The_diagnostics_step_is_cached_when_a_diagnostic_is_present()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(ClientWithTemplateError, Sources.Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        CSharpCompilation edited = ReplaceTree(compilation, 1, Sources.Unrelated + "\n// edited\n");

        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Single(result.Diagnostics, d => d.Id == "PG0100");
        IncrementalStepRunReason reason = Assert.Single(result.TrackedSteps[TrackingNames.Diagnostics].SelectMany(run => run.Outputs)).Reason;
        Assert.Equal(IncrementalStepRunReason.Cached, reason);
    }

    [Fact]
    public void Editing_a_prompt_template_modifies_the_model()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Sources.SupportPrompts, Sources.Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        CSharpCompilation edited = ReplaceTree(compilation, 0, Sources.SupportPrompts.Replace("in one sentence", "in two sentences", StringComparison.Ordinal));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        IncrementalStepRunReason reason = Assert.Single(result.TrackedSteps[TrackingNames.Models].SelectMany(run => run.Outputs)).Reason;
        Assert.Equal(IncrementalStepRunReason.Modified, reason);
        Assert.Contains("in two sentences", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_source_parsed_twice_gives_equal_models_and_hashes()
    {
        object first = ParsedOutput(GeneratorHarness.Run(Sources.SupportPrompts));
        object second = ParsedOutput(GeneratorHarness.Run(Sources.SupportPrompts));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, ParsedOutput(GeneratorHarness.Run(Sources.SupportPrompts.Replace("0.2", "0.3", StringComparison.Ordinal))));
    }

    [Fact]
    public void Invocation_options_take_part_in_model_equality()
    {
        string source = InvocationOptionsGenerationTests.FeaturePrompts;
        object first = ParsedOutput(GeneratorHarness.Run(source));

        Assert.Equal(first, ParsedOutput(GeneratorHarness.Run(source)));
        Assert.Equal(first.GetHashCode(), ParsedOutput(GeneratorHarness.Run(source)).GetHashCode());
        Assert.NotEqual(first, ParsedOutput(GeneratorHarness.Run(source.Replace("\"feature\", \"answers\"", "\"feature\", \"faq\"", StringComparison.Ordinal))));
        Assert.NotEqual(first, ParsedOutput(GeneratorHarness.Run(source.Replace("BudgetTokens = 2048", "BudgetTokens = 3000", StringComparison.Ordinal))));
        Assert.NotEqual(first, ParsedOutput(GeneratorHarness.Run(source.Replace("CacheTtl.OneHour", "CacheTtl.FiveMinutes", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData(Sources.SupportPrompts)]
    [InlineData(ClientWithTemplateError)]
    [InlineData(InvocationOptionsGenerationTests.FeaturePrompts)]
    public void Pipeline_models_hold_no_symbols_syntax_or_compilations(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);

        foreach (IncrementalGeneratorRunStep step in TrackedSteps.Where(run.Result.TrackedSteps.ContainsKey).SelectMany(name => run.Result.TrackedSteps[name]))
        {
            foreach ((object value, _) in step.Outputs)
            {
                AssertHoldsNoCompilerObjects(value, "$", visited);
            }
        }

        Assert.NotEmpty(visited);
    }

    private static object ParsedOutput(GeneratorRun run) =>
        Assert.Single(run.Result.TrackedSteps[TrackingNames.ParsedClients].SelectMany(step => step.Outputs)).Value;

    private static CSharpCompilation ReplaceTree(CSharpCompilation compilation, int index, string newText)
    {
        SyntaxTree old = compilation.SyntaxTrees[index];
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static void AssertHoldsNoCompilerObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Location or SemanticModel or Compilation or AttributeData,
            $"{path} holds a {value.GetType().Name}: models must be plain data or caching breaks");

        if (value is IEnumerable sequence)
        {
            int index = 0;
            foreach (object? item in sequence)
            {
                AssertHoldsNoCompilerObjects(item, $"{path}[{index++}]", visited);
            }
        }

        foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length == 0 && property.DeclaringType?.Namespace?.StartsWith("PromptGen", StringComparison.Ordinal) == true)
            {
                AssertHoldsNoCompilerObjects(property.GetValue(value), $"{path}.{property.Name}", visited);
            }
        }
    }
}
