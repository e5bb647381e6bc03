using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = PromptGen.CodeFixes.Tests.CodeFixVerifier<PromptGen.Generators.Analyzers.TemplateMemberAnalyzer, PromptGen.CodeFixes.ReplaceTemplateMemberCodeFix>;

namespace PromptGen.CodeFixes.Tests;

public sealed class ReplaceTemplateMemberTests
{
    private const string Method = "Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken);";

    [Theory]
    [InlineData("\"Summarize {{ ticket.{|PG0103:titel|} }}\"", "\"Summarize {{ ticket.title }}\"")]
    [InlineData("@\"Say \"\"hi\"\"\nSummarize {{ ticket.{|PG0103:titel|} }}\"", "@\"Say \"\"hi\"\"\nSummarize {{ ticket.title }}\"")]
    [InlineData("\"Line\\n\\tSummarize {{ ticket.{|PG0103:titel|} }}\"", "\"Line\\n\\tSummarize {{ ticket.title }}\"")]
    [InlineData("\"\"\"\n        Say \"hi\"\n          Summarize {{ ticket.{|PG0103:titel|} }}\n        \"\"\"", "\"\"\"\n        Say \"hi\"\n          Summarize {{ ticket.title }}\n        \"\"\"")]
    [InlineData("\"Summarize {{ ticket.{|PG0103:Body|} }}\"", "\"Summarize {{ ticket.body }}\"")]
    public Task Misspelt_member_is_replaced_inside_the_literal_only(string literal, string fixedLiteral) =>
        Verify.VerifyAsync(
            Sources.Client($"    [Prompt({literal})]\n    {Method}"),
            Sources.Client($"    [Prompt({fixedLiteral})]\n    {Method}"));

    [Fact]
    public Task Fix_all_replaces_each_member_with_its_own_suggestion() =>
        Verify.VerifyAsync(
            Sources.Client($"    [Prompt(\"{{{{ ticket.{{|PG0103:titel|}} }}}} {{{{ ticket.{{|PG0103:bdy|}} }}}}\")]\n    {Method}"),
            Sources.Client($"    [Prompt(\"{{{{ ticket.title }}}} {{{{ ticket.body }}}}\")]\n    {Method}"));

    [Fact]
    public Task No_fix_without_a_close_member() =>
        Verify.VerifyAsync(
            Sources.Client($"    [Prompt(\"Summarize {{{{ ticket.{{|PG0103:priority|}} }}}}\")]\n    {Method}"),
            Sources.Client($"    [Prompt(\"Summarize {{{{ ticket.{{|PG0103:priority|}} }}}}\")]\n    {Method}"));

    [Fact]
    public Task Misspelt_member_in_a_constant_is_replaced_inside_the_constant()
    {
        // Non-local, as for PG0101 in a constant (see ReplaceTemplateVariableTests).
        var test = Verify.Create(
            Sources.Client($"    [Prompt(Templates.Summary)]\n    {Method}") + "\ninternal static class Templates { public const string Summary = \"{{ ticket.{|PG0103:titel|} }} {{ ticket.body }}\"; }\n",
            Sources.Client($"    [Prompt(Templates.Summary)]\n    {Method}") + "\ninternal static class Templates { public const string Summary = \"{{ ticket.title }} {{ ticket.body }}\"; }\n");
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }
}
