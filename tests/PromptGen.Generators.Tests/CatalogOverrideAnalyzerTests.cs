using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// A project's promptgen.models.json (an AdditionalFiles item) laid over the built-in catalog: the analyzers judge
/// model ids against the merged catalog, and a file they cannot read is one PG0230 at its fault, never a crash.
/// </summary>
public sealed class CatalogOverrideAnalyzerTests
{
    private const string NextWeeksModel = "amazon.nova-9-lite-v1:0";

    private const string AddsAModel = """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "amazon.nova-9-lite-v1:0", "provider": "Amazon", "family": "Nova 9", "name": "Nova 9 Lite", "modality": "chat",
              "limits": { "contextTokens": 300000, "maxOutputTokens": 8000 },
              "lifecycle": { "status": "active" },
              "inferenceProfile": { "required": true, "prefixes": ["us", "eu"] },
              "capabilities": ["converse", "converseStream", "systemPrompt", "toolUse", "forcedToolChoice", "streamingToolUse"],
              "unconfirmed": [],
              "source": "a test's override"
            }
          ]
        }
        """;

    private static string Client(string model, string inference = "") => $$$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        [PromptClient(Model = "{{{model}}}")]
        public partial interface IPrompts
        {
            {{{inference}}}
            [Prompt("Summarize: {{ text }}")]
            Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
        }
        """;

    private static IReadOnlyList<Diagnostic> Run(string source, params (string Path, string Text)[] files) =>
        AnalyzerHarness.Run(files.Select(file => (AdditionalText)new InMemoryText(file.Path, file.Text)).ToImmutableArray(), source)
            .Where(diagnostic => diagnostic.Severity > DiagnosticSeverity.Info)
            .ToList();

    [Fact]
    public void Without_the_file_next_weeks_model_is_unknown()
    {
        Assert.Equal(new[] { "PG0201" }, Run(Client("us." + NextWeeksModel)).Select(d => d.Id));
    }

    [Fact]
    public void An_added_model_is_known_and_its_limits_are_checked()
    {
        Assert.Empty(Run(Client("us." + NextWeeksModel), ("/project/promptgen.models.json", AddsAModel)));

        Diagnostic tooMany = Assert.Single(Run(Client("us." + NextWeeksModel, "[Inference(MaxTokens = 9000)]"), ("/project/promptgen.models.json", AddsAModel)));
        Assert.Equal("PG0206", tooMany.Id);
        Assert.Contains("above the 8000 output tokens", tooMany.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_limit_is_the_one_the_analyzer_uses()
    {
        const string Lowered = """{ "asOf": "2026-12-01", "models": [ { "id": "amazon.nova-micro-v1:0", "limits": { "maxOutputTokens": 1000 } } ] }""";
        string source = Client("us.amazon.nova-micro-v1:0", "[Inference(MaxTokens = 2000)]");

        Assert.Empty(Run(source));
        Diagnostic lowered = Assert.Single(Run(source, ("/project/promptgen.models.json", Lowered)));
        Assert.Equal("PG0206", lowered.Id);
        Assert.Contains("above the 1000 output tokens", lowered.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_retired_by_the_file_is_end_of_life_with_its_successor()
    {
        const string Retires = """
            { "asOf": "2026-12-01", "models": [ { "id": "amazon.nova-micro-v1:0",
              "lifecycle": { "status": "endOfLife", "endOfLife": "2026-11-30", "successor": "amazon.nova-lite-v1:0" } } ] }
            """;

        Diagnostic retired = Assert.Single(Run(Client("us.amazon.nova-micro-v1:0"), ("/project/promptgen.models.json", Retires)));

        Assert.Equal(("PG0204", DiagnosticSeverity.Error), (retired.Id, retired.Severity));
        Assert.Equal(
            "Model 'us.amazon.nova-micro-v1:0' reached end of life on Bedrock on 2026-11-30, and calls to it fail; use 'us.amazon.nova-lite-v1:0' instead",
            retired.GetMessage());
        Assert.Equal("us.amazon.nova-lite-v1:0", retired.Properties["SuccessorModelId"]);
    }

    [Fact]
    public void A_file_under_another_name_is_not_a_catalog()
    {
        Assert.Equal(new[] { "PG0201" }, Run(Client("us." + NextWeeksModel), ("/project/models.json", AddsAModel)).Select(d => d.Id));
    }

    [Fact]
    public void A_malformed_file_is_one_error_at_its_fault_and_the_build_keeps_the_built_in_catalog()
    {
        string broken = AddsAModel.Replace("\"maxOutputTokens\": 8000", "\"maxOutputTokens\": \"lots\"", System.StringComparison.Ordinal);

        IReadOnlyList<Diagnostic> diagnostics = Run(Client("us." + NextWeeksModel), ("/project/promptgen.models.json", broken));

        Assert.Equal(new[] { "PG0201", "PG0230" }, diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        Diagnostic bad = diagnostics.Single(d => d.Id == "PG0230");
        Assert.Equal(DiagnosticSeverity.Error, bad.Severity);
        Assert.Equal("/project/promptgen.models.json", bad.Location.GetLineSpan().Path);
        Assert.Equal(6, bad.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal(
            "PromptGen cannot read the model catalog file 'promptgen.models.json' (6,63): 'maxOutputTokens' must be a number, not a string; none of its models are used until it is fixed",
            bad.GetMessage());
    }

    [Fact]
    public void Text_that_is_not_json_is_one_error_not_a_crash()
    {
        IReadOnlyList<Diagnostic> diagnostics = Run(Client("us.amazon.nova-micro-v1:0"), ("/project/promptgen.models.json", "{ \"asOf\": "));

        Diagnostic bad = Assert.Single(diagnostics);
        Assert.Equal("PG0230", bad.Id);
        Assert.Contains("not valid JSON", bad.GetMessage(), System.StringComparison.Ordinal);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
