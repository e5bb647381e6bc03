using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// The generator reads the project's catalog files (promptgen.models.json, or any AdditionalFiles item marked
/// PromptGenCatalog="true") as the analyzers do: a model added there gets the result strategy its capabilities say in
/// the generated code, a file that does not read is reported once (by the analyzer), and the pipeline stays cached
/// across edits that do not touch a catalog file.
/// </summary>
public sealed class CatalogOverrideGenerationTests
{
    private const string CatalogPath = "/project/promptgen.models.json";

    // Two models no built-in row knows: one with native structured output, one with forced tool choice only.
    private const string AddsModels = """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "amazon.nova-9-pro-v1:0", "provider": "Amazon", "family": "Nova 9", "name": "Nova 9 Pro", "modality": "chat",
              "limits": { "contextTokens": 300000, "maxOutputTokens": 8000 },
              "lifecycle": { "status": "active" },
              "inferenceProfile": { "required": true, "prefixes": ["us"] },
              "capabilities": ["converse", "converseStream", "systemPrompt", "toolUse", "forcedToolChoice", "nativeStructuredOutput"],
              "unconfirmed": [],
              "source": "a test's override"
            },
            {
              "id": "amazon.nova-9-lite-v1:0", "provider": "Amazon", "family": "Nova 9", "name": "Nova 9 Lite", "modality": "chat",
              "limits": { "contextTokens": 300000, "maxOutputTokens": 8000 },
              "lifecycle": { "status": "active" },
              "inferenceProfile": { "required": true, "prefixes": ["us"] },
              "capabilities": ["converse", "converseStream", "systemPrompt", "toolUse", "forcedToolChoice"],
              "unconfirmed": [],
              "source": "a test's override"
            }
          ]
        }
        """;

    private const string TypedClient = """
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Verdict(string Label, int Score);

        [PromptClient(Model = "us.amazon.nova-9-pro-v1:0")]
        public partial interface IJudge
        {
            [Prompt("Judge: {{ text }}")]
            [FallbackModels("us.amazon.nova-9-lite-v1:0")]
            Task<Verdict> JudgeAsync(string text, CancellationToken cancellationToken);
        }
        """;

    private const string Unrelated = """
        namespace Demo;

        public static class Numbers
        {
            public static int Twice(int value) => value * 2;
        }
        """;

