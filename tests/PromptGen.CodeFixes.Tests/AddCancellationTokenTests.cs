using System.Threading.Tasks;
using Xunit;
using Verify = PromptGen.CodeFixes.Tests.CodeFixVerifier<PromptGen.Generators.Analyzers.CancellationTokenAnalyzer, PromptGen.CodeFixes.AddCancellationTokenCodeFix>;

namespace PromptGen.CodeFixes.Tests;

public sealed class AddCancellationTokenTests
{
    [Fact]
    public Task Token_is_appended_as_the_last_parameter() =>
        Verify.VerifyAsync(
            Sources.Client("""
                    [Prompt("Summarize: {{ text }}")]
                    Task<string> {|PG0007:SummarizeAsync|}(string text);
                """),
            Sources.Client("""
                    [Prompt("Summarize: {{ text }}")]
                    Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);
                """));

    [Fact]
    public Task Using_is_added_when_the_file_has_none() =>
        Verify.VerifyAsync(
            Sources.Client(
                """
                    [Prompt("Hello")]
                    Task<string> {|PG0007:HelloAsync|}();
                """,
                usings: string.Empty),
            Sources.Client(
                """
                    [Prompt("Hello")]
                    Task<string> HelloAsync(CancellationToken cancellationToken = default);
                """));

    [Fact]
    public Task Fix_all_adds_a_token_to_every_method() =>
        Verify.VerifyAsync(
            Sources.Client("""
                    [Prompt("One {{ a }}")]
                    Task<string> {|PG0007:OneAsync|}(string a);

                    [Prompt("Two {{ b }}")]
                    Task<string> {|PG0007:TwoAsync|}(
                        string b,
                        int cancellationToken);
                """),
            Sources.Client("""
                    [Prompt("One {{ a }}")]
                    Task<string> OneAsync(string a, CancellationToken cancellationToken = default);

                    [Prompt("Two {{ b }}")]
                    Task<string> TwoAsync(
                        string b,
                        int cancellationToken,
                        CancellationToken cancellationToken2 = default);
                """));
}
