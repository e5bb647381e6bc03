using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// <c>[Retrieve]</c> on a prompt method: the generated method retrieves once (a knowledge base or the method's own
/// retriever) and renders the templates with the passages as typed values; the declaration's mistakes are
/// PG0500–PG0504 at the argument to change, and the passages' members are checked like any parameter's (PG0103).
/// </summary>
public sealed class DeclaredRetrievalGenerationTests
{
    private static readonly Lazy<GeneratorRun> DeclaredRun = new(() => GeneratorHarness.Run(DeclaredRetrievalSources.Declared));

    [Fact]
    public void Retrieving_methods_match_the_approved_snapshot()
    {
        GeneratorRun run = DeclaredRun.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("RetrievalPrompts", run.GeneratedSource("IDocsAnswers.PromptClient.g.cs"));
    }

    [Fact]
    public void Retrieving_methods_compile_without_warnings_or_analyzer_findings()
    {
        Assert.Empty(DeclaredRun.Value.CompilationDiagnostics);
        IReadOnlyList<Diagnostic> analyzers = AnalyzerHarness.Run(DeclaredRetrievalSources.Declared);
        Assert.True(analyzers.All(d => d.Severity < DiagnosticSeverity.Warning), AnalyzerHarness.Describe(analyzers));
    }

