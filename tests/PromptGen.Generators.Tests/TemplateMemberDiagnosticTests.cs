using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>PG0103: member accesses in templates checked against the parameters' types, with Scriban's names.</summary>
public sealed class TemplateMemberDiagnosticTests
{
    private static string Client(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Customer(string Name, string EmailAddress);
        public sealed record Line(string Sku, int Quantity);
        public sealed record Ticket(string Title, DateTime CreatedAt, Customer Customer, IReadOnlyList<Line> Lines, Line[] Extra, object Payload, Dictionary<string, string> Fields);
        public interface IMarker { }
        public interface INamed { string DisplayName { get; } }
        public interface IPerson : INamed { int Age { get; } }

        [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static IReadOnlyList<Diagnostic> Member(IReadOnlyList<Diagnostic> diagnostics) => diagnostics.Where(d => d.Id == "PG0103").ToList();

    private static Diagnostic Single(string members)
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client(members));
        Assert.True(
            diagnostics.Count == 1 && diagnostics[0].Id == "PG0103",
            "Expected exactly one PG0103, got:\n" + AnalyzerHarness.Describe(diagnostics));
        Assert.Equal(LocationKind.SourceFile, diagnostics[0].Location.Kind);
        return diagnostics[0];
    }

    private static void AssertNoMemberDiagnostics(string members)
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client(members));
        Assert.True(Member(diagnostics).Count == 0, AnalyzerHarness.Describe(diagnostics));
    }

    [Theory]
    [InlineData("\"Summarize {{ ticket.titel }}\"")]
    [InlineData("@\"Say \"\"hi\"\"\nSummarize {{ ticket.titel }}\"")]
    [InlineData("\"\"\"\n        Say \"hi\"\n          Summarize {{ ticket.titel }}\n        \"\"\"")]
    public void Misspelt_member_is_an_error_on_its_characters_with_a_suggestion(string literal)
    {
        Diagnostic diagnostic = Single($$"""
                [Prompt({{literal}})]
                Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken);
            """);

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("titel", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal("'Ticket' has no member 'titel' that templates can read, so rendering fails; did you mean 'title'?", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("Title", "title")]
    [InlineData("CreatedAt", "created_at")]
    [InlineData("createdAt", "created_at")]
    public void Dotnet_member_names_are_errors_and_suggest_the_snake_case_name(string typed, string expected)
    {
        Diagnostic diagnostic = Single($$$"""
                [Prompt("When: {{ ticket.{{{typed}}} }}")]
                Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken);
            """);

        Assert.Equal(typed, AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal($"'Ticket' has no member '{typed}' that templates can read, so rendering fails; did you mean '{expected}'?", diagnostic.GetMessage());
    }

    [Fact]
    public void Chains_are_followed_and_name_the_type_that_lacks_the_member()
    {
        Diagnostic diagnostic = Single("""
                [Prompt("Customer: {{ ticket.customer.email }}")]
                Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken);
            """);

        Assert.Equal("email", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal("'Customer' has no member 'email' that templates can read, so rendering fails; did you mean 'email_address'?", diagnostic.GetMessage());
    }

    [Fact]
    public void Loop_variables_get_the_element_type_of_lists_and_arrays()
    {
        IReadOnlyList<Diagnostic> diagnostics = Member(AnalyzerHarness.Run(Client("""
                [Prompt("{{ for line in ticket.lines }}{{ line.sku }} x{{ line.qty }}{{ end }}{{ for e in ticket.extra }}{{ e.skus }}{{ end }}")]
                Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken);
            """)));

        Assert.Equal(new[] { "qty", "skus" }, diagnostics.Select(AnalyzerHarness.TextAt));
        Assert.Equal("'Line' has no member 'qty' that templates can read, so rendering fails; templates can read 'quantity', 'sku'", diagnostics[0].GetMessage());
        Assert.Equal("'Line' has no member 'skus' that templates can read, so rendering fails; did you mean 'sku'?", diagnostics[1].GetMessage());
    }

    [Fact]
    public void Interface_members_include_inherited_interfaces()
    {
        Diagnostic diagnostic = Single("""
                [Prompt("{{ person.display_name }} ({{ person.age }}, {{ person.name }})")]
                Task<string> GreetAsync(IPerson person, CancellationToken cancellationToken);
            """);

        Assert.Equal("name", AnalyzerHarness.TextAt(diagnostic));
        Assert.StartsWith("'IPerson' has no member 'name'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_chains_loops_pipes_and_builtin_members_are_quiet()
    {
        AssertNoMemberDiagnostics("""
                [SystemPrompt("For {{ ticket.customer.name }} <{{ ticket.customer.email_address }}>")]
                [Prompt("{{ ticket.title | string.upcase }} {{ ticket.created_at | date.to_string '%F' }} {{ ticket.lines.size }} {{ ticket.lines | array.size }} {{ for line in ticket.lines }}{{ for.index }} {{ line.sku }} {{ line.quantity }}{{ end }}{{ ticket.title.size }}")]
                Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken);
            """);
    }

    [Fact]
    public void Unknown_types_and_shadowed_names_are_not_judged()
    {
        AssertNoMemberDiagnostics("""
                [Prompt("{{ ticket.payload.anything }} {{ ticket.fields.whatever }} {{ marker.whatever }} {{ data.anything }} {{ ticket.created_at.year }} {{ for x in ticket.lines | array.sort 'sku' }}{{ x.whatever }}{{ end }} {{ with ticket }}{{ customer.whatever }}{{ end }}")]
                Task<string> AAsync(Ticket ticket, IMarker marker, dynamic data, CancellationToken cancellationToken);

                [Prompt("{{ ticket = other }}{{ ticket.whatever }} {{ for ticket in items }}{{ ticket.whatever }}{{ end }}")]
                Task<string> BAsync(Ticket ticket, object other, object[] items, CancellationToken cancellationToken);

                [Prompt("{{ value.whatever }} {{ map.whatever }}")]
                Task<string> CAsync<T>(T value, IDictionary<string, object> map, CancellationToken cancellationToken);
            """);
    }

    [Theory]
    [InlineData("string name", "{{ name.first }}", "first", "'string' has no member 'first'", "a string has only 'size'")]
    [InlineData("Line line", "{{ line.sku.length }}", "length", "'string' has no member 'length'", "a string has only 'size'")]
    [InlineData("int count", "{{ count.value }}", "value", "'int' has no member 'value'", "a single value with no members")]
    [InlineData("decimal? price", "{{ price.amount }}", "amount", "'decimal?' has no member 'amount'", "a single value with no members")]
    [InlineData("bool urgent", "{{ if urgent.yes }}!{{ end }}", "yes", "'bool' has no member 'yes'", "a single value with no members")]
    [InlineData("DayOfWeek day", "{{ day.name }}", "name", "'DayOfWeek' has no member 'name'", "an enum value has no members")]
    [InlineData("List<string> tags", "{{ tags.first }}", "first", "'List<string>' has no member 'first'", "'items[0]' or with '| array.first'")]
    [InlineData("string[] tags", "{{ tags.count }}", "count", "'string[]' has no member 'count'", "a list has only 'size'")]
    [InlineData("List<string> tags", "{{ for tag in tags }}{{ tag.text }}{{ end }}", "text", "'string' has no member 'text'", "a string has only 'size'")]
    public void A_member_of_a_string_a_number_an_enum_or_a_list_is_an_error_naming_the_type(string parameter, string template, string underlined, string message, string advice)
    {
        GeneratorRun run = GeneratorHarness.Run(Client($$$"""
                [Prompt("{{{template}}} {{ ticket.customer.name }}")]
                Task<string> AskAsync({{{parameter}}}, Ticket ticket, CancellationToken cancellationToken);
            """));
        Diagnostic diagnostic = Single($$$"""
                [Prompt("{{{template}}} {{ ticket.customer.name }}")]
                Task<string> AskAsync({{{parameter}}}, Ticket ticket, CancellationToken cancellationToken);
            """);

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(underlined, AnalyzerHarness.TextAt(diagnostic));
        Assert.StartsWith(message, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains(advice, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        // Not also PG0150 "rendered by Scriban at run time": the template fails there, which is this error.
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void The_size_of_a_string_or_a_list_is_quiet()
    {
        AssertNoMemberDiagnostics("""
                [Prompt("{{ name.size }} {{ tags.size }} {{ codes.size }} {{ ticket.title.size }} {{ if name.size > 3 }}long{{ end }}")]
                Task<string> AAsync(string name, List<string> tags, string[] codes, Ticket ticket, CancellationToken cancellationToken);
            """);
    }

    [Fact]
    public void Test_sources_and_QuickStart_have_no_member_diagnostics()
    {
        string quickStart = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "QuickStart", "Prompts.cs"));

        Assert.Empty(Member(AnalyzerHarness.Run(quickStart)));
        Assert.Empty(Member(AnalyzerHarness.Run(Sources.SupportPrompts, ResultSources.Triage)));
    }
}
