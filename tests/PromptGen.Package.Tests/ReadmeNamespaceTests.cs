using System.Collections.Generic;
using System.IO;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>
/// Issue 14: a user needs <c>using PromptGen;</c> for everything in the README tour. Together with
/// <see cref="ReadmeCompilationTests"/> (each block compiles with only the usings it shows) this proves the tour
/// needs exactly one PromptGen namespace and no AWS SDK one. Pure text: no packages needed.
/// </summary>
public sealed class ReadmeNamespaceTests
{
    [Fact]
    public void The_README_tour_needs_exactly_one_PromptGen_namespace_and_no_Amazon_one()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        IReadOnlyList<string> problems = ReadmeTour.Problems(readme);

        Assert.True(problems.Count == 0, "README.md:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_opt_in_sections_are_in_the_README_and_show_their_namespace()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        foreach ((string section, string ns) in ReadmeTour.OptInSections)
        {
            Assert.Contains("\n## " + section, readme, System.StringComparison.Ordinal);
            Assert.Contains($"using {ns};", readme, System.StringComparison.Ordinal);
        }
    }

    // Self-checks: the namespace check can fail.

    [Fact]
    public void A_second_PromptGen_namespace_in_the_tour_is_reported()
    {
        IReadOnlyList<string> problems = ReadmeTour.Problems(Readme(
            "## A short tour",
            "using PromptGen;\nusing PromptGen.Bedrock;\n\nvar request = new ConverseRequest();\n"));

        string problem = Assert.Single(problems);
        Assert.Contains("README line 5: 'using PromptGen.Bedrock;' in the tour", problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_Amazon_namespace_is_reported_in_the_tour_and_in_opt_in_sections()
    {
        IReadOnlyList<string> problems = ReadmeTour.Problems(
            Readme("## A short tour", "using Amazon.Runtime;\nusing PromptGen;\n")
            + Readme("## The local Bedrock emulator", "using PromptGen.Testing;\nvar keys = new Amazon.Runtime.BasicAWSCredentials(\"a\", \"b\");\n"));

        Assert.Equal(2, problems.Count);
        Assert.Contains("'using Amazon.Runtime;' in the tour", problems[0], System.StringComparison.Ordinal);
        Assert.Contains("'Amazon.Runtime.BasicAWSCredentials' in the opt-in section 'The local Bedrock emulator'", problems[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_qualified_name_or_an_alias_into_another_PromptGen_namespace_is_reported_in_the_tour()
    {
        IReadOnlyList<string> problems = ReadmeTour.Problems(Readme(
            "## Conversations",
            "using PromptGen;\nusing Wire = PromptGen.Bedrock.Message;\n\nvar message = global::PromptGen.Bedrock.ContentBlock.FromText(\"hi\");\n"));

        Assert.Equal(2, problems.Count);
        Assert.Contains("'using PromptGen.Bedrock.Message;' in the tour", problems[0], System.StringComparison.Ordinal);
        Assert.Contains("'PromptGen.Bedrock.ContentBlock.FromText'", problems[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_opt_in_section_may_add_its_own_namespace_only()
    {
        Assert.Empty(ReadmeTour.Problems(
            Readme("## A short tour", "using PromptGen;\n")
            + Readme("## The local Bedrock emulator", "using PromptGen;\nusing PromptGen.Testing;\n")
            + Readme("## Microsoft.Extensions.AI", "using PromptGen.AI;\n")));

        IReadOnlyList<string> problems = ReadmeTour.Problems(
            Readme("## A short tour", "using PromptGen;\n")
            + Readme("## Microsoft.Extensions.AI", "using PromptGen.AI;\nusing PromptGen.Bedrock;\n"));

        string problem = Assert.Single(problems);
        Assert.Contains("'using PromptGen.Bedrock;' in the opt-in section 'Microsoft.Extensions.AI', whose namespace is PromptGen.AI", problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_tour_without_using_PromptGen_or_without_any_block_is_reported()
    {
        Assert.Contains(
            ReadmeTour.Problems(Readme("## A short tour", "Console.WriteLine();\n")),
            problem => problem.Contains("the tour shows no 'using PromptGen;'", System.StringComparison.Ordinal));
        Assert.Contains(
            ReadmeTour.Problems("# Title\n\n```sh\ndotnet run\n```\n"),
            problem => problem.Contains("no C# block in the tour", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Using_var_statements_and_shell_blocks_are_not_using_directives()
    {
        Assert.Empty(ReadmeTour.Problems(
            Readme("## A short tour", "using PromptGen;\n\nusing var bedrock = new BedrockRuntimeClient();\n")
            + "```sh\nusing Amazon.Runtime;\n```\n"));
    }

    /// <summary>A section heading, a blank line and one C# block; the block's code starts on line 4 of the part.</summary>
    private static string Readme(string heading, string code) => $"{heading}\n\n```csharp\n{code}```\n\n";
}
