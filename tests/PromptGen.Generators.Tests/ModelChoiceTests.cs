using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// The edge cases of "which model does a method call" where the generator and the analyzers used to disagree: a
/// level that names a null model passes to the next one (in both), and a level that does not compile stops the
/// search (in both), so the analyzers judge exactly the model the generated code calls.
/// </summary>
public sealed class ModelChoiceTests
{
    // Nova Micro generates at most 5,000 tokens (catalog): PG0206 shows which model the analyzers judged.
    private const string Micro = "us.amazon.nova-micro-v1:0";
    private const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    private static string Defaults(string model) => $"[assembly: PromptGen.PromptDefaults(Model = \"{model}\")]";

    private static string Client(string clientAttribute, string methodAttributes = "") => $$$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        {{{clientAttribute}}}
        public partial interface IPrompts
        {
            {{{methodAttributes}}}
            [Prompt("Hi {{ name }}")]
            [Inference(MaxTokens = 9000)]
            Task<string> GreetAsync(string name, CancellationToken cancellationToken);
        }
        """;

    [Fact]
    public void A_null_interface_model_passes_to_the_assembly_default_in_the_generator_and_the_analyzers()
    {
        string[] sources = { Defaults(Micro), Client("[PromptClient(Model = null)]") };

        GeneratorRun run = GeneratorHarness.Run(sources);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains($"ConverseAsync(\"{Micro}\"", GeneratedText.Flat(run.GeneratedSource("IPrompts.PromptClient.g.cs")), System.StringComparison.Ordinal);

        Diagnostic tooMany = Assert.Single(AnalyzerHarness.Run(sources), d => d.Id == "PG0206");
        Assert.Contains($"'{Micro}'", tooMany.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_method_model_passes_to_the_interface_model_in_the_generator_and_the_analyzers()
    {
        // A null constant is the realistic way to write it; the literal null warns (CS8625) and means the same.
        string source = Client($"[PromptClient(Model = \"{Micro}\")]", "[Model(Models.None)]")
            + "\nstatic class Models { public const string? None = null; }";

        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains($"ConverseAsync(\"{Micro}\"", GeneratedText.Flat(run.GeneratedSource("IPrompts.PromptClient.g.cs")), System.StringComparison.Ordinal);

        Diagnostic tooMany = Assert.Single(AnalyzerHarness.Run(source), d => d.Id == "PG0206");
        Assert.Contains($"'{Micro}'", tooMany.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_interface_model_that_does_not_compile_hides_the_assembly_default_from_both()
    {
        string[] sources = { Defaults(Micro), Client("[PromptClient(Model = Missing.Model)]") };

        GeneratorRun run = GeneratorHarness.Run(sources);
        // The compiler's error is the message: no PG0200 beside it, and no call to a model the user did not choose.
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.DoesNotContain($"ConverseAsync(\"{Micro}\"", GeneratedText.Flat(run.GeneratedSource("IPrompts.PromptClient.g.cs")), System.StringComparison.Ordinal);

        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(sources);
        Assert.True(diagnostics.All(d => d.Id != "PG0206"), AnalyzerHarness.Describe(diagnostics));
    }

    [Fact]
    public void A_method_model_wins_over_a_null_interface_model()
    {
        string[] sources = { Defaults(Micro), Client("[PromptClient(Model = null)]", $"[Model(\"{Haiku}\")]") };

        GeneratorRun run = GeneratorHarness.Run(sources);
        Assert.Contains($"ConverseAsync(\"{Haiku}\"", GeneratedText.Flat(run.GeneratedSource("IPrompts.PromptClient.g.cs")), System.StringComparison.Ordinal);
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(sources);
        Assert.True(diagnostics.All(d => d.Id != "PG0206"), AnalyzerHarness.Describe(diagnostics));
    }
}
