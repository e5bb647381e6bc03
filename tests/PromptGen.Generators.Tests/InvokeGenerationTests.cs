using System;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class InvokeGenerationTests
{
    private static readonly Lazy<GeneratorRun> InvokeRun = new(() => GeneratorHarness.Run(InvokeSources.Invoke));

    [Fact]
    public void Image_and_embedding_methods_match_the_approved_snapshot()
    {
        GeneratorRun run = InvokeRun.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("InvokePrompts", run.GeneratedSource("IMediaStudio.PromptClient.g.cs"));
    }

    [Fact]
    public void Image_and_embedding_methods_compile_without_warnings()
    {
        Assert.Empty(InvokeRun.Value.CompilationDiagnostics);
    }

    [Fact]
    public void Image_and_embedding_methods_raise_no_analyzer_diagnostics()
    {
        Assert.Empty(AnalyzerHarness.Run(InvokeSources.Invoke));
    }
}
