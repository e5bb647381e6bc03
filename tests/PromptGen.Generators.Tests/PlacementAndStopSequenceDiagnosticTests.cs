using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>PG0008 (prompt attributes outside a prompt client), PG0209 and PG0210 (stop sequences).</summary>
public sealed class PlacementAndStopSequenceDiagnosticTests
{
    private const string ValidModel = "us.amazon.nova-micro-v1:0";
    private const string Mistral = "mistral.mistral-large-2402-v1:0";

    private static string Client(string members, string clientAttribute = $"[PromptClient(Model = \"{ValidModel}\")]") => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        {{clientAttribute}}
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static List<Diagnostic> Run(string source, params string[] ids) =>
        AnalyzerHarness.Run(source).Where(d => ids.Contains(d.Id)).ToList();

    private static void AssertNoneAboveInfo(IReadOnlyList<Diagnostic> diagnostics) =>
        Assert.True(diagnostics.All(d => d.Severity == DiagnosticSeverity.Info), AnalyzerHarness.Describe(diagnostics));

    // PG0008

    [Fact]
    public void Prompt_attributes_on_a_class_method_are_warnings_at_each_attribute()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run("""
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public sealed class Summarizer
            {
                [Model("us.amazon.nova-micro-v1:0"), SystemPrompt("Be terse.")]
                [Prompt("Summarize: {{ text }}")]
                public Task<string> SummarizeAsync(string text) => Task.FromResult(text);
            }
            """);

