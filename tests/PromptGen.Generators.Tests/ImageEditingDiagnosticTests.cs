using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// PG0225 (an image input the model does not take), PG0226 (image inputs that do not make a request) and the editing
/// settings' PG0224: each at the parameter or the attribute argument that needs changing.
/// </summary>
public sealed class ImageEditingDiagnosticTests
{
    private static string Client(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using PromptGen;

        namespace Demo;

        #pragma warning disable PG0204
        [PromptClient(Model = "us.amazon.nova-lite-v1:0")]
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static (Diagnostic Diagnostic, string Text)[] Reported(string members, string id)
    {
        GeneratorRun run = GeneratorHarness.Run(Client(members));
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        return run.GeneratorDiagnostics
            .Where(d => d.Id == id)
            .Select(d => (d, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)))
            .ToArray();
    }

    [Theory]
    [InlineData("[Model(\"stability.stable-image-core-v1:1\")]\n[Prompt(\"Restyle it\")]\nTask<GeneratedImage> RestyleAsync(PromptImage photo);", "photo", "text only on Bedrock")]
    [InlineData("[Model(\"stability.stable-image-ultra-v1:1\")]\n[Prompt(\"Restyle it\")]\nTask<GeneratedImage> RestyleAsync(PromptImage photo);", "photo", "text only on Bedrock")]
    [InlineData("[Model(\"stability.sd3-5-large-v1:0\")]\n[Prompt(\"a cat\")]\n[ImageGeneration(Strength = 0.5)]\nTask<GeneratedImage> FixAsync(PromptImage photo, [Mask] string area);", "area", "without a mask")]
    [InlineData("[Model(\"stability.sd3-5-large-v1:0\")]\n[Prompt(\"a cat\")]\n[ImageGeneration(Strength = 0.5)]\nTask<GeneratedImage> FixAsync(PromptImage photo, PromptImage other);", "other", "takes one source image")]
    [InlineData("[Model(\"amazon.nova-canvas-v1:0\")]\n[Prompt(\"a cat\")]\nTask<GeneratedImage> FixAsync(PromptImage photo, PromptImage other, [Mask] string area);", "other", "edit one source image")]
    [InlineData("[Model(\"amazon.nova-canvas-v1:0\")]\n[Prompt(\"cats\")]\nTask<GeneratedImage> VaryAsync(PromptImage a, PromptImage b, PromptImage c, PromptImage d, PromptImage e, PromptImage f);", "f", "1 to 5 source images")]
    [InlineData("[Model(\"amazon.titan-embed-text-v2:0\")]\nTask<Embedding<float>> EmbedAsync(PromptImage photo);", "photo", "Titan Text Embeddings V2 embeds text only")]
    [InlineData("[Model(\"cohere.embed-v4:0\")]\nTask<ReadOnlyMemory<float>> EmbedAsync(PromptImage photo);", "photo", "Cohere Embed v4 embeds text only")]
    public void Image_inputs_the_model_does_not_take_are_errors_at_the_parameter(string declaration, string parameter, string advice)
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported(declaration, "PG0225"));

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(parameter, text);
        Assert.Contains(advice, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Model(\"amazon.nova-canvas-v1:0\")]\n[Prompt(\"a cat\")]\nTask<GeneratedImage> FixAsync([Mask] PromptImage mask);", "mask", "no image to edit")]
    [InlineData("[Model(\"amazon.nova-canvas-v1:0\")]\n[Prompt(\"a cat\")]\nTask<GeneratedImage> FixAsync(PromptImage photo, [Mask] int area);", "area", "put it on a PromptImage")]
    [InlineData("[Model(\"amazon.nova-canvas-v1:0\")]\n[Prompt(\"a cat\")]\nTask<GeneratedImage> FixAsync(PromptImage photo, [Mask] PromptImage mask, [Mask] string area);", "area", "has two masks")]
    [InlineData("[Model(\"stability.sd3-5-large-v1:0\")]\n[Prompt(\"a cat\")]\nTask<GeneratedImage> RestyleAsync(PromptImage photo);", "photo", "Strength = 0.6")]
    [InlineData("[Prompt(\"Describe {{ area }}\")]\nTask<string> DescribeAsync([Mask] string area);", "area", "a chat method sends no mask")]
    [InlineData("[Model(\"amazon.nova-2-multimodal-embeddings-v1:0\")]\nTask<Embedding<float>> EmbedAsync(PromptImage photo, [Mask] PromptImage mask);", "mask", "an embedding method sends no mask")]
    public void Image_inputs_that_make_no_request_are_errors_at_the_parameter(string declaration, string parameter, string advice)
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported(declaration, "PG0226"));

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(parameter, text);
        Assert.Contains(advice, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stability.sd3-5-large-v1:0", "PromptImage photo", "Strength = 1.5", "use 0 (keep the source image) to 1")]
    [InlineData("stability.sd3-5-large-v1:0", "string subject", "Strength = 0.5", "Strength is for image-to-image")]
    [InlineData("stability.sd3-5-large-v1:0", "PromptImage photo", "Strength = 0.5, AspectRatio = \"16:9\"", "keeps the source image's shape")]
    [InlineData("stability.sd3-5-large-v1:0", "PromptImage photo", "Strength = 0.5, Similarity = 0.5", "take Strength")]
    [InlineData("stability.sd3-5-large-v1:0", "PromptImage photo", "Strength = 0.5, Outpainting = Outpainting.Default", "do not outpaint")]
    [InlineData("amazon.nova-canvas-v1:0", "PromptImage photo", "Similarity = 0.1", "use 0.2 (loosely) to 1.0")]
    [InlineData("amazon.nova-canvas-v1:0", "PromptImage photo", "Strength = 0.5", "take Similarity")]
    [InlineData("amazon.nova-canvas-v1:0", "PromptImage photo, [Mask] string area", "Similarity = 0.5", "not inpainting or outpainting")]
    [InlineData("amazon.nova-canvas-v1:0", "PromptImage photo", "Outpainting = Outpainting.Precise", "add a PromptImage source and a [Mask]")]
    [InlineData("amazon.titan-image-generator-v2:0", "PromptImage photo, [Mask] PromptImage mask", "Width = 1024", "keep the source image's size")]
    [InlineData("amazon.nova-canvas-v1:0", "PromptImage photo, [Mask] string area", "Style = \"PHOTOREALISM\"", "text to image only")]
    public void Editing_settings_that_do_not_fit_are_errors_at_the_argument(string model, string parameters, string arguments, string advice)
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported($$"""
                [Model("{{model}}")]
                [Prompt("a cat")]
                [ImageGeneration({{arguments}})]
                Task<GeneratedImage> EditAsync({{parameters}});
            """, "PG0224"));

        Assert.Equal(arguments.Split(", ")[^1], text);
        Assert.Contains(advice, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_beside_another_input_of_an_embedding_method_is_PG0021_naming_both()
    {
        (Diagnostic diagnostic, _) = Assert.Single(Reported("""
                [Model("amazon.nova-2-multimodal-embeddings-v1:0")]
                Task<Embedding<float>> EmbedAsync(PromptImage photo, string caption);
            """, "PG0021"));

        Assert.Contains("takes 2 inputs ('photo', 'caption')", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(Reported("""
                [Model("amazon.nova-2-multimodal-embeddings-v1:0")]
                Task<Embedding<float>> EmbedAsync(PromptImage photo, string caption);
            """, "PG0022"));
    }

    [Fact]
    public void Truncation_of_an_embedded_image_is_an_error_at_the_argument()
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported("""
                [Model("amazon.nova-2-multimodal-embeddings-v1:0")]
                [Embedding(Truncation = EmbeddingTruncation.End)]
                Task<Embedding<float>> EmbedAsync(PromptImage photo);
            """, "PG0224"));

        Assert.Equal("Truncation = EmbeddingTruncation.End", text);
        Assert.Contains("embedded whole", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_embeddings_from_one_image_is_PG0021_at_the_parameter()
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported("""
                [Model("amazon.nova-2-multimodal-embeddings-v1:0")]
                Task<IReadOnlyList<Embedding<float>>> EmbedAsync(PromptImage photo);
            """, "PG0021"));

        Assert.Equal("photo", text);
        Assert.Contains("is one image", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Each_edit_kind_generates_without_diagnostics()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Model("stability.sd3-5-large-v1:0")]
                [Prompt("a cat")]
                [ImageGeneration(Strength = 0)]
                Task<GeneratedImage> A(PromptImage photo);

                [Model("amazon.nova-canvas-v1:0")]
                [Prompt("cats")]
                [ImageGeneration(Similarity = 1.0)]
                Task<GeneratedImage> B(PromptImage a, PromptImage b, PromptImage c, PromptImage d, PromptImage e);

                [Model("amazon.titan-image-generator-v2:0")]
                [Prompt("a dog")]
                [ImageGeneration(Outpainting = Outpainting.Default)]
                Task<GeneratedImage> C(PromptImage photo, [Mask] string area);
            """));

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden && d.Id != "PG0204"));
        Assert.Empty(run.CompilationDiagnostics);
    }
}
