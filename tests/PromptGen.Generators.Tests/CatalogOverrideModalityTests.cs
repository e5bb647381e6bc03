using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// What a model makes, and so which call and body a method gets, comes from the project's merged catalog: an image or
/// embedding model a promptgen.models.json adds gets its InvokeModel body by the rule built-in rows follow (stated in
/// the file, else by its id's prefix), PG0223 follows the modality the file gives, and the tool-name checks follow
/// the strategy the file's capabilities choose — in the generated code and the build's diagnostics alike.
/// </summary>
public sealed class CatalogOverrideModalityTests
{
    private const string CatalogPath = "/project/promptgen.models.json";

    // A Titan embeddings id whose prefix names no body (so the file states it), a Stable Image id whose prefix does,
    // and a chat model with forced tool choice.
    private const string AddsModels = """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "amazon.titan-embed-text-v3:0", "provider": "Amazon", "family": "Titan Text Embeddings", "name": "Titan Text Embeddings V3",
              "modality": "embedding", "invokeBody": "titanTextEmbeddingsV2",
              "limits": { "contextTokens": 8192, "maxOutputTokens": 0 },
              "lifecycle": { "status": "active" },
              "capabilities": [],
              "source": "a test's override"
            },
            {
              "id": "stability.stable-image-ultra-v2:0", "provider": "Stability AI", "family": "Stable Image", "name": "Stable Image Ultra 2",
              "modality": "image",
              "limits": { "contextTokens": 0, "maxOutputTokens": 0 },
              "lifecycle": { "status": "active" },
              "capabilities": [],
              "source": "a test's override"
            },
            {
              "id": "amazon.nova-9-lite-v1:0", "provider": "Amazon", "family": "Nova 9", "name": "Nova 9 Lite", "modality": "chat",
              "limits": { "contextTokens": 300000, "maxOutputTokens": 8000 },
              "lifecycle": { "status": "active" },
              "inferenceProfile": { "required": true, "prefixes": ["us"] },
              "capabilities": ["converse", "converseStream", "systemPrompt", "toolUse", "forcedToolChoice"],
              "source": "a test's override"
            }
          ]
        }
        """;

    private const string Media = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using PromptGen;

        namespace Demo;

        [PromptClient]
        public partial interface IMedia
        {
            [Model("amazon.titan-embed-text-v3:0")]
            [Embedding(Dimensions = 512)]
            Task<Embedding<float>> EmbedAsync(string text, CancellationToken cancellationToken);

            [Model("stability.stable-image-ultra-v2:0")]
            [Prompt("A poster of {{ subject }}")]
            Task<GeneratedImage> PosterAsync(string subject, CancellationToken cancellationToken);
        }
        """;

    private static string Chat(string model) => $$$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        [PromptClient(Model = "{{{model}}}")]
        public partial interface IChat
        {
            [Prompt("Summarize: {{ text }}")]
            Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
        }
        """;

    private static string TypedWithTools(string loop = "") => $$$"""
        using System.ComponentModel;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Verdict(string Label, int Score);

        public sealed class Lookups
        {
            [Tool("Verdict"), Description("Loads an earlier verdict.")] public string Load(string id) => "";

            [Tool("find_case"), Description("Finds a case.")] public string Find(string id) => "";
        }

        [PromptClient(Model = "us.amazon.nova-9-lite-v1:0")]
        public partial interface IJudge
        {
            {{{loop}}}
            [Prompt("Judge: {{ text }}")]
            Task<Verdict> JudgeAsync(string text, Lookups lookups, CancellationToken cancellationToken);
        }
        """;

    [Fact]
    public void Without_the_file_an_embedding_id_whose_prefix_names_no_body_is_PG0223_and_is_not_generated()
    {
        GeneratorRun run = Generate(Media);

        Diagnostic modality = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0223", modality.Id);
        Assert.StartsWith(
            "Method 'EmbedAsync' returns an embedding, but 'amazon.titan-embed-text-v3:0' is not an embedding model whose body PromptGen writes;",
            modality.GetMessage(),
            StringComparison.Ordinal);
        Assert.Equal("\"amazon.titan-embed-text-v3:0\"", AnalyzerHarness.TextAt(modality));
        string generated = run.GeneratedSource("IMedia.PromptClient.g.cs");
        Assert.DoesNotContain("amazon.titan-embed-text-v3:0", generated, StringComparison.Ordinal);

        // The Stable Image id's prefix names its body, file or not; only the analyzer says the catalog does not know it.
        Assert.Contains("new(\"stability.stable-image-ultra-v2:0\", global::PromptGen.CompilerServices.ImageFamily.Stability)", generated, StringComparison.Ordinal);
        Assert.Equal(new[] { "PG0201", "PG0201" }, Analyze(Media).Select(d => d.Id));
    }

