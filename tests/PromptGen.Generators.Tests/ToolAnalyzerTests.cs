using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>The tool analyzers: descriptions (PG0408), the model's tool support (PG0409), tool sets outside templates (PG0102).</summary>
public sealed class ToolAnalyzerTests
{
    private static string Source(string model, string toolMembers) => $$$"""
        using System.ComponentModel;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed class Tools
        {
        {{{toolMembers}}}
        }

        [PromptClient(Model = "{{{model}}}")]
        public partial interface IPrompts
        {
            [Prompt("Plan {{ city }}")]
            Task<string> PlanAsync(string city, Tools tools, CancellationToken cancellationToken = default);
        }
        """;

    private const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    [Fact]
    public void A_tool_without_a_description_is_PG0408_at_the_method_name()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Source(Haiku, """
                [Tool] public string GetWeather(string city) => "";
                [Tool, Description("Local time.")] public string LocalTime(string city) => "";
            """));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0408", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal("GetWeather", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal("Tool 'get_weather' has no [Description]; models choose tools and fill in their inputs from the descriptions", diagnostic.GetMessage());
    }

    [Fact]
    public void A_model_confirmed_without_tool_use_is_PG0409_at_the_model_id()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Source("amazon.titan-text-express-v1", """
                [Tool, Description("Weather.")] public string GetWeather(string city) => "";
            """)).Where(d => d.Id != "PG0203").ToList(); // Titan Text is also legacy

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0409", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("\"amazon.titan-text-express-v1\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("Model 'amazon.titan-text-express-v1' of method 'PlanAsync' does not support tool use", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_described_tool_set_on_a_tool_model_is_quiet_and_is_not_an_unused_template_parameter()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Source(Haiku, """
                [Tool, Description("Weather.")] public string GetWeather([Description("City.")] string city) => "";
            """));

        Assert.True(diagnostics.Count == 0, AnalyzerHarness.Describe(diagnostics));
    }
}
