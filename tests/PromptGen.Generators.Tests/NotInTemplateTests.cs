using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>[NotInTemplate]: the opt-out from PG0102 for a parameter the method uses otherwise.</summary>
public sealed class NotInTemplateTests
{
    private static string Client(string parameters) => $$$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
        public partial interface IPrompts
        {
            [Prompt("Reply to: {{ message }}")]
            Task<string> ReplyAsync({{{parameters}}}, CancellationToken cancellationToken);
        }
        """;

    [Fact]
    public void A_parameter_marked_NotInTemplate_is_not_reported_and_still_generates()
    {
        string source = Client("string message, [NotInTemplate] string language");

        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(source);
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.True(diagnostics.Count == 0, AnalyzerHarness.Describe(diagnostics));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Only_the_marked_parameter_is_exempt()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client("string message, [NotInTemplate] string language, string tone"));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0102", diagnostic.Id);
        Assert.Equal("tone", AnalyzerHarness.TextAt(diagnostic));
    }

    [Fact]
    public void A_marked_parameter_that_the_template_uses_is_still_fine()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client("[NotInTemplate] string message"));

        Assert.True(diagnostics.Count == 0, AnalyzerHarness.Describe(diagnostics));
    }
}
