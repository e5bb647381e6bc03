using System;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>Issue 23: streaming methods with tools, and fallback models on typed streams and tool loops.</summary>
public sealed class StreamingToolGenerationTests
{
    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(StreamingToolSources.Source));

    [Fact]
    public void Streaming_methods_with_tools_match_the_approved_snapshot()
    {
        Assert.Empty(Run.Value.GeneratorDiagnostics);
        SnapshotAssert.Matches("StreamingToolPrompts", Run.Value.GeneratedSource("IWalkPrompts.PromptClient.g.cs"));
    }

    [Fact]
    public void Streaming_methods_with_tools_compile_without_warnings()
    {
        Assert.Empty(Run.Value.CompilationDiagnostics);
    }

    [Fact]
    public void Each_method_with_fallbacks_hands_its_models_to_the_stream_or_the_loop()
    {
        string generated = Run.Value.GeneratedSource("IWalkPrompts.PromptClient.g.cs");

        Assert.Contains("OutlineAsyncModels", generated, StringComparison.Ordinal);
        Assert.Contains("OutlineAtOnceAsyncModels", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("PlanAsyncModels", generated, StringComparison.Ordinal);
    }
}
