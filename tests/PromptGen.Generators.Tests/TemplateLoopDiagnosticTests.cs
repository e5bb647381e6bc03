using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>PG0104: a for/tablerow loop over a value that can never be a collection, at the iterated expression.</summary>
public sealed class TemplateLoopDiagnosticTests
{
    private static string Client(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public enum Priority { Low, High }
        public sealed record Line(string Sku, int Quantity);
        public record Ticket(string Title, int TitleCount, DateTime CreatedAt, Priority Priority, int? Retries, IReadOnlyList<Line> Lines, Line[] Extra, object Payload, IEnumerable<string> Tags, Dictionary<string, string> Fields);

        [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static IReadOnlyList<Diagnostic> Run(string members) => AnalyzerHarness.Run(Client(members));

    [Theory]
    [InlineData("\"Lines: {{ for x in ticket.title_count }}{{ x }}{{ end }}\"")]
    [InlineData("@\"Say \"\"hi\"\"\nLines: {{ for x in ticket.title_count }}{{ x }}{{ end }}\"")]
    [InlineData("\"\"\"Say \"hi\" {{ for x in ticket.title_count }}{{ x }}{{ end }}\"\"\"")]
    [InlineData("\"\"\"\n        Say \"hi\"\n          {{ for x in ticket.title_count }}{{ x }}{{ end }}\n        \"\"\"")]
    [InlineData("\"Line \\t one\\n{{ for x in ticket.title_count }}{{ x }}{{ end }}\"")]
    public void Loop_over_an_int_member_is_an_error_at_the_iterated_expression(string literal)
    {
        IReadOnlyList<Diagnostic> diagnostics = Run($$"""
                [Prompt({{literal}})]
                Task<string> ListAsync(Ticket ticket, CancellationToken cancellationToken);
            """);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0104", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        Assert.Equal("ticket.title_count", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "The template loops over 'ticket.title_count', a 'int', which is not a collection, so rendering fails with 'Unexpected type for iterator'; loop over an array, a list or another IEnumerable, or remove the loop",
            diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("{{ for x in count }}{{ x }}{{ end }}", "count", "int")]
    [InlineData("{{ for x in ticket }}{{ x }}{{ end }}", "ticket", "Ticket")]
    [InlineData("{{ for x in ticket.created_at }}{{ x }}{{ end }}", "ticket.created_at", "DateTime")]
    [InlineData("{{ for x in ticket.priority }}{{ x }}{{ end }}", "ticket.priority", "Priority")]
    [InlineData("{{ for x in ticket.retries }}{{ x }}{{ end }}", "ticket.retries", "int?")]
    [InlineData("{{ tablerow x in count }}{{ x }}{{ end }}", "count", "int")]
    [InlineData("{{ for line in ticket.lines }}{{ for q in line.quantity }}{{ q }}{{ end }}{{ end }}", "line.quantity", "int")]
    [InlineData("{{ if true }}{{ for x in ticket.title_count }}{{ x }}{{ end }}{{ end }}", "ticket.title_count", "int")]
    public void Every_kind_of_non_collection_is_reported(string template, string expression, string type)
    {
        IReadOnlyList<Diagnostic> diagnostics = Run($$"""
                [Prompt("{{template}}")]
                Task<string> ListAsync(Ticket ticket, int count, CancellationToken cancellationToken);
            """);

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id != "PG0102"); // one of ticket/count is unused
        Assert.Equal("PG0104", diagnostic.Id);
        Assert.Equal(expression, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains($"'{expression}', a '{type}',", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ for l in ticket.lines }}{{ l.sku }}{{ end }}")]
    [InlineData("{{ for l in ticket.extra }}{{ l.sku }}{{ end }}")]
    [InlineData("{{ for c in ticket.title }}{{ c }}{{ end }}")]
    [InlineData("{{ for t in ticket.tags }}{{ t }}{{ end }}")]
    [InlineData("{{ for f in ticket.fields }}{{ f.key }}{{ end }}")]
    [InlineData("{{ for p in ticket.payload }}{{ p }}{{ end }}")]
    [InlineData("{{ for i in 1..ticket.title_count }}{{ i }}{{ end }}")]
    [InlineData("{{ for l in ticket.lines | array.reverse }}{{ l.sku }}{{ end }}")]
    [InlineData("{{ ticket = [1, 2] }}{{ for x in ticket }}{{ x }}{{ end }}")]
    public void Collections_strings_unknowable_values_and_ranges_are_quiet(string template)
    {
        IReadOnlyList<Diagnostic> diagnostics = Run($$"""
                [Prompt("{{template}}")]
                Task<string> ListAsync(Ticket ticket, CancellationToken cancellationToken);
            """);

        Assert.True(diagnostics.Count == 0, AnalyzerHarness.Describe(diagnostics));
    }

    [Fact]
    public void A_shared_system_prompt_loop_is_reported_once()
    {
        string source = Client("""
                [Prompt("A {{ count }}")]
                Task<string> AAsync(int count, CancellationToken cancellationToken);

                [Prompt("B {{ count }}")]
                Task<string> BAsync(int count, CancellationToken cancellationToken);
            """).Replace("[PromptClient(Model = \"us.amazon.nova-micro-v1:0\")]", "[PromptClient(Model = \"us.amazon.nova-micro-v1:0\"), SystemPrompt(\"{{ for x in count }}{{ x }}{{ end }}\")]");

        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(source);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0104", diagnostic.Id);
        Assert.Equal("count", AnalyzerHarness.TextAt(diagnostic));
    }
}