    [Fact]
    public void Models_the_file_adds_get_the_body_it_states_or_their_prefix_names_and_build_clean()
    {
        var catalog = new InMemoryText(CatalogPath, AddsModels);
        GeneratorRun run = Generate(Media, catalog);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Empty(Analyze(Media, catalog));
        string generated = run.GeneratedSource("IMedia.PromptClient.g.cs");
        Assert.Contains("new(\"amazon.titan-embed-text-v3:0\", global::PromptGen.CompilerServices.EmbeddingFamily.TitanText)", generated, StringComparison.Ordinal);
        Assert.Contains("Dimensions = 512", generated, StringComparison.Ordinal);
        Assert.Contains("new(\"stability.stable-image-ultra-v2:0\", global::PromptGen.CompilerServices.ImageFamily.Stability)", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_whose_body_the_file_names_keeps_its_descriptor()
    {
        string source = Media.Replace("[PromptClient]", "[PromptClient, PromptDescriptors]", StringComparison.Ordinal);
        Assert.NotEqual(Media, source);

        GeneratorRun run = Generate(source, new InMemoryText(CatalogPath, AddsModels));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        string generated = run.GeneratedSource("IMedia.PromptClient.g.cs");
        Assert.Contains("private static readonly global::PromptGen.Descriptors.PromptDescriptor EmbedAsyncDescriptor = new()", generated, StringComparison.Ordinal);
        Assert.Contains("private sealed class EmbedAsyncArguments", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stated_body_decides_which_settings_the_model_takes()
    {
        // Cohere takes no dimensions on v3: the same method on a model stated as a Cohere Embed v3 body is PG0224.
        string cohere = AddsModels.Replace("\"invokeBody\": \"titanTextEmbeddingsV2\"", "\"invokeBody\": \"cohereEmbedV3\"", StringComparison.Ordinal);
        Assert.NotEqual(AddsModels, cohere);

        GeneratorRun run = Generate(Media, new InMemoryText(CatalogPath, cohere));

        Diagnostic setting = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0224", setting.Id);
        Assert.Contains("Cohere Embed v3", setting.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("amazon.titan-embed-text-v3:0", run.GeneratedSource("IMedia.PromptClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedding_model_the_file_adds_without_a_body_its_prefix_names_is_PG0223_that_says_what_to_state()
    {
        string unstated = AddsModels.Replace("\"modality\": \"embedding\", \"invokeBody\": \"titanTextEmbeddingsV2\",", "\"modality\": \"embedding\",", StringComparison.Ordinal);
        Assert.NotEqual(AddsModels, unstated);

        Diagnostic modality = Assert.Single(Generate(Media, new InMemoryText(CatalogPath, unstated)).GeneratorDiagnostics);

        Assert.Equal("PG0223", modality.Id);
        Assert.Contains(
            "'amazon.titan-embed-text-v3:0' is an embedding model whose request body PromptGen cannot tell from its id; state it as \"invokeBody\"",
            modality.GetMessage(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_chat_method_aimed_at_a_model_the_file_makes_an_embedding_model_is_PG0223()
    {
        string source = Chat("amazon.titan-embed-text-v3:0");
        Assert.Empty(Generate(source).GeneratorDiagnostics); // unknown to the built-in catalog: only the analyzer's PG0201

        GeneratorRun run = Generate(source, new InMemoryText(CatalogPath, AddsModels));

        Diagnostic modality = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0223", modality.Id);
        Assert.StartsWith("Method 'SummarizeAsync' returns text, but 'amazon.titan-embed-text-v3:0' is an embedding model;", modality.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("throw new global::System.NotSupportedException(\"PromptGen could not generate 'SummarizeAsync'", run.GeneratedSource("IChat.PromptClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_named_like_the_result_tool_is_PG0405_once_the_file_makes_the_strategy_a_forced_tool()
    {
        // Unknown to the built-in catalog, the result is asked in the prompt: no result tool, no clash.
        GeneratorRun builtIn = Generate(TypedWithTools());
        Assert.Empty(builtIn.GeneratorDiagnostics);
        Assert.Contains("StructuredOutputStrategy.PromptOnly", builtIn.GeneratedSource("IJudge.PromptClient.g.cs"), StringComparison.Ordinal);

        GeneratorRun run = Generate(TypedWithTools(), new InMemoryText(CatalogPath, AddsModels));

        Diagnostic clash = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0405", clash.Id);
        Assert.Contains("'Verdict'", clash.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("StructuredOutputStrategy.ForcedTool", run.GeneratedSource("IJudge.PromptClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Choice_Tool_may_name_the_result_tool_only_when_the_file_makes_the_strategy_a_forced_tool()
    {
        // The result tool is 'Verdict'; rename the clashing tool so only the loop's choice depends on the strategy.
        string source = TypedWithTools("[ToolLoop(Choice = ToolChoiceMode.Tool, Tool = \"Verdict\")]").Replace("[Tool(\"Verdict\")", "[Tool(\"load_verdict\")", StringComparison.Ordinal);

        Diagnostic unknown = Assert.Single(Generate(source).GeneratorDiagnostics);
        Assert.Equal("PG0406", unknown.Id);
        Assert.Contains("(load_verdict, find_case); it is 'Verdict'", unknown.GetMessage(), StringComparison.Ordinal);

        GeneratorRun run = Generate(source, new InMemoryText(CatalogPath, AddsModels));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("StructuredOutputStrategy.ForcedTool", run.GeneratedSource("IJudge.PromptClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_to_the_file_changes_the_finding_without_re_running_the_parser_and_unrelated_edits_keep_everything_cached()
    {
        var catalog = new InMemoryText(CatalogPath, AddsModels);
        CSharpCompilation compilation = GeneratorHarness.Compile(Chat("amazon.titan-embed-text-v3:0"), "namespace Demo; public static class Numbers { public static int Twice(int value) => value * 2; }");
        GeneratorDriver driver = CreateDriver(catalog).RunGenerators(compilation);
        Assert.Equal("PG0223", Assert.Single(driver.GetRunResult().Results.Single().Diagnostics).Id);

        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.ElementAt(1),
            CSharpSyntaxTree.ParseText("namespace Demo; public static class Numbers { public static int Twice(int value) => value * 3; }", GeneratorHarness.ParseOptions, path: "File1.cs"));
        driver = driver.RunGenerators(edited);
        GeneratorRunResult unrelated = driver.GetRunResult().Results.Single();
        foreach (string step in new[] { TrackingNames.ParsedClients, TrackingNames.Models, TrackingNames.ProjectCatalog, TrackingNames.CatalogDecisions, TrackingNames.Diagnostics })
        {
            Assert.All(Reasons(unrelated, step), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {reason}"));
        }

        // The file turns the model into a chat model: the finding goes, and only the catalog steps ran again.
        string chat = AddsModels.Replace("\"modality\": \"embedding\", \"invokeBody\": \"titanTextEmbeddingsV2\",", "\"modality\": \"chat\",", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(catalog, new InMemoryText(CatalogPath, chat)).RunGenerators(edited);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Empty(result.Diagnostics);
        Assert.All(Reasons(result, TrackingNames.ParsedClients), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(result, TrackingNames.CatalogDecisions)));
        Assert.Contains("ConverseAsync(", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> runs)
            ? runs.SelectMany(run => run.Outputs).Select(output => output.Reason)
            : Enumerable.Empty<IncrementalStepRunReason>();

    private static IReadOnlyList<Diagnostic> Analyze(string source, params AdditionalText[] files) =>
        AnalyzerHarness.Run(files.ToImmutableArray(), source).Where(diagnostic => diagnostic.Severity > DiagnosticSeverity.Info).ToList();

    private static GeneratorRun Generate(string source, params AdditionalText[] files)
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(source);
        GeneratorDriver driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorRun(driver, output);
    }

    private static GeneratorDriver CreateDriver(params AdditionalText[] files) => CSharpGeneratorDriver.Create(
        new[] { new PromptClientGenerator().AsSourceGenerator() },
        files,
        GeneratorHarness.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
