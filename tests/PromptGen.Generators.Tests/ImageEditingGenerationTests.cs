using System;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>Image-to-image, variation, inpainting, outpainting and image embedding methods: the generated code.</summary>
public sealed class ImageEditingGenerationTests
{
    private static readonly Lazy<GeneratorRun> EditingRun = new(() => GeneratorHarness.Run(ImageEditingSources.Editing));

    [Fact]
    public void Image_editing_methods_match_the_approved_snapshot()
    {
        GeneratorRun run = EditingRun.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("ImageEditingPrompts", run.GeneratedSource("IPhotoDesk.PromptClient.g.cs"));
    }

    [Fact]
    public void Image_editing_methods_compile_without_warnings()
    {
        Assert.Empty(EditingRun.Value.CompilationDiagnostics);
    }

    [Fact]
    public void Image_editing_methods_raise_no_analyzer_diagnostics()
    {
        Assert.Empty(AnalyzerHarness.Run(ImageEditingSources.Editing));
    }

    [Fact]
    public void Source_images_are_sent_beside_the_prompt_not_rendered_into_it()
    {
        string source = EditingRun.Value.GeneratedSource("IPhotoDesk.PromptClient.g.cs");

        Assert.Contains("EditOneAsync(", source, StringComparison.Ordinal);
        string code = string.Join(" ", source.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("new global::PromptGen.PromptImage[] { first, second }, null, null,", code, StringComparison.Ordinal);
        Assert.Contains("new global::PromptGen.PromptImage[] { photo }, null, area,", code, StringComparison.Ordinal);
        Assert.Contains("new global::PromptGen.PromptImage[] { photo }, subject, null,", code, StringComparison.Ordinal);
        Assert.Contains("EditTask = \"OUTPAINTING\"", source, StringComparison.Ordinal);
        Assert.Contains("OutpaintingMode = \"PRECISE\"", source, StringComparison.Ordinal);
        Assert.Contains("EditTask = \"INPAINTING\"", source, StringComparison.Ordinal);
        Assert.Contains("EditTask = \"IMAGE_VARIATION\"", source, StringComparison.Ordinal);
        Assert.Contains("Embeddings.EmbedImageAsync(", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\"photo\", photo", source, StringComparison.Ordinal);
    }
}
