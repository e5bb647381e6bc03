using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>PG0301 (schema sent in the prompt) and PG0302 (a [StructuredOutput] strategy the model cannot do).</summary>
public sealed class ResultStrategyDiagnosticTests
{
    private const string Titan = "amazon.titan-text-express-v1";

    private static string Client(string members, string clientAttribute) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Verdict(string Label, int Score);

        {{clientAttribute}}
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static List<Diagnostic> Run(string source) =>
        AnalyzerHarness.Run(source).Where(d => d.Id is "PG0301" or "PG0302").ToList();

    // PG0301

    [Fact]
    public void Typed_result_on_a_model_without_tool_use_is_an_info_at_the_return_type()
    {
        List<Diagnostic> diagnostics = Run(Client(
            """
                [Prompt("Judge: {{ text }}")]
                Task<Verdict> JudgeAsync(string text, CancellationToken cancellationToken);
            """,
            $"[PromptClient(Model = \"{Titan}\")]"));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0301", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal("Task<Verdict>", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "Method 'JudgeAsync' returns a typed result, but model 'amazon.titan-text-express-v1' has neither native structured output nor forced tool choice, so PromptGen uses the PromptOnly strategy: the JSON schema is sent in the prompt and the answer is validated and repaired; choose a model with tool use for stronger guarantees",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Text_results_tool_models_and_explicit_choices_are_quiet()
    {
        Assert.Empty(Run(Client(
            """
                [Prompt("Say: {{ text }}")]
                Task<string> SayAsync(string text, CancellationToken cancellationToken);

                [Model("us.amazon.nova-micro-v1:0")]
                [Prompt("Judge: {{ text }}")]
                Task<Verdict> JudgeAsync(string text, CancellationToken cancellationToken);

                [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly)]
                [Prompt("Judge again: {{ text }}")]
                Task<Verdict> AgainAsync(string text, CancellationToken cancellationToken);
            """,
            $"[PromptClient(Model = \"{Titan}\")]")));
    }

    // PG0302

    [Fact]
    public void Forced_tool_on_a_model_without_tool_use_is_an_error_at_the_strategy()
    {
        List<Diagnostic> diagnostics = Run(Client(
            """
                [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
                [Prompt("Judge: {{ text }}")]
                Task<Verdict> JudgeAsync(string text, CancellationToken cancellationToken);
            """,
            $"[PromptClient(Model = \"{Titan}\")]"));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0302", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Strategy = StructuredOutputStrategy.ForcedTool", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "Strategy ForcedTool needs a capability model 'amazon.titan-text-express-v1' does not have, so method 'JudgeAsync' fails with a 400 from Bedrock; use StructuredOutputStrategy.PromptOnly or remove the Strategy to let PromptGen choose",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Forced_tool_on_a_model_with_tool_use_is_quiet()
    {
        Assert.Empty(Run(Client(
            """
                [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
                [Prompt("Judge: {{ text }}")]
                Task<Verdict> JudgeAsync(string text, CancellationToken cancellationToken);
            """,
            "[PromptClient(Model = \"us.amazon.nova-micro-v1:0\")]")));
    }
}
