using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// Names that meet in the generated code: overloads, numbered names, parameters named like the generated locals
/// (all generated without errors) and a member named like the generated factory (PG0009).
/// </summary>
public sealed class NameCollisionTests
{
    private static string Client(string members) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Item(string Name);

        [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static void AssertGeneratedCleanly(GeneratorRun run)
    {
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationDiagnostics.Count == 0, string.Join("\n", run.CompilationDiagnostics));
    }

    [Fact]
    public void Overloads_and_a_method_named_like_a_numbered_overload_get_distinct_members()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("One {{ text }}")]
                Task<string> Summarize(string text);

                [Prompt("Two {{ text }} {{ words }}")]
                Task<string> Summarize(string text, int words);

                [Prompt("Three {{ text }}")]
                Task<string> Summarize2(string text);

                [Prompt("Four {{ text }}")]
                Task<Item> Summarize(int text, CancellationToken cancellationToken);
            """));

        AssertGeneratedCleanly(run);
        string generated = run.GeneratedSource("IPrompts.PromptClient.g.cs");
        // Each overload keeps its own template: the numbered names skip the one the user took.
        Assert.Contains("SummarizeUserTemplate =", generated, System.StringComparison.Ordinal);
        Assert.Contains("Summarize3UserTemplate =", generated, System.StringComparison.Ordinal);
        Assert.Contains("Summarize4UserTemplate =", generated, System.StringComparison.Ordinal);
        Assert.Contains("Summarize2UserTemplate =", generated, System.StringComparison.Ordinal);
        Assert.Contains("Summarize4Result", generated, System.StringComparison.Ordinal);
        int field = generated.IndexOf("Summarize2UserTemplate =", System.StringComparison.Ordinal);
        Assert.StartsWith("Summarize2UserTemplate =", generated.Substring(generated.LastIndexOf("UserTemplate =", generated.IndexOf("\"Three {{ text }}\"", System.StringComparison.Ordinal), System.StringComparison.Ordinal) - "Summarize2".Length), System.StringComparison.Ordinal);
        Assert.True(field >= 0);
    }

    [Theory]
    [InlineData("arguments")]
    [InlineData("request")]
    [InlineData("response")]
    [InlineData("_bedrock")]
    [InlineData("bedrock")]
    public void A_parameter_named_like_a_generated_local_or_field_compiles(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(Client($$$"""
                [Prompt("About {{ {{{name}}} }}")]
                Task<string> AskAsync(string {{{name}}}, CancellationToken cancellationToken);

                [Prompt("About {{ {{{name}}} }}")]
                Task<Item> AskItemAsync(string {{{name}}}, CancellationToken cancellationToken);
            """));

        AssertGeneratedCleanly(run);
    }

    [Fact]
    public void A_method_with_the_factory_signature_is_an_error_at_its_name_and_nothing_is_generated()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Hi {{ bedrock }}")]
                Task<string> Create(PromptGen.IBedrockRuntime bedrock);
            """));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0009", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        Assert.Equal("Create", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(
            "Member 'Create' of prompt client 'IPrompts' collides with the static Create(IBedrockRuntime) method, which PromptGen adds to the interface; rename it",
            diagnostic.GetMessage());
        // Ours is the only error: no CS0111 from a generated duplicate.
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_static_member_named_Create_is_reported_too()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                static int Create => 1;

                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name);
            """));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0009", diagnostic.Id);
        Assert.Equal("Create", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void A_prompt_method_named_Create_with_other_parameters_is_an_overload_and_fine()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Write a story about {{ topic }}")]
                Task<string> Create(string topic);
            """) + """

            public static class Use
            {
                public static Task<string> Story(PromptGen.IBedrockRuntime bedrock) => Demo.IPrompts.Create(bedrock).Create("cats");
            }
            """);

        AssertGeneratedCleanly(run);
    }

    [Fact]
    public void Same_signature_in_two_base_interfaces_and_a_hiding_method_are_each_implemented()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public interface IOne
            {
                [Prompt("One {{ text }}")]
                Task<string> SummarizeAsync(string text);
            }

            public interface ITwo
            {
                [Prompt("Two {{ text }}")]
                Task<string> SummarizeAsync(string text);
            }

            [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
            public partial interface IPrompts : IOne, ITwo
            {
                [Prompt("Own {{ text }}")]
                new Task<string> SummarizeAsync(string text);
            }
            """);

        AssertGeneratedCleanly(run);
        string generated = GeneratedText.Flat(run.GeneratedSource("IPrompts.PromptClient.g.cs"));
        Assert.Contains("global::Demo.IOne.SummarizeAsync(", generated, System.StringComparison.Ordinal);
        Assert.Contains("global::Demo.ITwo.SummarizeAsync(", generated, System.StringComparison.Ordinal);

        // The interface's own method names it simply, so a stack trace shows Demo.IPrompts.SummarizeAsync.
        Assert.Contains("> IPrompts.SummarizeAsync(", generated, System.StringComparison.Ordinal);
    }

    /// <summary>
    /// A console app with top-level statements declares its types in the global namespace (the README's tour does):
    /// enum readers were named "TryRead" + "global::Urgency" and did not compile. The interface is split over two
    /// files, as the README adds methods to it section by section.
    /// </summary>
    [Fact]
    public void Result_types_in_the_global_namespace_and_an_interface_split_over_two_files_compile()
    {
        GeneratorRun run = GeneratorHarness.Run(
            """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using PromptGen;

            public enum Urgency { Low, Normal, High }

            public sealed record Triage(string Team, Urgency Urgency, IReadOnlyList<Urgency> Earlier);

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            public partial interface IPrompts
            {
                [Prompt("Triage {{ text }}")]
                Task<Triage> TriageAsync(string text, CancellationToken cancellationToken = default);
            }
            """,
            """
            using System.Threading;
            using PromptGen;

            public partial interface IPrompts
            {
                [Prompt("Triage {{ text }} live")]
                ResultStream<Triage, TriagePartial> TriageLiveAsync(string text, CancellationToken cancellationToken = default);
            }
            """);

        AssertGeneratedCleanly(run);
        string generated = run.GeneratedSource("IPrompts.PromptClient.g.cs");
        Assert.Contains("TryReadUrgency(", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("TryReadglobal", generated, System.StringComparison.Ordinal);
    }
}
