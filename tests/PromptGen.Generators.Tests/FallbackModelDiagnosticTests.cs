using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// [FallbackModels]: each id goes through the checks a [Model] id gets (catalog, profile, fit, strategy), reported
/// at that id's literal; repeated models (PG0220). PG0221 and PG0222 are retired: streams and tool loops use their fallbacks.
/// </summary>
public sealed class FallbackModelDiagnosticTests
{
    private static string Client(string members, string clientAttributes = "[PromptClient(Model = \"us.amazon.nova-micro-v1:0\")]") => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Verdict(string Label, int Score);

        {{clientAttributes}}
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static List<Diagnostic> Run(string source, params string[] ids) =>
        AnalyzerHarness.Run(source).Where(d => ids.Contains(d.Id)).ToList();

    [Fact]
    public void An_unknown_fallback_id_is_PG0201_at_its_own_literal()
    {
        List<Diagnostic> diagnostics = Run(Client("""
                [FallbackModels("us.anthropic.claude-haiku-4-5-20251001-v1:0", "us.amazon.nova-mikro-v1:0")]
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
            """), "PG0201");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("\"us.amazon.nova-mikro-v1:0\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("did you mean 'us.amazon.nova-micro-v1:0'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_id_that_needs_a_profile_is_PG0205_inside_an_array_and_on_the_interface()
    {
        List<Diagnostic> diagnostics = Run(Client(
            """
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
            """,
            "[PromptClient(Model = \"us.amazon.nova-micro-v1:0\")]\n[FallbackModels(new[] { \"us.amazon.nova-pro-v1:0\", \"anthropic.claude-haiku-4-5-20251001-v1:0\" })]"), "PG0205");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("\"anthropic.claude-haiku-4-5-20251001-v1:0\"", AnalyzerHarness.TextAt(diagnostic));
    }

    [Fact]
    public void MaxTokens_above_a_fallback_models_limit_is_PG0206_naming_that_model()
    {
        List<Diagnostic> diagnostics = Run(Client("""
                [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
                [FallbackModels("us.amazon.nova-micro-v1:0")]
                [Inference(MaxTokens = 8000)]
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
            """), "PG0206");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MaxTokens = 8000", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("us.amazon.nova-micro-v1:0", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_prompt_on_a_fallback_model_without_one_is_PG0208_at_the_fallback()
    {
        List<Diagnostic> diagnostics = Run(Client("""
                [FallbackModels("amazon.titan-text-express-v1")]
                [SystemPrompt("You are terse.")]
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
            """), "PG0208");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("\"amazon.titan-text-express-v1\"", AnalyzerHarness.TextAt(diagnostic));
    }

    [Fact]
    public void A_chosen_strategy_a_fallback_model_cannot_do_is_PG0302_at_the_fallback()
    {
        List<Diagnostic> diagnostics = Run(Client("""
                [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
                [FallbackModels("amazon.titan-text-express-v1")]
                [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
                [Prompt("Judge: {{ text }}")]
                Task<Verdict> JudgeAsync(string text, CancellationToken cancellationToken);
            """), "PG0302");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("\"amazon.titan-text-express-v1\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.StartsWith("Strategy ForcedTool needs a capability model 'amazon.titan-text-express-v1' does not have", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_fallback_that_repeats_a_model_tried_before_is_PG0220_at_the_repeat()
    {
        List<Diagnostic> diagnostics = Run(Client("""
                [FallbackModels("us.amazon.nova-micro-v1:0", "us.amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0")]
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
            """), "PG0220");

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal("\"us.amazon.nova-micro-v1:0\"", AnalyzerHarness.TextAt(diagnostics[0]));
        Assert.Equal("Model 'us.amazon.nova-micro-v1:0' is tried already before this fallback of method 'SummarizeAsync', so falling back to it again only repeats a failed call; remove it", diagnostics[0].GetMessage());
        Assert.Equal("\"us.amazon.nova-pro-v1:0\"", AnalyzerHarness.TextAt(diagnostics[1]));
        Assert.True(diagnostics[1].Location.SourceSpan.Start > diagnostics[0].Location.SourceSpan.Start + 30, "the second nova-pro, not the first");
    }

    [Fact]
    public void Interface_fallbacks_reach_typed_result_streams_and_text_streams_without_a_diagnostic()
    {
        // PG0221 is retired: a typed result stream falls back until its first snapshot reached the caller.
        string source = Client(
            """
                [Prompt("Judge {{ topic }}")]
                ResultStream<Verdict, IPrompts.VerdictPartial> JudgeAsync(string topic, CancellationToken cancellationToken);

                [Prompt("Write about {{ topic }}")]
                PromptStream WriteAsync(string topic, CancellationToken cancellationToken);
            """,
            "[PromptClient(Model = \"us.amazon.nova-micro-v1:0\")]\n[FallbackModels(\"us.amazon.nova-pro-v1:0\")]");
        Assert.Empty(Run(source, "PG0221", "PG0222", "PG0220"));
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Empty(run.CompilationDiagnostics);
        string generated = run.GeneratedSource("IPrompts.PromptClient.g.cs");
        Assert.Contains("return global::PromptGen.CompilerServices.PromptStreams.WithFallbacks(\n                    _bedrock, WriteAsyncModels, request, cancellationToken);", generated, System.StringComparison.Ordinal);
        Assert.Contains("global::PromptGen.CompilerServices.ResultStreams.Create(", generated, System.StringComparison.Ordinal);
        Assert.Contains("JudgeAsyncModels", generated, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Method_fallbacks_on_a_text_stream_are_checked_like_any_others()
    {
        List<Diagnostic> diagnostics = Run(Client("""
                [FallbackModels("us.amazon.nova-micro-v1:0")]
                [Prompt("Write about {{ topic }}")]
                System.Collections.Generic.IAsyncEnumerable<string> WriteAsync(string topic, CancellationToken cancellationToken);
            """), "PG0221", "PG0220");

        Assert.Equal("PG0220", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Fallbacks_on_a_method_with_tools_are_quiet_and_the_tool_loop_gets_the_models_list()
    {
        // PG0222 is retired: a tool loop falls back per model turn, keeping the conversation.
        string source = Client("""
                [FallbackModels("us.amazon.nova-pro-v1:0")]
                [Prompt("Weather in {{ city }}?")]
                Task<string> WeatherAsync(string city, WeatherTools tools, CancellationToken cancellationToken);
            }

            public sealed class WeatherTools
            {
                [Tool, System.ComponentModel.Description("The weather in a city.")]
                public string GetWeather(string city) => "sunny";
            """);
        Assert.Empty(Run(source, "PG0222", "PG0221"));
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Empty(run.CompilationDiagnostics);
        string generated = run.GeneratedSource("IPrompts.PromptClient.g.cs");
        Assert.Contains("WeatherAsyncModels", generated, System.StringComparison.Ordinal);
        Assert.Contains("global::PromptGen.CompilerServices.ToolLoop.RunAsync(", generated, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Good_fallbacks_are_quiet()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client("""
                [FallbackModels("us.anthropic.claude-haiku-4-5-20251001-v1:0", "us.amazon.nova-pro-v1:0")]
                [Inference(MaxTokens = 4000)]
                [Prompt("Judge: {{ text }}")]
                Task<Verdict> JudgeAsync(string text, CancellationToken cancellationToken);
            """));

        Assert.True(diagnostics.Count == 0, AnalyzerHarness.Describe(diagnostics));
    }
}
