using System;
using System.Linq;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>The caching guarantees of <see cref="IncrementalTests"/>, for an interface whose methods have tools.</summary>
public sealed class ToolIncrementalTests
{
    [Fact]
    public void Every_step_is_cached_after_an_unrelated_edit_with_tools() =>
        new IncrementalTests().Every_step_is_cached_after_an_unrelated_edit(ToolSources.Tools);

    [Fact]
    public void Tool_models_hold_no_symbols_syntax_or_compilations() =>
        new IncrementalTests().Pipeline_models_hold_no_symbols_syntax_or_compilations(ToolSources.Tools);

    [Fact]
    public void Tool_models_are_equal_for_the_same_source_and_differ_when_a_tool_changes()
    {
        object first = Models(ToolSources.Tools);

        Assert.Equal(first, Models(ToolSources.Tools));
        Assert.Equal(first.GetHashCode(), Models(ToolSources.Tools).GetHashCode());
        Assert.NotEqual(first, Models(ToolSources.Tools.Replace("Remembers a note.", "Remembers a note for later.", StringComparison.Ordinal)));
    }

    private static object Models(string source) =>
        Assert.Single(GeneratorHarness.Run(source).Result.TrackedSteps[TrackingNames.Models].SelectMany(step => step.Outputs)).Value;
}
