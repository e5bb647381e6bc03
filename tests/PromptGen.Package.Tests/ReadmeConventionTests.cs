using System.Linq;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>
/// The README block conventions (<see cref="ReadmeBlocks"/>) on small Markdown texts: grouping, project kinds and
/// every mistake the compile test must refuse rather than skip silently.
/// </summary>
public sealed class ReadmeConventionTests
{
    private const string Types = "<!-- block: types -->\n```csharp\nusing PromptGen;\n\npublic sealed record Ticket(string Title);\n```\n\n";

    [Fact]
    public void A_block_compiled_with_a_named_block_shares_its_project_and_each_keeps_its_own_file()
    {
        ReadmePlan plan = ReadmeBlocks.Plan(
            "## A short tour\n\n" + Types
            + "<!-- compile-with: types -->\n```csharp\nusing PromptGen;\n\nConsole.WriteLine(new Ticket(\"a\"));\n```\n\n"
            + "```json\n{ \"not\": \"compiled\" }\n```\n");

        Assert.Empty(plan.Problems);
        ReadmeProject project = Assert.Single(plan.Projects);
        Assert.Equal("Readme_L12", project.Name);
        Assert.Equal(new[] { 5, 12 }, project.Blocks.Select(b => b.Line));
        Assert.True(project.IsExecutable);
        Assert.False(project.IsWeb);
        Assert.False(project.UsesTestingPackage);
    }

    [Fact]
    public void Compile_with_is_transitive_and_a_block_nobody_names_is_its_own_project()
    {
        ReadmePlan plan = ReadmeBlocks.Plan(
            Types
            + "<!-- block: more -->\n<!-- compile-with: types -->\n```cs\npublic partial interface IMore { }\n```\n\n"
            + "<!-- compile-with: more -->\n```csharp\nusing Microsoft.AspNetCore.Builder;\n\nWebApplication.CreateBuilder(args);\n```\n\n"
            + "```csharp\nusing PromptGen.Testing;\n\npublic static class Tests { }\n```\n");

        Assert.Empty(plan.Problems);
        Assert.Equal(2, plan.Projects.Count);
        ReadmeProject web = plan.Projects[0];
        Assert.Equal(new[] { 3, 11, 16 }, web.Blocks.Select(b => b.Line));
        Assert.True(web.IsWeb);
        Assert.True(web.IsExecutable);
        ReadmeProject library = plan.Projects[1];
        Assert.False(library.IsExecutable);
        Assert.True(library.UsesTestingPackage);
    }

    [Fact]
    public void A_skipped_block_needs_a_reason_and_is_not_compiled()
    {
        ReadmePlan plan = ReadmeBlocks.Plan(
            Types + "<!-- no-compile: needs a package the test does not have -->\n```csharp\nnot C# at all\n```\n");

        Assert.Empty(plan.Problems);
        Assert.Equal(new[] { 3 }, plan.Projects.SelectMany(p => p.Blocks).Select(b => b.Line));
        Assert.Contains(plan.Blocks, b => b.SkipReason == "needs a package the test does not have");

        Assert.Contains(ReadmeBlocks.Plan(Types + "<!-- no-compile: -->\n```csharp\nx\n```\n").Problems, p => p.Contains("'no-compile:' needs a reason", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<!-- compile-with: nothing -->\n```csharp\nclass A { }\n```\n", "'compile-with: nothing' names no block")]
    [InlineData("<!-- compile-width: types -->\n```csharp\nclass A { }\n```\n", "unknown marker 'compile-width'")]
    [InlineData("<!-- compile-with: types -->\n\n```csharp\nclass A { }\n```\n", "is not on the line(s) right above a code block's fence")]
    [InlineData("<!-- compile-with: types -->\n```sh\ndotnet run\n```\n", "markers on a 'sh' block")]
    [InlineData("<!-- block: types -->\n```csharp\nclass A { }\n```\n", "the block name 'types' is used by the block at line")]
    [InlineData("<!-- block: a -->\n<!-- compile-with: b -->\n```csharp\nclass A { }\n```\n<!-- block: b -->\n<!-- compile-with: a -->\n```csharp\nclass B { }\n```\n", "compile-with cycle")]
    [InlineData("<!-- no-compile: later -->\n<!-- block: skipped -->\n```csharp\nclass A { }\n```\n<!-- compile-with: skipped -->\n```csharp\nclass B { }\n```\n", "names a block that is not compiled")]
    [InlineData("```csharp\nclass A { }\n", "the code block is never closed")]
    public void Mistakes_in_the_markers_are_problems(string markdown, string expected)
    {
        ReadmePlan plan = ReadmeBlocks.Plan(Types + markdown);

        Assert.Contains(plan.Problems, p => p.Contains(expected, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_README_without_a_compiled_block_is_a_problem()
    {
        ReadmePlan plan = ReadmeBlocks.Plan("# Title\n\n```sh\ndotnet run\n```\n\n<!-- no-compile: nothing to see -->\n```csharp\nx\n```\n");

        Assert.Empty(plan.Projects);
        Assert.Contains("the README has no C# block to compile", plan.Problems);
    }
}