        Assert.True(diagnostics.Count == 3 && diagnostics.All(d => d.Id == "PG0008" && d.Severity == DiagnosticSeverity.Warning), AnalyzerHarness.Describe(diagnostics));
        Assert.Equal(
            new[] { "Model(\"us.amazon.nova-micro-v1:0\")", "SystemPrompt(\"Be terse.\")", "Prompt(\"Summarize: {{ text }}\")" },
            diagnostics.Select(AnalyzerHarness.TextAt));
        Assert.Equal(LocationKind.SourceFile, diagnostics[2].Location.Kind);
        Assert.Equal(
            "[Prompt] on method 'SummarizeAsync' of 'Summarizer' does nothing: PromptGen only implements abstract methods of a [PromptClient] partial interface; move the method there or remove the attribute",
            diagnostics[2].GetMessage());
    }

    [Fact]
    public void Prompt_attributes_on_client_and_base_interface_methods_are_quiet()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public interface IBase
            {
                [Prompt("Hello {{ name }}")]
                Task<string> HelloAsync(string name, CancellationToken cancellationToken = default);
            }

            [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
            public partial interface IPrompts : IBase
            {
                [Model("us.amazon.nova-micro-v1:0"), SystemPrompt("Be terse.")]
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);
            }
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id == "PG0008");
        AssertNoneAboveInfo(diagnostics);
    }

    [Fact]
    public void Prompt_on_a_plain_interface_no_client_extends_is_a_warning_at_the_attribute()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public interface ISummaries
            {
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);
            }

            [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
            public partial interface IOther
            {
                [Prompt("Hi {{ name }}")]
                Task<string> HiAsync(string name, CancellationToken cancellationToken = default);
            }
            """);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0008", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Prompt(\"Summarize: {{ text }}\")", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "[Prompt] on method 'SummarizeAsync' of 'ISummaries' does nothing: PromptGen only implements abstract methods of a [PromptClient] partial interface, and 'ISummaries' is not one and no [PromptClient] interface in this project extends it; add [PromptClient] to it (and make it partial) or extend it from a prompt client",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Retrieve_outside_a_prompt_client_is_PG0008_too()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public interface IDocs
            {
                [Retrieve("KBDOCS0001", Query = nameof(question))]
                Task<string> AskAsync(string question, CancellationToken cancellationToken = default);
            }
            """);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0008", diagnostic.Id);
        Assert.StartsWith("Retrieve(\"KBDOCS0001\"", AnalyzerHarness.TextAt(diagnostic), System.StringComparison.Ordinal);
        Assert.StartsWith("[Retrieve] on method 'AskAsync' of 'IDocs' does nothing", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_generic_base_interface_extended_through_another_base_is_quiet()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public interface IEcho<T>
            {
                [Prompt("Echo {{ value }}")]
                Task<string> EchoAsync(T value, CancellationToken cancellationToken = default);
            }

            public interface IMiddle : IEcho<string> { }

            public static partial class Outer
            {
                [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
                public partial interface IPrompts : IMiddle { }
            }
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id == "PG0008");
    }

    [Fact]
    public void Prompt_on_a_default_implemented_or_static_interface_method_is_a_warning()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
            public partial interface IPrompts
            {
                [Prompt("Hi {{ name }}")]
                Task<string> HiAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(name);

                [Prompt("Bye {{ name }}")]
                static Task<string> Bye(string name) => Task.FromResult(name);
            }
            """);

        Assert.True(diagnostics.Count == 2 && diagnostics.All(d => d.Id == "PG0008"), AnalyzerHarness.Describe(diagnostics));
        Assert.Equal(
            "[Prompt] on method 'HiAsync' of 'IPrompts' does nothing: PromptGen only implements abstract methods of a [PromptClient] partial interface; 'HiAsync' has a body or is static, so it keeps its own implementation: remove the body or the attribute",
            diagnostics[0].GetMessage());
        Assert.Equal("Prompt(\"Bye {{ name }}\")", AnalyzerHarness.TextAt(diagnostics[1]));
    }

    // PG0209: only a confirmed limit warns. The catalog confirms the Converse wire limit (2,500); Mistral's remembered
    // limit of 10 is not confirmed, so it must stay quiet.

    /// <summary><c>StopSequences = new[] { "s1", …, "sN" }</c>.</summary>
    private static string StopSequencesArgument(int count) =>
        "StopSequences = new[] { " + string.Join(", ", Enumerable.Range(1, count).Select(i => $"\"s{i}\"")) + " }";

    [Fact]
    public void More_stop_sequences_than_a_confirmed_limit_is_a_warning_at_the_argument()
    {
        string tooMany = StopSequencesArgument(2501);
        List<Diagnostic> diagnostics = Run(Client($$$"""
                [Inference({{{tooMany}}})]
                [Prompt("Count: {{ text }}")]
                Task<string> CountAsync(string text, CancellationToken cancellationToken);
            """), "PG0209", "PG0210", "PG0207", "PG0206");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0209", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(tooMany, AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            $"2501 stop sequences for method 'CountAsync' are more than the 2500 model '{ValidModel}' takes; keep at most 2500",
            diagnostic.GetMessage());
    }

    [Fact]
    public void An_unconfirmed_model_limit_does_not_warn()
    {
        PromptGen.Generators.Catalog.ModelInfo mistral = PromptGen.Generators.Catalog.ModelCatalog.Find(Mistral).Model!;
        Assert.Equal(10, mistral.MaxStopSequences);
        Assert.False(mistral.StopSequenceLimitConfirmed);
        Assert.True(PromptGen.Generators.Catalog.ModelCatalog.Find(ValidModel).Model!.StopSequenceLimitConfirmed);

        List<Diagnostic> diagnostics = Run(Client($$$"""
                [Model("{{{Mistral}}}")]
                [Inference({{{StopSequencesArgument(11)}}})]
                [Prompt("Count: {{ text }}")]
                Task<string> CountAsync(string text, CancellationToken cancellationToken);
            """), "PG0209");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Interface_stop_sequences_are_judged_per_method_and_a_method_list_wins()
    {
        string tooMany = StopSequencesArgument(2501);
        List<Diagnostic> diagnostics = Run(Client(
            """
                [Prompt("Inherits the list: {{ text }}")]
                Task<string> InheritsAsync(string text, CancellationToken cancellationToken);

                [Inference(StopSequences = new[] { "END" })]
                [Prompt("Own list: {{ text }}")]
                Task<string> OwnAsync(string text, CancellationToken cancellationToken);
            """,
            clientAttribute: $"[PromptClient(Model = \"{ValidModel}\"), Inference({tooMany})]"), "PG0209", "PG0210");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(tooMany, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("method 'InheritsAsync'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_sequences_within_the_limit_are_quiet()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client(
            """
                [Inference(StopSequences = new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10" })]
                [Prompt("Count: {{ text }}")]
                Task<string> CountAsync(string text, CancellationToken cancellationToken);
            """,
            clientAttribute: $"[PromptClient(Model = \"{ValidModel}\"), Inference(StopSequences = new[] {{ \"END\" }})]"));

        AssertNoneAboveInfo(diagnostics);
        Assert.Empty(diagnostics);
    }

    // PG0210

    [Fact]
    public void Empty_stop_sequence_is_an_error_at_its_literal_numbered_as_a_user_counts()
    {
        List<Diagnostic> diagnostics = Run(Client("""
                [Inference(StopSequences = new[] { "END", "" })]
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
            """), "PG0209", "PG0210");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0210", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("\"\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal("Stop sequence 2 is an empty string, and Bedrock rejects it; remove it or give it text", diagnostic.GetMessage());
    }

    [Fact]
    public void Empty_stop_sequence_on_the_interface_is_reported_once()
    {
        List<Diagnostic> diagnostics = Run(Client(
            """
                [Prompt("A: {{ text }}")]
                Task<string> AAsync(string text, CancellationToken cancellationToken);

                [Prompt("B: {{ text }}")]
                Task<string> BAsync(string text, CancellationToken cancellationToken);
            """,
            clientAttribute: $"[PromptClient(Model = \"{ValidModel}\"), Inference(StopSequences = new[] {{ \"\" }})]"), "PG0210");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("\"\"", AnalyzerHarness.TextAt(diagnostic));
    }
}
