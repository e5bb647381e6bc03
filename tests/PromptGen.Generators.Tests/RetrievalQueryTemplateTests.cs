using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// <c>[Retrieve(QueryTemplate = …)]</c>: the query is a Scriban template over the method's parameters, compiled at build
/// time like the prompts and checked by the same readers (PG0100, PG0101, PG0103, PG0105 inside its literal); it is
/// exclusive with <c>Query</c> (PG0505), and a retrieval with neither is PG0502.
/// </summary>
public sealed class RetrievalQueryTemplateTests
{
    private static readonly Lazy<GeneratorRun> QueryTemplatesRun = new(() => GeneratorHarness.Run(DeclaredRetrievalSources.QueryTemplates));

    [Fact]
    public void Query_templates_match_the_approved_snapshot_and_compile_cleanly()
    {
        GeneratorRun run = QueryTemplatesRun.Value;

        Assert.Empty(run.CompilationDiagnostics);
        SnapshotAssert.Matches("RetrievalQueryTemplatePrompts", run.GeneratedSource("IProductDocs.PromptClient.g.cs"));
    }

    [Fact]
    public void A_query_template_with_no_compiled_form_is_PG0150_at_its_construct_inside_the_query_literal()
    {
        Diagnostic diagnostic = Assert.Single(QueryTemplatesRun.Value.GeneratorDiagnostics);

        Assert.Equal("PG0150", diagnostic.Id);
        Assert.Equal("string.truncate 40", GeneratorText(diagnostic));
        Assert.Contains("QueryTemplate = \"{{ question | string.truncate 40 }}\"", LineOf(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_read_only_by_the_query_template_count_as_used()
    {
        IReadOnlyList<Diagnostic> analyzers = AnalyzerHarness.Run(DeclaredRetrievalSources.QueryTemplates);

        Assert.True(analyzers.All(d => d.Severity < DiagnosticSeverity.Warning), AnalyzerHarness.Describe(analyzers));
    }

    [Theory]
    [InlineData("{{ product.nmae }} {{ question }}", "nmae", "did you mean 'name'?")]
    [InlineData("{{ question }} {{ product.version.major }}", "major", "string")]
    public void A_misspelt_member_in_the_query_template_is_PG0103_at_its_characters(string query, string at, string says)
    {
        Diagnostic diagnostic = Assert.Single(AnalyzerHarness.Run(ProductClient(query)), d => d.Id == "PG0103");

        Assert.Equal(at, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains(says, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("QueryTemplate = \"" + query + "\"", LineOf(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ questoin }}", "questoin", "did you mean 'question'?")]
    [InlineData("{{ question }} {{ passages.size }}", "passages", "add a parameter named 'passages'")]
    public void An_unknown_variable_in_the_query_template_is_PG0101_and_passages_are_not_in_its_scope(string query, string at, string says)
    {
        Diagnostic diagnostic = Assert.Single(AnalyzerHarness.Run(ProductClient(query)), d => d.Id == "PG0101");

        Assert.Equal(at, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains(says, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("QueryTemplate", LineOf(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_template_that_does_not_parse_is_PG0100_inside_it_and_stops_generation()
    {
        GeneratorRun run = GeneratorHarness.Run(ProductClient("{{ question "));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PG0100");

        Assert.Equal("{{", GeneratorText(diagnostic));
        Assert.Contains("QueryTemplate = \"{{ question \"", LineOf(diagnostic), StringComparison.Ordinal);
        Assert.Contains("PromptGen could not generate 'AskAsync'", run.GeneratedSource("IAsk.PromptClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_query_template_is_PG0105()
    {
        Diagnostic diagnostic = Assert.Single(AnalyzerHarness.Run(ProductClient("  ")), d => d.Id == "PG0105");

        Assert.Equal("\"  \"", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("[Retrieve(QueryTemplate)]", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("needs text to search for", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Query_and_query_template_together_are_PG0505_at_the_template()
    {
        string source = DeclaredRetrievalSources.Client("[Retrieve(\"KBDOCS0001\", Query = nameof(question), QueryTemplate = \"{{ question }}\")]");

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics);

        Assert.Equal("PG0505", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("\"{{ question }}\"", GeneratorText(diagnostic));
        Assert.Contains("sets both Query and QueryTemplate", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Neither_query_nor_query_template_is_PG0502_naming_both_ways()
    {
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(DeclaredRetrievalSources.Client("[Retrieve(\"KBDOCS0001\")]")).GeneratorDiagnostics);

        Assert.Equal("PG0502", diagnostic.Id);
        Assert.Equal("Retrieve(\"KBDOCS0001\")", GeneratorText(diagnostic));
        Assert.Contains("or QueryTemplate to a template over the parameters", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string ProductClient(string query) => DeclaredRetrievalSources.Client(
        $"[Retrieve(\"KBDOCS0001\", QueryTemplate = \"{query}\")]",
        parameters: "Product product, string question",
        template: "{{ for p in passages }}{{ p.text }}{{ end }} {{ product.name }} {{ question }}")
        .Replace("namespace Docs;", "namespace Docs;\n\npublic sealed record Product(string Name, string Version);", StringComparison.Ordinal);

    private static string GeneratorText(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static string LineOf(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString();
}
