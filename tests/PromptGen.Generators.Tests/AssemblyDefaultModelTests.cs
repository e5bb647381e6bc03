using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>[assembly: PromptDefaults(Model = …)]: the last fallback for a method's model, in the generator and the analyzers.</summary>
public sealed class AssemblyDefaultModelTests
{
    private static string Client(string name, string clientAttribute, string members) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        {{clientAttribute}}
        public partial interface {{name}}
        {
        {{members}}
        }
        """;

    private const string Greet = """
            [Prompt("Hi {{ name }}")]
            Task<string> GreetAsync(string name, CancellationToken cancellationToken);
        """;

    private static string Defaults(string model) => $"[assembly: PromptGen.PromptDefaults(Model = \"{model}\")]";

    [Fact]
    public void A_method_without_a_model_calls_the_assembly_default()
    {
        GeneratorRun run = GeneratorHarness.Run(Defaults("us.amazon.nova-lite-v1:0"), Client("IPrompts", "[PromptClient]", Greet));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("ConverseAsync(\"us.amazon.nova-lite-v1:0\"", GeneratedText.Flat(run.GeneratedSource("IPrompts.PromptClient.g.cs")), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_interface_and_method_models_win_over_the_assembly_default()
    {
        GeneratorRun run = GeneratorHarness.Run(
            Defaults("us.amazon.nova-lite-v1:0"),
            Client("IPrompts", "[PromptClient(Model = \"us.amazon.nova-micro-v1:0\")]", Greet + """

                    [Model("us.amazon.nova-pro-v1:0")]
                    [Prompt("Bye {{ name }}")]
                    Task<string> ByeAsync(string name, CancellationToken cancellationToken);
                """));

        string generated = GeneratedText.Flat(run.GeneratedSource("IPrompts.PromptClient.g.cs"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("ConverseAsync(\"us.amazon.nova-micro-v1:0\"", generated, System.StringComparison.Ordinal);
        Assert.Contains("ConverseAsync(\"us.amazon.nova-pro-v1:0\"", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("nova-lite", generated, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_model_PG0200_names_all_three_places()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("IPrompts", "[PromptClient]", Greet));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0200", diagnostic.Id);
        Assert.Equal("GreetAsync", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(
            "Method 'GreetAsync' has no model: set [Model(\"...\")] on the method, [PromptClient(Model = \"...\")] on the interface or [assembly: PromptDefaults(Model = \"...\")] for the whole project",
            diagnostic.GetMessage());
    }

    [Fact]
    public void An_unknown_assembly_default_is_reported_once_at_its_literal_however_many_interfaces_use_it()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(
            Defaults("us.amazon.nova-mikro-v1:0"),
            Client("IPrompts", "[PromptClient]", Greet),
            Client("IOtherPrompts", "[PromptClient]", Greet));

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == "PG0201");
        Assert.Equal("File0.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal("\"us.amazon.nova-mikro-v1:0\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.StartsWith("Model 'us.amazon.nova-mikro-v1:0' is not in PromptGen's model catalog", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_assembly_default_is_quiet()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Defaults("us.amazon.nova-micro-v1:0"), Client("IPrompts", "[PromptClient]", Greet));

        Assert.True(diagnostics.Count == 0, AnalyzerHarness.Describe(diagnostics));
    }

    [Fact]
    public void Method_checks_use_the_assembly_default_model()
    {
        // Nova Micro's output limit is 5,000 tokens (catalog): the method's MaxTokens is judged against the default.
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(
            Defaults("us.amazon.nova-micro-v1:0"),
            Client("IPrompts", "[PromptClient]", """
                    [Prompt("Hi {{ name }}")]
                    [Inference(MaxTokens = 9000)]
                    Task<string> GreetAsync(string name, CancellationToken cancellationToken);
                """));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0206", diagnostic.Id);
        Assert.Equal("MaxTokens = 9000", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("'us.amazon.nova-micro-v1:0'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_interface_model_hides_a_bad_assembly_default_from_its_methods()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(
            Defaults("us.amazon.nova-micro-v1:0"),
            Client("IPrompts", "[PromptClient(Model = \"us.anthropic.claude-haiku-4-5-20251001-v1:0\")]", """
                    [Prompt("Hi {{ name }}")]
                    [Inference(MaxTokens = 9000)]
                    Task<string> GreetAsync(string name, CancellationToken cancellationToken);
                """));

        Assert.True(diagnostics.Count == 0, AnalyzerHarness.Describe(diagnostics));
    }

    [Fact]
    public void Editing_the_assembly_default_in_another_file_regenerates_the_client_and_an_unrelated_edit_does_not()
    {
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = GeneratorHarness.Compile(
            Defaults("us.amazon.nova-lite-v1:0"), Client("IPrompts", "[PromptClient]", Greet), Sources.Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        Microsoft.CodeAnalysis.CSharp.CSharpCompilation unrelatedEdit = Replace(compilation, 2, Sources.Unrelated.Replace("value * 2", "value * 3", System.StringComparison.Ordinal));
        GeneratorRunResult unchanged = driver.RunGenerators(unrelatedEdit).GetRunResult().Results.Single();
        Assert.All(
            unchanged.TrackedSteps[TrackingNames.Models].SelectMany(run => run.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));

        Microsoft.CodeAnalysis.CSharp.CSharpCompilation defaultEdit = Replace(compilation, 0, Defaults("us.amazon.nova-pro-v1:0"));
        GeneratorRunResult changed = driver.RunGenerators(defaultEdit).GetRunResult().Results.Single();
        Assert.Contains(changed.TrackedSteps[TrackingNames.Models].SelectMany(run => run.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("ConverseAsync(\"us.amazon.nova-pro-v1:0\"", GeneratedText.Flat(changed.GeneratedSources.Single().SourceText.ToString()), System.StringComparison.Ordinal);
    }

    private static Microsoft.CodeAnalysis.CSharp.CSharpCompilation Replace(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation, int index, string source)
    {
        SyntaxTree old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: old.FilePath));
    }
}
