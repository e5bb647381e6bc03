using System.Threading.Tasks;
using PromptGen.Generators.Analyzers;
using Xunit;

namespace PromptGen.CodeFixes.Tests;

/// <summary>
/// Every family Bedrock has retired: its old id is PG0204 (an error naming the successor), not PG0201, and the fix
/// writes the successor the catalog names, made callable (a profile prefix where the successor needs one).
/// </summary>
public sealed class RetiredModelFixTests
{
    private const string Members = """
            [Prompt("Hi {{ name }}")]
            Task<string> GreetAsync(string name, CancellationToken cancellationToken);
        """;

    private static string OnMethod(string literal) => Sources.Client($"    [Model({literal})]\n" + Members);

    [Theory]
    [InlineData("anthropic.claude-v1", "us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("anthropic.claude-v2", "us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("anthropic.claude-v2:1", "us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("anthropic.claude-instant-v1", "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [InlineData("us.anthropic.claude-3-5-sonnet-20241022-v2:0", "us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("us.anthropic.claude-3-7-sonnet-20250219-v1:0", "us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("amazon.titan-tg1-large", "amazon.nova-lite-v1:0")]
    [InlineData("ai21.j2-mid-v1", "ai21.jamba-1-5-mini-v1:0")]
    [InlineData("ai21.j2-ultra-v1", "ai21.jamba-1-5-large-v1:0")]
    [InlineData("cohere.command-text-v14", "cohere.command-r-v1:0")]
    [InlineData("cohere.command-light-text-v14", "cohere.command-r-v1:0")]
    [InlineData("meta.llama2-13b-chat-v1", "meta.llama3-1-8b-instruct-v1:0")]
    [InlineData("meta.llama2-70b-chat-v1", "meta.llama3-3-70b-instruct-v1:0")]
    [InlineData("us.meta.llama3-2-11b-instruct-v1:0", "us.meta.llama4-scout-17b-instruct-v1:0")]
    public Task Retired_model_is_an_error_fixed_to_its_successor(string retired, string successor) =>
        CodeFixVerifier<ModelIdAnalyzer, ReplaceWithSuccessorModelCodeFix>.VerifyAsync(
            OnMethod($"{{|PG0204:\"{retired}\"|}}"),
            OnMethod($"\"{successor}\""));
}
