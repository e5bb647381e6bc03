using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>PG0215–PG0219: where each squiggles, what it says, and that valid options stay quiet.</summary>
public sealed class InvocationOptionsDiagnosticTests
{
    private const string Claude = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private const string ClaudeOpus41 = "us.anthropic.claude-opus-4-1-20250805-v1:0";

    private static string Client(string members, string model = Claude, string interfaceAttributes = "") => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Triage(string Team, int Priority);

        [PromptClient(Model = "{{model}}")]
        {{interfaceAttributes}}
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string id)
    {
        IEnumerable<Diagnostic> relevant = diagnostics.Where(d => d.Id != "PG0007");
        Assert.True(relevant.Count() == 1 && relevant.Single().Id == id, "Expected exactly one " + id + ", got:\n" + AnalyzerHarness.Describe(diagnostics));
        Diagnostic diagnostic = relevant.Single();
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        return diagnostic;
    }

    private static void AssertQuiet(IReadOnlyList<Diagnostic> diagnostics) =>
        Assert.True(diagnostics.All(d => d.Id == "PG0007"), "Expected no diagnostics, got:\n" + AnalyzerHarness.Describe(diagnostics));

    [Fact]
    public void Every_option_used_well_is_quiet()
    {
        AssertQuiet(AnalyzerHarness.Run(Client("""
                [Reasoning(BudgetTokens = 2048)]
                [Inference(MaxTokens = 8192, TopP = 0.95)]
                [Guardrail("gr1abc2def3", "12", Trace = GuardrailTrace.Enabled)]
                [RequestMetadata("tenant id", "acme:42/eu-west-1")]
                [Prompt("Triage {{ ticket }}")]
                Task<Triage> TriageAsync(string ticket, CancellationToken cancellationToken);

                [Guardrail("arn:aws:bedrock:us-east-1:123456789012:guardrail/gr1abc2def3", "DRAFT")]
                [Prompt("Answer {{ question }}")]
                Task<string> AnswerAsync(string question, CancellationToken cancellationToken);
            """)));
    }

    [Theory]
    [InlineData("us.amazon.nova-pro-v1:0")]
    [InlineData("us.meta.llama3-3-70b-instruct-v1:0")]
    public void Reasoning_on_a_model_without_claude_thinking_is_reported_at_the_attribute(string model)
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Reasoning(BudgetTokens = 2048)]
                [Prompt("Plan {{ trip }}")]
                Task<string> PlanAsync(string trip, CancellationToken cancellationToken);
            """, model)), "PG0215");

        Assert.Equal("Reasoning(BudgetTokens = 2048)", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains($"Model '{model}' has no Claude extended thinking", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Interface_reasoning_on_a_model_without_thinking_is_reported_at_each_method_name()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client("""
                [Prompt("Plan {{ trip }}")]
                Task<string> PlanAsync(string trip, CancellationToken cancellationToken);

                [Model("us.amazon.nova-lite-v1:0")]
                [Prompt("Book {{ trip }}")]
                Task<string> BookAsync(string trip, CancellationToken cancellationToken);
            """, interfaceAttributes: "[Reasoning]"));

        Diagnostic diagnostic = Single(diagnostics, "PG0215");
        Assert.Equal("BookAsync", AnalyzerHarness.TextAt(diagnostic));
    }

    [Fact]
    public void A_claude_model_whose_reasoning_is_unconfirmed_is_not_judged()
    {
        AssertQuiet(AnalyzerHarness.Run(Client("""
                [Reasoning]
                [Prompt("Plan {{ trip }}")]
                Task<string> PlanAsync(string trip, CancellationToken cancellationToken);
            """, ClaudeOpus41)));
    }

    [Theory]
    [InlineData("[Reasoning(BudgetTokens = 512)]", "", "BudgetTokens = 512", "is below Claude's minimum of 1024")]
    [InlineData("[Reasoning(BudgetTokens = 4096)]", "[Inference(MaxTokens = 4096)]", "BudgetTokens = 4096", "is not below MaxTokens = 4096")]
    public void A_thinking_budget_out_of_range_is_reported_at_the_budget(string reasoning, string inference, string expectedText, string expectedMessage)
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client($$$"""
                {{{reasoning}}}
                {{{inference}}}
                [Prompt("Prove {{ claim }}")]
                Task<string> ProveAsync(string claim, CancellationToken cancellationToken);
            """)), "PG0216");

        Assert.Equal(expectedText, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains(expectedMessage, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_budget_is_judged_against_the_interface_max_tokens_too()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Reasoning(BudgetTokens = 3000)]
                [Prompt("Prove {{ claim }}")]
                Task<string> ProveAsync(string claim, CancellationToken cancellationToken);
            """, interfaceAttributes: "[Inference(MaxTokens = 2000)]")), "PG0216");

        Assert.Equal("BudgetTokens = 3000", AnalyzerHarness.TextAt(diagnostic));
    }

    [Theory]
    [InlineData("[Inference(MaxTokens = 4096, Temperature = 0.2)]", "Temperature = 0.2", "Temperature = 0.2")]
    [InlineData("[Inference(MaxTokens = 4096, TopP = 0.5)]", "TopP = 0.5", "TopP = 0.5")]
    public void Sampling_settings_with_thinking_are_reported_at_the_setting(string inference, string expectedText, string expectedInMessage)
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client($$$"""
                [Reasoning]
                {{{inference}}}
                [Prompt("Summarize {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
            """)), "PG0217");

        Assert.Equal(expectedText, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains(expectedInMessage, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_through_a_forced_tool_with_thinking_is_reported()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Reasoning]
                [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
                [Prompt("Triage {{ ticket }}")]
                Task<Triage> TriageAsync(string ticket, CancellationToken cancellationToken);
            """)), "PG0217");

        Assert.Equal("Reasoning", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("forced tool", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Guardrail(\"Support Guardrail\", \"1\")]", "\"Support Guardrail\"", "identifier")]
    [InlineData("[Guardrail(\"gr1abc\", \"v1\")]", "\"v1\"", "version")]
    [InlineData("[Guardrail(\"gr1abc\", \"012\")]", "\"012\"", "version")]
    [InlineData("[Guardrail(\"gr1abc\", \"draft\")]", "\"draft\"", "version")]
    public void An_invalid_guardrail_reference_is_reported_at_the_argument(string guardrail, string expectedText, string part)
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client($$$"""
                {{{guardrail}}}
                [Prompt("Answer {{ question }}")]
                Task<string> AnswerAsync(string question, CancellationToken cancellationToken);
            """)), "PG0218");

        Assert.Equal(expectedText, AnalyzerHarness.TextAt(diagnostic));
        Assert.StartsWith($"Guardrail {part} ", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_interface_guardrail_is_judged_once()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Prompt("Answer {{ question }}")]
                Task<string> AnswerAsync(string question, CancellationToken cancellationToken);

                [Prompt("Explain {{ question }}")]
                Task<string> ExplainAsync(string question, CancellationToken cancellationToken);
            """, interfaceAttributes: "[Guardrail(\"gr1abc\", \"latest\")]")), "PG0218");

        Assert.Equal("\"latest\"", AnalyzerHarness.TextAt(diagnostic));
    }

    [Theory]
    [InlineData("[RequestMetadata(\"\", \"x\")]", "\"\"", "key")]
    [InlineData("[RequestMetadata(\"team\", \"support <tier 1>\")]", "\"support <tier 1>\"", "value")]
    public void Request_metadata_outside_the_limits_is_reported_at_the_argument(string metadata, string expectedText, string part)
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client($$$"""
                {{{metadata}}}
                [Prompt("Answer {{ question }}")]
                Task<string> AnswerAsync(string question, CancellationToken cancellationToken);
            """)), "PG0219");

        Assert.Equal(expectedText, AnalyzerHarness.TextAt(diagnostic));
        Assert.StartsWith($"Request metadata {part} ", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_seventeenth_metadata_pair_is_reported()
    {
        string pairs = string.Join("\n", Enumerable.Range(1, 17).Select(i => $"[RequestMetadata(\"k{i}\", \"v\")]"));
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client($$$"""
                {{{pairs}}}
                [Prompt("Answer {{ question }}")]
                Task<string> AnswerAsync(string question, CancellationToken cancellationToken);
            """)), "PG0219");

        Assert.Equal("RequestMetadata(\"k17\", \"v\")", AnalyzerHarness.TextAt(diagnostic));
    }

    [Fact]
    public void A_request_metadata_parameter_is_not_an_unused_template_parameter()
    {
        AssertQuiet(AnalyzerHarness.Run(Client("""
                [Prompt("Answer {{ question }}")]
                Task<string> AnswerAsync(string question, [RequestMetadata] System.Collections.Generic.IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);
            """)));
    }

    [Fact]
    public void A_cache_point_after_tools_on_a_method_without_tools_is_reported_at_the_argument()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [CachePoint(CacheAfter.Tools | CacheAfter.System)]
                [Prompt("Summarize {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
            """)), "PG0017");

        Assert.Equal("CacheAfter.Tools | CacheAfter.System", AnalyzerHarness.TextAt(diagnostic));
    }

    [Fact]
    public void A_cache_point_after_tools_on_a_method_with_a_tool_set_is_quiet()
    {
        AssertQuiet(AnalyzerHarness.Run(Client("""
                [CachePoint(CacheAfter.Tools)]
                [Prompt("Count {{ code }}")]
                Task<string> CountAsync(string code, StockTools tools, CancellationToken cancellationToken);
            """), """
            namespace Demo;

            public sealed class StockTools
            {
                [PromptGen.Tool, System.ComponentModel.Description("Units in stock.")]
                public int CountStock([System.ComponentModel.Description("The code.")] string code) => 1;
            }
            """));
    }
}
