using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = PromptGen.CodeFixes.Tests.CodeFixVerifier<PromptGen.Generators.Analyzers.TemplateVariableAnalyzer, PromptGen.CodeFixes.ReplaceTemplateVariableCodeFix>;

namespace PromptGen.CodeFixes.Tests;

public sealed class ReplaceTemplateVariableTests
{
    private const string Method = "Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken);";

    [Theory]
    [InlineData("\"Summarize {{ {|PG0101:tiket|}.title }}\"", "\"Summarize {{ ticket.title }}\"")]
    [InlineData("@\"Say \"\"hi\"\"\nSummarize {{ {|PG0101:tiket|}.title }}\"", "@\"Say \"\"hi\"\"\nSummarize {{ ticket.title }}\"")]
    [InlineData("\"Line\\n\\tSummarize {{ {|PG0101:tiket|}.title }}\"", "\"Line\\n\\tSummarize {{ ticket.title }}\"")]
    [InlineData("\"\"\"\n        Say \"hi\"\n          Summarize {{ {|PG0101:tiket|}.title }}\n        \"\"\"", "\"\"\"\n        Say \"hi\"\n          Summarize {{ ticket.title }}\n        \"\"\"")]
    public Task Misspelt_variable_is_replaced_inside_the_literal_only(string literal, string fixedLiteral) =>
        Verify.VerifyAsync(
            Sources.Client($"    [Prompt({literal})]\n    {Method}"),
            Sources.Client($"    [Prompt({fixedLiteral})]\n    {Method}"));

    [Fact]
    public Task Fix_all_replaces_each_variable_with_its_own_suggestion() =>
        Verify.VerifyAsync(
            Sources.Client("""
                    [Prompt("{{ {|PG0101:tiket|}.title }} for {{ {|PG0101:custmer|} }}")]
                    Task<string> SummarizeAsync(Ticket ticket, string customer, CancellationToken cancellationToken);
                """),
            Sources.Client("""
                    [Prompt("{{ ticket.title }} for {{ customer }}")]
                    Task<string> SummarizeAsync(Ticket ticket, string customer, CancellationToken cancellationToken);
                """));

    [Fact]
    public Task Misspelt_variable_in_a_constant_is_replaced_inside_the_constant()
    {
        const string Members = """
                [Prompt(Templates.Greeting)]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """;

        // The constant is declared outside the interface the analyzer judges, so the diagnostic is non-local: a build
        // and full-solution analysis list it (and the IDE offers the fix there), live analysis of the open file does not.
        var test = Verify.Create(
            Sources.Client(Members) + "\ninternal static class Templates { public const string Greeting = \"Hi {{ {|PG0101:nam|} }}\"; }\n",
            Sources.Client(Members) + "\ninternal static class Templates { public const string Greeting = \"Hi {{ name }}\"; }\n");
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }
}
