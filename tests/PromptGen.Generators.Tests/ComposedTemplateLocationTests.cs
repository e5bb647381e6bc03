using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// Templates composed of several pieces: concatenations, constant interpolated strings (regular, verbatim, raw) and
/// named constants. A finding in text written in place is underlined there; one in a constant's text is underlined
/// inside the constant's own literal.
/// </summary>
public sealed class ComposedTemplateLocationTests
{
    private static string Client(string prompt) => $$$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Ticket(string Title, string Body);

        internal static class Shared
        {
            public const string Persona = "a support agent";
            public const string Broken = "Hi {{ nam }}";
        }

        [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
        public partial interface IPrompts
        {
            [Prompt({{{prompt}}})]
            Task<string> SummarizeAsync(Ticket ticket, string name, CancellationToken cancellationToken);
        }
        """;

    private static Diagnostic SingleAnalyzerDiagnostic(string prompt, string id)
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client(prompt)).Where(d => d.Id == id).ToList();
        Assert.True(diagnostics.Count == 1, AnalyzerHarness.Describe(AnalyzerHarness.Run(Client(prompt))));
        Assert.Equal(LocationKind.SourceFile, diagnostics[0].Location.Kind);
        return diagnostics[0];
    }

    [Theory]
    [InlineData("\"Act as \" + Shared.Persona + \". {{ name }} {{ ticket.body }} {{ tiket.title }}\"")]
    [InlineData("$\"You are {Shared.Persona}. {{{{ name }}}} {{{{ ticket.body }}}} {{{{ tiket.title }}}}\"")]
    [InlineData("$@\"You are {Shared.Persona}.\n{{{{ name }}}} {{{{ ticket.body }}}} {{{{ tiket.title }}}}\"")]
    [InlineData("$\"\\tYou are {Shared.Persona}.\\n{{{{ name }}}} {{{{ ticket.body }}}} {{{{ tiket.title }}}}\"")]
    [InlineData("$$$\"\"\"You are {{{Shared.Persona}}}. {{ name }} {{ ticket.body }} {{ tiket.title }}\"\"\"")]
    [InlineData("$$$\"\"\"\n            You are {{{Shared.Persona}}}.\n              {{ name }} {{ ticket.body }} {{ tiket.title }}\n            \"\"\"")]
    [InlineData("(\"You are \" + $\"{Shared.Persona}\") + \"\"\"\n             {{ name }} {{ ticket.body }} {{ tiket.title }}\n            \"\"\"")]
    public void Unknown_variable_in_text_written_in_place_is_underlined_exactly(string prompt)
    {
        Diagnostic diagnostic = SingleAnalyzerDiagnostic(prompt, "PG0101");

        Assert.Equal("tiket", AnalyzerHarness.TextAt(diagnostic));
    }

    [Theory]
    [InlineData("$\"You are {Shared.Persona}. {{{{ name }}}} {{{{ ticket.titel }}}} {{{{ ticket.body }}}}\"")]
    [InlineData("\"{{ name }} \" + Shared.Persona + \" {{ ticket.titel }} {{ ticket.body }}\"")]
    public void Unknown_member_in_a_composed_template_is_underlined_exactly(string prompt)
    {
        Diagnostic diagnostic = SingleAnalyzerDiagnostic(prompt, "PG0103");

        Assert.Equal("titel", AnalyzerHarness.TextAt(diagnostic));
    }

    [Theory]
    [InlineData("Shared.Broken + \" {{ ticket.title }} {{ ticket.body }}\"")]
    [InlineData("$\"{Shared.Broken} {{{{ ticket.title }}}} {{{{ ticket.body }}}}\"")]
    public void A_finding_inside_a_constant_is_underlined_inside_the_constant(string prompt)
    {
        Diagnostic diagnostic = SingleAnalyzerDiagnostic(prompt, "PG0101");

        Assert.Equal("nam", AnalyzerHarness.TextAt(diagnostic));
        int line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        Assert.Contains("Broken = \"Hi {{ nam }}\"", diagnostic.Location.SourceTree!.GetText().Lines[line].ToString(), System.StringComparison.Ordinal);
        Assert.StartsWith("'nam' is not a parameter", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Hello \" + Shared.Persona + \" {{ name | }} {{ ticket.title }} {{ ticket.body }}\"")]
    [InlineData("$\"Hello {Shared.Persona} {{{{ name | }}}} {{{{ ticket.title }}}} {{{{ ticket.body }}}}\"")]
    [InlineData("$$$\"\"\"Hello {{{Shared.Persona}}} {{ name | }} {{ ticket.title }} {{ ticket.body }}\"\"\"")]
    public void Syntax_error_in_a_composed_template_is_underlined_inside_the_literal(string prompt)
    {
        GeneratorRun run = GeneratorHarness.Run(Client(prompt));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PG0100");
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        Assert.Equal("|", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_composed_template_is_quiet()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client("$\"You are {Shared.Persona}. {{{{ name }}}}: {{{{ ticket.title }}}} {{{{ ticket.body }}}}\""));

        Assert.True(diagnostics.Count == 0, AnalyzerHarness.Describe(diagnostics));
    }
}
