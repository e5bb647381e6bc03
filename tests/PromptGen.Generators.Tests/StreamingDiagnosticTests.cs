using System;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class StreamingDiagnosticTests
{
    private static string Client(string members) => $$"""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Verdict(string Label, double Score);

        [PromptClient(Model = "amazon.nova-micro-v1:0")]
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static (Diagnostic Diagnostic, string Text) Single(GeneratorRun run, string id)
    {
        Assert.Null(run.Result.Exception);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        return (diagnostic, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void A_stream_of_anything_but_text_is_PG0002_naming_the_streaming_types()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Count {{ text }}")]
                IAsyncEnumerable<int> CountAsync(string text);
            """));

        (Diagnostic diagnostic, string text) = Single(run, "PG0002");

        Assert.Equal("IAsyncEnumerable<int>", text);
        Assert.Contains("IAsyncEnumerable<string>, PromptStream or ResultStream<T, TPartial>", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_streamed_result_that_is_neither_an_object_nor_a_list_is_PG0300()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Score {{ text }}")]
                ResultStream<Dictionary<string, int>, DictionaryPartial> ScoreAsync(string text);
            """));

        (Diagnostic diagnostic, string text) = Single(run, "PG0300");

        Assert.Equal("ResultStream<Dictionary<string, int>, DictionaryPartial>", text);
        Assert.Contains("wrap the value in a record", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("List<Verdict>", "List<VerdictPartial>", "IReadOnlyList<VerdictPartial>")]
    [InlineData("Verdict[]", "IReadOnlyList<Verdict>", "IReadOnlyList<VerdictPartial>")]
    [InlineData("List<string>", "ListPartial", "IReadOnlyList<string>")]
    public void A_streamed_list_with_another_partial_type_is_PG0303_naming_the_list_of_partials(string result, string partial, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(Client($$$"""
                [Prompt("Judge {{ text }}")]
                ResultStream<{{{result}}}, {{{partial}}}> JudgeAsync(string text);
            """));

        (Diagnostic diagnostic, _) = Single(run, "PG0303");

        Assert.Contains($"return ResultStream<{result}, {expected}>", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_type_with_another_name_is_PG0303_naming_the_generated_one()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Judge {{ text }}")]
                ResultStream<Verdict, VerdictDraft> JudgeAsync(string text);
            """));

        (Diagnostic diagnostic, string text) = Single(run, "PG0303");

        Assert.Equal("ResultStream<Verdict, VerdictDraft>", text);
        Assert.Contains("return ResultStream<Verdict, VerdictPartial>", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_streaming_method_that_cannot_be_generated_still_gets_its_partial_type_so_nothing_cascades()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Judge {{ text | }}")]
                ResultStream<Verdict, VerdictPartial> JudgeAsync(string text);
            """));

        Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PG0100");
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        Assert.Contains("public sealed record VerdictPartial", run.GeneratedSource("IPrompts.PromptClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_streams_and_result_streams_are_generated_without_errors_or_warnings()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Tell {{ text }}")]
                IAsyncEnumerable<string> TellAsync(string text, CancellationToken cancellationToken = default);

                [Prompt("Explain {{ text }}")]
                PromptStream ExplainAsync(string text, CancellationToken cancellationToken = default);

                [Prompt("Judge {{ text }}")]
                ResultStream<Verdict, VerdictPartial> JudgeAsync(string text, CancellationToken cancellationToken = default);

                [Prompt("Judge all {{ text }}")]
                ResultStream<IReadOnlyList<Verdict>, IReadOnlyList<VerdictPartial>> JudgeAllAsync(string text);

                [Prompt("Label {{ text }}")]
                ResultStream<List<string>, IReadOnlyList<string>> LabelAsync(string text);
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }
}
