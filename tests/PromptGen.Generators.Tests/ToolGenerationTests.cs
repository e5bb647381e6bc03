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
}