    [Theory]
    [InlineData("[{{ p.rank }}] {{ p.txt }}", "txt")]
    [InlineData("{{ p.text }} ({{ p.locaton }})", "locaton")]
    public void A_typo_in_a_declared_passage_member_is_PG0103_at_its_characters(string loopBody, string typo)
    {
        string source = DeclaredRetrievalSources.Client(
            "[Retrieve(\"KBDOCS0001\", Query = nameof(question))]",
            template: "{{ for p in passages }}" + loopBody + "{{ end }} {{ question }}");

        Diagnostic diagnostic = Assert.Single(AnalyzerHarness.Run(source), d => d.Id == "PG0103");

        Assert.Equal(typo, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("RetrievedPassage", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void The_passages_variable_is_known_and_the_query_parameter_counts_as_used()
    {
        // The query is searched for, never rendered: neither PG0101 (passages) nor PG0102 (topic) applies.
        string source = DeclaredRetrievalSources.Client(
            "[Retrieve(\"KBDOCS0001\", Query = nameof(topic))]", parameters: "string topic", template: "{{ for p in passages }}{{ p.text }}{{ end }}");

        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(source);

        Assert.DoesNotContain(diagnostics, d => d.Id is "PG0101" or "PG0102");
        Assert.Empty(GeneratorHarness.Run(source).GeneratorDiagnostics);
    }

    [Fact]
    public void Without_retrieval_passages_is_still_an_unknown_variable()
    {
        string source = DeclaredRetrievalSources.Client(string.Empty);

        Assert.Contains(AnalyzerHarness.Run(source), d => d.Id == "PG0101" && AnalyzerHarness.TextAt(d) == "passages");
    }

    [Theory]
    [InlineData("[Retrieve(\"\", Query = nameof(question))]", "\"\"", "knowledge base id is empty")]
    [InlineData("[Retrieve(\"  \", Query = nameof(question))]", "\"  \"", "knowledge base id is empty")]
    [InlineData("[Retrieve(Query = nameof(question))]", "Retrieve(Query = nameof(question))", "takes no IPassageRetriever parameter")]
    public void A_retrieval_without_a_knowledge_base_is_PG0500(string retrieve, string at, string says)
    {
        Diagnostic diagnostic = Single(retrieve, "PG0500");

        Assert.Equal(at, GeneratorText(diagnostic));
        Assert.Contains(says, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void A_number_of_results_outside_1_to_100_is_PG0501_at_the_value(int count)
    {
        string value = count.ToString(CultureInfo.InvariantCulture);
        Diagnostic diagnostic = Single($"[Retrieve(\"KBDOCS0001\", Query = nameof(question), NumberOfResults = {value})]", "PG0501");

        Assert.Equal(value, GeneratorText(diagnostic));
        Assert.Contains($"asks for {value} passages", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void More_citable_passages_than_a_message_takes_documents_is_PG0501()
    {
        Diagnostic diagnostic = Single("[Retrieve(\"KBDOCS0001\", Query = nameof(question), NumberOfResults = 6, Citations = true)]", "PG0501");

        Assert.Equal("6", GeneratorText(diagnostic));
        Assert.Contains("at most 5 documents", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Run(DeclaredRetrievalSources.Client("[Retrieve(\"KBDOCS0001\", Query = nameof(question), NumberOfResults = 5, Citations = true)]")).GeneratorDiagnostics);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void The_ends_of_the_range_are_accepted(int count) =>
        Assert.Empty(GeneratorHarness.Run(DeclaredRetrievalSources.Client($"[Retrieve(\"KBDOCS0001\", Query = nameof(question), NumberOfResults = {count})]")).GeneratorDiagnostics);

    [Theory]
    [InlineData("[Retrieve(\"KBDOCS0001\", Query = \"questoin\")]", "string question", "\"questoin\"", "did you mean 'question'?")]
    [InlineData("[Retrieve(\"KBDOCS0001\", Query = \"count\")]", "string question, int count", "\"count\"", "which is 'int'; the query is a string parameter")]
    [InlineData("[Retrieve(\"KBDOCS0001\")]", "string question", "Retrieve(\"KBDOCS0001\")", "names no query")]
    [InlineData("[Retrieve(\"KBDOCS0001\", Query = nameof(question), Filter = \"filtr\")]", "string question, RetrievalFilter? filter", "\"filtr\"", "did you mean 'filter'?")]
    [InlineData("[Retrieve(\"KBDOCS0001\", Query = nameof(question), Filter = nameof(question))]", "string question", "nameof(question)", "the filter is a RetrievalFilter parameter")]
    public void A_query_or_filter_that_names_no_fitting_parameter_is_PG0502(string retrieve, string parameters, string at, string says)
    {
        Diagnostic diagnostic = Single(retrieve, "PG0502", parameters);

        Assert.Equal(at, GeneratorText(diagnostic));
        Assert.Contains(says, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Citations_on_a_model_that_reads_no_documents_is_PG0503_at_the_setting()
    {
        string source = DeclaredRetrievalSources.Client("[Retrieve(\"KBDOCS0001\", Query = nameof(question), Citations = true)]", model: "us.amazon.nova-micro-v1:0");

        Diagnostic diagnostic = Assert.Single(AnalyzerHarness.Run(source), d => d.Id == "PG0503");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Citations = true", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("us.amazon.nova-micro-v1:0", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // A model that reads documents, or citations not asked for, is fine.
        Assert.DoesNotContain(AnalyzerHarness.Run(DeclaredRetrievalSources.Client("[Retrieve(\"KBDOCS0001\", Query = nameof(question), Citations = true)]")), d => d.Id == "PG0503");
        Assert.DoesNotContain(AnalyzerHarness.Run(DeclaredRetrievalSources.Client("[Retrieve(\"KBDOCS0001\", Query = nameof(question))]", model: "us.amazon.nova-micro-v1:0")), d => d.Id == "PG0503");
    }

    [Fact]
    public void Streaming_methods_that_retrieve_match_the_approved_snapshot_and_compile_cleanly()
    {
        GeneratorRun run = GeneratorHarness.Run(DeclaredRetrievalSources.Streaming);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        SnapshotAssert.Matches("RetrievalStreamingPrompts", run.GeneratedSource("IStreamingDocs.PromptClient.g.cs"));
    }

    [Theory]
    [InlineData("PromptStream")]
    [InlineData("IAsyncEnumerable<string>")]
    public void A_streaming_method_retrieves_without_PG0504(string returns)
    {
        string source = DeclaredRetrievalSources.Client("[Retrieve(\"KBDOCS0001\", Query = nameof(question))]", returns: returns)
            .Replace("using System.Threading;", "using System.Collections.Generic;\nusing System.Threading;", StringComparison.Ordinal);

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("PG05", StringComparison.Ordinal));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("string question, string passages", "Task<string>", "parameter 'passages' has the name")]
    [InlineData("string question, string passages", "PromptStream", "parameter 'passages' has the name")]
    public void A_method_that_cannot_retrieve_is_PG0504(string parameters, string returns, string says)
    {
        string source = DeclaredRetrievalSources.Client("[Retrieve(\"KBDOCS0001\", Query = nameof(question))]", parameters: parameters, returns: returns);

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics, d => d.Id == "PG0504");

        Assert.Contains(says, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static Diagnostic Single(string retrieve, string id, string parameters = "string question")
    {
        GeneratorRun run = GeneratorHarness.Run(DeclaredRetrievalSources.Client(retrieve, parameters));
        return Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
    }

    private static string GeneratorText(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
