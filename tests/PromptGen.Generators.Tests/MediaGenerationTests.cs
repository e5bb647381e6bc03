using System;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class MediaGenerationTests
{
    private static readonly Lazy<GeneratorRun> MediaRun = new(() => GeneratorHarness.Run(MediaSources.Media));

    [Fact]
    public void Media_parameters_match_the_approved_snapshot()
    {
        GeneratorRun run = MediaRun.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("MediaPrompts", run.GeneratedSource("IMediaPrompts.PromptClient.g.cs"));
    }

    [Fact]
    public void Media_methods_compile_without_warnings()
    {
        Assert.Empty(MediaRun.Value.CompilationDiagnostics);
    }

    [Fact]
    public void Media_parameters_raise_no_template_warnings()
    {
        Assert.Empty(AnalyzerHarness.Run(MediaSources.Media));
    }
}
