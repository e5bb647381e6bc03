using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// Retrieved passages (<c>PromptGen.Retrieval.RetrievedPassage</c>) in a template are typed values: their members are
/// checked at build time like any parameter's, so a typo is PG0103 at its characters inside the literal.
/// </summary>
public sealed class RetrievedPassageTemplateTests
{
    private static string Client(string loopBody) => $$$"""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;
        using PromptGen.Retrieval;

        namespace Demo;

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        public partial interface IRag
        {
            [Prompt("{{ for p in passages }}{{{loopBody}}}{{ end }} Question: {{ question }}")]
            Task<string> AnswerAsync(string question, IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken);
        }
        """;

    [Fact]
    public void Every_passage_member_a_template_can_use_is_accepted()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client("[{{ p.rank }}] {{ p.text }} {{ p.score }} {{ p.location }} {{ p.metadata.size }}"));

        Assert.True(diagnostics.All(d => d.Severity < DiagnosticSeverity.Warning), AnalyzerHarness.Describe(diagnostics));
    }

    [Theory]
    [InlineData("[{{ p.rank }}] {{ p.txt }}", "txt")]
    [InlineData("{{ p.text }} ({{ p.locaton }})", "locaton")]
    [InlineData("{{ p.Text }}", "Text")]
    public void A_typo_in_a_passage_member_is_PG0103_at_its_characters(string loopBody, string typo)
    {
        IReadOnlyList<Diagnostic> all = AnalyzerHarness.Run(Client(loopBody));
        Diagnostic diagnostic = Assert.Single(all, d => d.Id == "PG0103");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(typo, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("RetrievedPassage", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
