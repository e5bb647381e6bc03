using System;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>What stops a method with tools from being generated, each reported at the exact place to fix.</summary>
public sealed class ToolDiagnosticTests
{
    private static string Source(string toolMembers, string promptMembers = """
            [Prompt("Plan {{ city }}")]
            Task<string> PlanAsync(string city, Tools tools, CancellationToken cancellationToken = default);
        """) => $$"""
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Plan(string Summary);

        public sealed class Tools
        {
        {{toolMembers}}
        }

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        public partial interface IPrompts
        {
        {{promptMembers}}
        }
        """;

    private static (Diagnostic Diagnostic, string Text) Single(string source, string id)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Null(run.Result.Exception);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        // The method is still implemented (its body throws), so the user sees our error and no CS0535 cascade.
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        return (diagnostic, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void A_parameter_without_a_JSON_shape_is_PG0400_at_the_parameter()
    {
        (Diagnostic diagnostic, string text) = Single(Source("""
                [Tool, Description("Reads.")]
                public string Read(object path) => "";
            """), "PG0400");

        Assert.Equal("path", text);
        Assert.Contains("Parameter 'path' of tool method 'Read'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'object' at $.path has no JSON shape", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ref_parameter_is_PG0400()
    {
        (_, string text) = Single(Source("""
                [Tool, Description("Counts.")]
                public string Count(ref int total) => "";
            """), "PG0400");

        Assert.Equal("total", text);
    }

    [Fact]
    public void A_return_type_without_a_JSON_shape_is_PG0401_at_the_return_type()
    {
        (Diagnostic diagnostic, string text) = Single(Source("""
                [Tool, Description("Finds.")]
                public Task<object> FindAsync(string id) => Task.FromResult<object>(id);
            """), "PG0401");

        Assert.Equal("Task<object>", text);
        Assert.Contains("Tool method 'FindAsync' returns 'Task<object>'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_tool_name_is_PG0402_at_the_name()
    {
        (Diagnostic diagnostic, string text) = Single(Source("""
                [Tool("get weather"), Description("Weather.")]
                public string GetWeather(string city) => "";
            """), "PG0402");

        Assert.Equal("\"get weather\"", text);
        Assert.Contains("'get weather'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tools_with_one_name_are_PG0403_at_the_tool_set_parameter()
    {
        (Diagnostic diagnostic, string text) = Single(Source("""
                [Tool, Description("By id.")] public string Find(int id) => "";
                [Tool, Description("By name.")] public string Find(string name) => "";
            """), "PG0403");

        Assert.Equal("tools", text);
        Assert.Contains("two tools named 'find' (Tools.Find and Tools.Find)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Overloads_with_their_own_names_are_two_tools_that_compile()
    {
        GeneratorRun run = GeneratorHarness.Run(Source("""
                [Tool("find_by_id"), Description("By id.")] public string Find(int id) => "";
                [Tool("find_by_name"), Description("By name.")] public string Find(string name) => "";
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        string generated = run.GeneratedSource("IPrompts.PromptClient.g.cs");
        Assert.Contains("\"find_by_id\"", generated, StringComparison.Ordinal);
        Assert.Contains("\"find_by_name\"", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nullable_tool_set_parameter_compiles_without_warnings()
    {
        GeneratorRun run = GeneratorHarness.Run(Source(
            """
                [Tool, Description("Weather.")] public string GetWeather(string city) => "";
            """,
            """
                [Prompt("Plan {{ city }}")]
                Task<string> PlanAsync(string city, Tools? tools, CancellationToken cancellationToken = default);
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Tools_on_streaming_methods_are_bound_and_their_streams_run_the_loop()
    {
        // PG0404 is retired: every streaming return type takes tool sets and function tools.
        GeneratorRun run = GeneratorHarness.Run(Source(
            """
                [Tool, Description("Weather.")] public string GetWeather(string city) => "";
            """,
            """
                [Prompt("Plan {{ city }}")]
                IAsyncEnumerable<string> PlanAsync(string city, Tools tools);

                [Prompt("Plan with remote tools {{ city }}")]
                PromptStream PlanRemotelyAsync(string city, IReadOnlyList<Microsoft.Extensions.AI.AIFunction> remote, CancellationToken cancellationToken = default);

                [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
                [Prompt("Outline {{ city }}")]
                ResultStream<Plan, PlanPartial> OutlineAsync(string city, Tools tools, CancellationToken cancellationToken = default);
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        string generated = run.GeneratedSource("IPrompts.PromptClient.g.cs");
        Assert.Contains("global::PromptGen.CompilerServices.PromptStreams.WithTools(", generated, StringComparison.Ordinal);
        Assert.Contains("global::PromptGen.CompilerServices.FunctionTools.For(remote)", generated, StringComparison.Ordinal);
        Assert.Contains("global::PromptGen.CompilerServices.ResultStreams.Create(", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_named_like_the_forced_result_tool_is_PG0405()
    {
        (Diagnostic diagnostic, string text) = Single(Source(
            """
                [Tool("Plan"), Description("Loads a plan.")] public string Load(string id) => "";
            """,
            """
                [Prompt("Plan {{ city }}")]
                [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
                Task<Plan> PlanAsync(string city, Tools tools);
            """), "PG0405");

        Assert.Equal("tools", text);
        Assert.Contains("Tool 'Plan' (Tools.Load)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_name_with_native_structured_output_is_fine()
    {
        GeneratorRun run = GeneratorHarness.Run(Source(
            """
                [Tool("Plan"), Description("Loads a plan.")] public string Load(string id) => "";
            """,
            """
                [Prompt("Plan {{ city }}")]
                Task<Plan> PlanAsync(string city, Tools tools);
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("[ToolLoop(MaxIterations = 0)]", "MaxIterations = 0", "MaxIterations must be between 1 and 100; it is 0")]
    [InlineData("[ToolLoop(Choice = ToolChoiceMode.Tool, Tool = \"get_wether\")]", "Tool = \"get_wether\"", "needs Tool naming one of the tools (get_weather); it is 'get_wether'")]
    [InlineData("[ToolLoop(Choice = ToolChoiceMode.Tool)]", "Choice = ToolChoiceMode.Tool", "it is not set")]
    public void Invalid_tool_loop_settings_are_PG0406_at_the_argument(string attribute, string expectedText, string expectedMessage)
    {
        (Diagnostic diagnostic, string text) = Single(Source(
            """
                [Tool, Description("Weather.")] public string GetWeather(string city) => "";
            """,
            $$$"""
                [Prompt("Plan {{ city }}")]
                {{{attribute}}}
                Task<string> PlanAsync(string city, Tools tools);
            """), "PG0406");

        Assert.Equal(expectedText, text);
        Assert.Contains(expectedMessage, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static string Now() => \"\";", "it is static")]
    [InlineData("public string Echo<T>(T value) => \"\";", "it is generic")]
    [InlineData("private string Secret() => \"\";", "not public or internal")]
    public void Methods_that_cannot_be_tools_are_PG0407_at_the_method(string member, string reason)
    {
        (Diagnostic diagnostic, string text) = Single(Source("[Tool, Description(\"x\")] " + member), "PG0407");

        Assert.Matches("^(Now|Echo|Secret)$", text);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