    [Fact]
    public void Without_the_file_models_the_catalog_does_not_know_are_asked_in_the_prompt()
    {
        string generated = Generate(TypedClient).GeneratedSource("IJudge.PromptClient.g.cs");

        Assert.Contains("new(\"us.amazon.nova-9-pro-v1:0\", global::PromptGen.StructuredOutputStrategy.PromptOnly)", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("StructuredOutputStrategy.NativeSchema", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_added_by_the_file_gets_the_strategy_its_capabilities_say_and_so_does_a_fallback()
    {
        GeneratorRun run = Generate(TypedClient, new InMemoryText(CatalogPath, AddsModels));
        string generated = run.GeneratedSource("IJudge.PromptClient.g.cs");

        Assert.Contains("new(\"us.amazon.nova-9-pro-v1:0\", global::PromptGen.StructuredOutputStrategy.NativeSchema)", generated, StringComparison.Ordinal);
        Assert.Contains("// NativeSchema: Nova 9 Pro supports native structured output (outputConfig.textFormat).", generated, StringComparison.Ordinal);
        Assert.Contains("new(\"us.amazon.nova-9-lite-v1:0\", global::PromptGen.StructuredOutputStrategy.ForcedTool)", generated, StringComparison.Ordinal);
        Assert.Contains("// ForcedTool: Nova 9 Lite supports forcing a tool", generated, StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_file_marked_with_the_metadata_is_read_and_an_unmarked_one_is_not()
    {
        var marked = new InMemoryText("/project/catalog/extra-models.json", AddsModels);
        var options = new Options(new Dictionary<string, string> { [marked.Path] = "true" });

        Assert.Contains("StructuredOutputStrategy.NativeSchema", Generate(TypedClient, options, marked).GeneratedSource("IJudge.PromptClient.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("StructuredOutputStrategy.NativeSchema", Generate(TypedClient, marked).GeneratedSource("IJudge.PromptClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_strategy_is_kept_whatever_the_file_says()
    {
        string source = TypedClient.Replace("[Prompt(\"Judge", "[StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly)]\n    [Prompt(\"Judge", StringComparison.Ordinal);

        string generated = Generate(source, new InMemoryText(CatalogPath, AddsModels)).GeneratedSource("IJudge.PromptClient.g.cs");

        Assert.Contains("new(\"us.amazon.nova-9-pro-v1:0\", global::PromptGen.StructuredOutputStrategy.PromptOnly)", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("StructuredOutputStrategy.NativeSchema", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_does_not_read_is_reported_once_by_the_analyzer_and_the_generator_keeps_the_built_in_catalog()
    {
        var broken = new InMemoryText(CatalogPath, AddsModels.Replace("\"maxOutputTokens\": 8000", "\"maxOutputTokens\": \"lots\"", StringComparison.Ordinal));

        GeneratorRun run = Generate(TypedClient, broken);
        IReadOnlyList<Diagnostic> analyzers = AnalyzerHarness.Run(ImmutableArray.Create<AdditionalText>(broken), TypedClient);

        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "PG0230");
        Assert.Single(analyzers, diagnostic => diagnostic.Id == "PG0230");
        Assert.Contains("StructuredOutputStrategy.PromptOnly)", run.GeneratedSource("IJudge.PromptClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unrelated_edits_and_edits_to_other_additional_files_leave_every_step_cached()
    {
        var catalog = new InMemoryText(CatalogPath, AddsModels);
        var notes = new InMemoryText("/project/notes.txt", "first");
        CSharpCompilation compilation = GeneratorHarness.Compile(TypedClient, Unrelated);
        GeneratorDriver driver = CreateDriver(Options.None, catalog, notes).RunGenerators(compilation);

        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.ElementAt(1),
            CSharpSyntaxTree.ParseText(Unrelated.Replace("value * 2", "value * 3", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "File1.cs"));
        driver = driver.RunGenerators(edited);
        AssertAllCached(driver.GetRunResult().Results.Single(), "an unrelated C# edit");

        driver = driver.ReplaceAdditionalText(notes, new InMemoryText(notes.Path, "second")).RunGenerators(edited);
        AssertAllCached(driver.GetRunResult().Results.Single(), "an edit to a file that is not a catalog");
    }

    [Fact]
    public void An_edit_to_the_catalog_file_re_runs_only_the_catalog_steps_and_the_decisions()
    {
        var catalog = new InMemoryText(CatalogPath, AddsModels);
        CSharpCompilation compilation = GeneratorHarness.Compile(TypedClient, Unrelated);
        GeneratorDriver driver = CreateDriver(Options.None, catalog).RunGenerators(compilation);

        // Nova 9 Pro loses native structured output: its strategy falls to a forced tool.
        string edited = AddsModels.Replace("\"forcedToolChoice\", \"nativeStructuredOutput\"]", "\"forcedToolChoice\"]", StringComparison.Ordinal);
        Assert.NotEqual(AddsModels, edited);
        driver = driver.ReplaceAdditionalText(catalog, new InMemoryText(CatalogPath, edited)).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.All(new[] { TrackingNames.ParsedClients, TrackingNames.Models }, step => Assert.All(
            Reasons(result, step),
            reason => Assert.Equal(IncrementalStepRunReason.Cached, reason)));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.CatalogFiles)));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.ProjectCatalog)));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.CatalogDecisions)));
        Assert.Contains(
            "new(\"us.amazon.nova-9-pro-v1:0\", global::PromptGen.StructuredOutputStrategy.ForcedTool)",
            result.GeneratedSources.Single().SourceText.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_edit_that_changes_no_fact_leaves_the_decisions_unchanged()
    {
        var catalog = new InMemoryText(CatalogPath, AddsModels);
        CSharpCompilation compilation = GeneratorHarness.Compile(TypedClient, Unrelated);
        GeneratorDriver driver = CreateDriver(Options.None, catalog).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(catalog, new InMemoryText(CatalogPath, AddsModels.Replace("\n", "\n  ", StringComparison.Ordinal))).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.CatalogFiles)));
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Reasons(result, TrackingNames.ProjectCatalog)));
        Assert.All(Reasons(result, TrackingNames.CatalogDecisions), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason);

    private static void AssertAllCached(GeneratorRunResult result, string after)
    {
        string[] steps =
        {
            TrackingNames.ParsedClients, TrackingNames.Models, TrackingNames.CatalogFiles, TrackingNames.ProjectCatalog, TrackingNames.CatalogDecisions,
        };
        foreach (string step in steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} did not run");
            Assert.All(Reasons(result, step), reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} was {reason} after {after}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"a source output was {output.Reason} after {after}"));
    }

    private static GeneratorRun Generate(string source, params AdditionalText[] files) => Generate(source, Options.None, files);

    private static GeneratorRun Generate(string source, Options options, params AdditionalText[] files)
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(source);
        GeneratorDriver driver = CreateDriver(options, files).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorRun(driver, output);
    }

    private static GeneratorDriver CreateDriver(Options options, params AdditionalText[] files) => CSharpGeneratorDriver.Create(
        new[] { new PromptClientGenerator().AsSourceGenerator() },
        files,
        GeneratorHarness.ParseOptions,
        options,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    /// <summary>Per-file item metadata, as MSBuild hands it to the compiler: PromptGenCatalog for the paths given.</summary>
    private sealed class Options(IReadOnlyDictionary<string, string> catalogMetadata) : AnalyzerConfigOptionsProvider
    {
        public static readonly Options None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new FileOptions(null);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new FileOptions(catalogMetadata.TryGetValue(textFile.Path, out string? value) ? value : null);
    }

    private sealed class FileOptions(string? catalogMetadata) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = catalogMetadata ?? string.Empty;
            return key == "build_metadata.AdditionalFiles.PromptGenCatalog" && catalogMetadata is not null;
        }
    }
}
