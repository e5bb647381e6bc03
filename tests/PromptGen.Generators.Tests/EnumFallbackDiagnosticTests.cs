using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>PG0304: an enum without a fallback member in a result asked for with the PromptOnly strategy.</summary>
public sealed class EnumFallbackDiagnosticTests
{
    private const string Titan = "amazon.titan-text-express-v1"; // confirmed without tool use: PromptOnly
    private const string Nova = "us.amazon.nova-micro-v1:0";     // forced tool: the schema constrains the answer

    private static string Client(string members, string model, string types = "") => $$"""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public enum Priority { Low, High }
        public enum Mood { Happy, Sad, Unknown }
        public enum Channel { Email, Phone, other }
        public sealed record Triage(Priority Priority, string Summary);
        {{types}}

        [PromptClient(Model = "{{model}}")]
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static List<Diagnostic> Run(string source) => AnalyzerHarness.Run(source).Where(d => d.Id == "PG0304").ToList();

    [Fact]
    public void Enum_without_fallback_in_a_prompt_only_result_is_an_info_at_the_return_type()
    {
        List<Diagnostic> diagnostics = Run(Client("""
                [Prompt("Triage: {{ text }}")]
                Task<Triage> TriageAsync(string text, CancellationToken cancellationToken);
            """, Titan));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        Assert.Equal("Task<Triage>", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "Enum 'Priority' in the result of method 'TriageAsync' has no fallback member, and model 'amazon.titan-text-express-v1' gets the schema only in the prompt (PromptOnly), so an answer that fits no member fails validation; add a member named Unknown, Other, None or Unspecified, or make its uses nullable",
            diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("Task<Priority>", "Priority")]
    [InlineData("Task<PromptResult<List<Priority>>>", "Priority")]
    [InlineData("ValueTask<Dictionary<string, Priority>>", "Priority")]
    public void Enums_reached_through_collections_and_wrappers_are_reported(string returnType, string enumName)
    {
        List<Diagnostic> diagnostics = Run(Client($$$"""
                [Prompt("Rate: {{ text }}")]
                {{{returnType}}} RateAsync(string text, CancellationToken cancellationToken);
            """, Titan));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(returnType, AnalyzerHarness.TextAt(diagnostic));
        Assert.StartsWith($"Enum '{enumName}' in the result of method 'RateAsync'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_PromptOnly_choice_on_a_tool_model_is_reported_and_an_unknown_model_counts_as_prompt_only()
    {
        List<Diagnostic> diagnostics = Run(Client("""
                [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly)]
                [Prompt("Triage: {{ text }}")]
                Task<Triage> TriageAsync(string text, CancellationToken cancellationToken);

                [Model("acme.brand-new-model-v1:0")]
                [Prompt("Triage: {{ text }}")]
                Task<Triage> OtherAsync(string text, CancellationToken cancellationToken);
            """, Nova));

        Assert.Equal(new[] { "Task<Triage>", "Task<Triage>" }, diagnostics.Select(AnalyzerHarness.TextAt));
        Assert.Contains("method 'TriageAsync'", diagnostics[0].GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("model 'acme.brand-new-model-v1:0'", diagnostics[1].GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Task<Mood>")]                              // has Unknown
    [InlineData("Task<Channel>")]                           // has 'other', any case
    [InlineData("Task<Priority?>")]                         // null is the fallback
    [InlineData("Task<Maybe>")]                             // only used as Priority?
    [InlineData("Task<string>")]                            // no typed result
    [InlineData("Task<Verdict>")]                           // no enum
    public void Fallbacks_nullable_uses_and_results_without_enums_are_quiet(string returnType)
    {
        List<Diagnostic> diagnostics = Run(Client($$$"""
                [Prompt("Rate: {{ text }}")]
                {{{returnType}}} RateAsync(string text, CancellationToken cancellationToken);
            """, Titan, "public sealed record Maybe(Priority? Priority); public sealed record Verdict(string Label, int Score);"));

        Assert.True(diagnostics.Count == 0, AnalyzerHarness.Describe(diagnostics));
    }

    [Fact]
    public void A_model_with_a_constraining_strategy_is_quiet()
    {
        List<Diagnostic> diagnostics = Run(Client("""
                [Prompt("Triage: {{ text }}")]
                Task<Triage> TriageAsync(string text, CancellationToken cancellationToken);
            """, Nova));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_streamed_result_is_judged_like_a_task_result()
    {
        IReadOnlyList<Diagnostic> all = AnalyzerHarness.Run(Client("""
                [Prompt("Triage: {{ text }}")]
                ResultStream<Triage, TriagePartial> TriageStream(string text, CancellationToken cancellationToken);
            """, Titan));

        Diagnostic diagnostic = Assert.Single(all, d => d.Id == "PG0304");
        Assert.Equal("ResultStream<Triage, TriagePartial>", AnalyzerHarness.TextAt(diagnostic));
        // PG0301 (schema in the prompt) is judged for streams too.
        Assert.Contains(all, d => d.Id == "PG0301" && AnalyzerHarness.TextAt(d) == "ResultStream<Triage, TriagePartial>");
    }
}
