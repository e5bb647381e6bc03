using System;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class ToolGenerationTests
{
    private static readonly Lazy<GeneratorRun> ToolRun = new(() => GeneratorHarness.Run(ToolSources.Tools));

    [Fact]
    public void Tool_methods_match_the_approved_snapshot()
    {
        GeneratorRun run = ToolRun.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("ToolPrompts", run.GeneratedSource("ITravelPrompts.PromptClient.g.cs"));
    }

    [Fact]
    public void Tool_methods_compile_without_warnings()
    {
        Assert.Empty(ToolRun.Value.CompilationDiagnostics);
    }

    [Fact]
    public void Generated_invokers_use_no_reflection()
    {
        string generated = ToolRun.Value.GeneratedSource("ITravelPrompts.PromptClient.g.cs");

        Assert.DoesNotContain("System.Reflection", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonSerializer", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("typeof(", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("GetType()", generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GetForecastAsync", "get_forecast")]
    [InlineData("GetHTTPStatus", "get_http_status")]
    [InlineData("Convert", "convert")]
    [InlineData("Async", "async")]
    [InlineData("LookUp2Async", "look_up2")]
    public void Default_tool_names_are_snake_case_without_Async(string method, string expected)
    {
        Assert.Equal(expected, PromptGen.Generators.Parsing.ToolSetReader.DefaultName(method));
    }

    /// <summary>A tool without parameters (found by the README's TravelTools.Now): its argument reader had an "else" without an "if".</summary>
    [Fact]
    public void A_tool_without_parameters_compiles()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System;
            using System.ComponentModel;
            using System.Threading;
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public sealed class ClockTools(TimeProvider clock)
            {
                [Tool, Description("The current date and time (UTC).")]
                public string Now() => clock.GetUtcNow().ToString("u");
            }

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            public partial interface IClockPrompts
            {
                [Prompt("What day is it?")]
                Task<string> AskAsync(ClockTools tools, CancellationToken cancellationToken = default);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationDiagnostics.Count == 0, string.Join("\n", run.CompilationDiagnostics));
    }

    [Fact]
    public void Function_tools_handed_over_at_run_time_join_the_loop_beside_tool_sets()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using PromptGen;

            namespace Demo;

            public sealed class Clock
            {
                [Tool, Description("Now.")] public string Now() => "09:00";
            }

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            public partial interface IAgent
            {
                [Prompt("Weather in {{ city }}?")]
                Task<string> WeatherAsync(string city, IEnumerable<AITool> tools, CancellationToken cancellationToken = default);

                [Prompt("Plan {{ city }}.")]
                [ToolLoop(Choice = ToolChoiceMode.Tool, Tool = "get_forecast")]
                Task<string> PlanAsync(string city, Clock clock, IList<AIFunction> remote, CancellationToken cancellationToken = default);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        string generated = run.GeneratedSource("IAgent.PromptClient.g.cs");
        Assert.Contains("ToolDefinition[] tools_ = global::PromptGen.CompilerServices.FunctionTools.For(tools);", generated, StringComparison.Ordinal);
        Assert.Contains("tools.AddRange(ClockDefinitions.For(clock));", generated, StringComparison.Ordinal);
        Assert.Contains("tools.AddRange(global::PromptGen.CompilerServices.FunctionTools.For(remote));", generated, StringComparison.Ordinal);
    }
}
