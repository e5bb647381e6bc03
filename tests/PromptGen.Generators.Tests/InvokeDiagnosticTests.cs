using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>PG0021, PG0223 and PG0224: image and embedding methods checked against their model at build time.</summary>
public sealed class InvokeDiagnosticTests
{
    private static string Client(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using PromptGen;

        namespace Demo;

        [PromptClient(Model = "us.amazon.nova-lite-v1:0")]
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    /// <summary>Every diagnostic of <paramref name="id"/>, each with the source text it points at.</summary>
    private static (Diagnostic Diagnostic, string Text)[] Reported(string members, string id)
    {
        GeneratorRun run = GeneratorHarness.Run(Client(members));
        Assert.Null(run.Result.Exception);
        // The method still compiles (its body throws), so our error is the only one the user sees.
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        return run.GeneratorDiagnostics
            .Where(d => d.Id == id)
            .Select(d => (d, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)))
            .ToArray();
    }

    [Theory]
    [InlineData("amazon.titan-embed-text-v2:0", "Dimensions = 768", "Titan Text Embeddings V2", "use 256, 512 or 1024")]
    [InlineData("cohere.embed-english-v3", "Dimensions = 512", "Cohere Embed v3", "fixed length of 1,024")]
    [InlineData("cohere.embed-v4:0", "Dimensions = 3072", "Cohere Embed v4", "use 256, 512, 1024 or 1536")]
    [InlineData("amazon.nova-2-multimodal-embeddings-v1:0", "Dimensions = 512", "Nova Multimodal Embeddings", "use 256, 384, 1024 or 3072")]
    [InlineData("cohere.embed-english-v3", "Normalize = false", "Cohere Embed v3", "only Titan Text Embeddings V2")]
    [InlineData("amazon.titan-embed-text-v2:0", "InputType = EmbeddingInputType.SearchQuery", "Titan Text Embeddings V2", "has no input type")]
    [InlineData("amazon.titan-embed-text-v2:0", "Truncation = EmbeddingTruncation.End", "Titan Text Embeddings V2", "cuts nothing")]
    public void Embedding_settings_the_model_refuses_are_errors_at_the_argument(string model, string argument, string family, string advice)
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported($$"""
                [Model("{{model}}")]
                [Embedding({{argument}})]
                Task<Embedding<float>> EmbedAsync(string text, CancellationToken cancellationToken = default);
            """, "PG0224"));

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(argument, text);
        Assert.Contains(family, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains(advice, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stability.sd3-5-large-v1:0", "Width = 1024", "Stability models take AspectRatio instead")]
    [InlineData("stability.sd3-5-large-v1:0", "AspectRatio = \"4:3\"", "use \"1:1\", \"16:9\"")]
    [InlineData("stability.sd3-5-large-v1:0", "Seed = -1", "use 0 to 4,294,967,294")]
    [InlineData("stability.sd3-5-large-v1:0", "NumberOfImages = 2", "make one image per call")]
    [InlineData("stability.sd3-5-large-v1:0", "Quality = \"premium\"", "no quality setting")]
    [InlineData("stability.sd3-5-large-v1:0", "Style = \"anime\"", "only Nova Canvas")]
    [InlineData("stability.sd3-5-large-v1:0", "CfgScale = 11", "use 1 to 10")]
    [InlineData("stability.stable-image-ultra-v1:1", "CfgScale = 5", "no cfg scale")]
    [InlineData("stability.stable-image-core-v1:1", "OutputFormat = ImageFormat.Webp", "ImageFormat.Png or ImageFormat.Jpeg")]
    [InlineData("amazon.nova-canvas-v1:0", "Width = 1000", "multiples of 16")]
    [InlineData("amazon.nova-canvas-v1:0", "Style = \"anime\"", "\"PHOTOREALISM\"")]
    [InlineData("amazon.nova-canvas-v1:0", "Seed = 900000000", "use 0 to 858,993,459")]
    [InlineData("amazon.nova-canvas-v1:0", "AspectRatio = \"1:1\"", "take Width and Height instead")]
    [InlineData("amazon.nova-canvas-v1:0", "CfgScale = 1.0", "use 1.1 to 10")]
    [InlineData("amazon.nova-canvas-v1:0", "NumberOfImages = 3", "returns one GeneratedImage")]
    [InlineData("amazon.titan-image-generator-v2:0", "Quality = \"ultra\"", "\"standard\" or \"premium\"")]
    [InlineData("amazon.titan-image-generator-v2:0", "OutputFormat = ImageFormat.Jpeg", "answer PNG only")]
    public void Image_settings_the_model_refuses_are_errors_at_the_argument(string model, string argument, string advice)
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported($$"""
                [Model("{{model}}")]
                [Prompt("A lighthouse")]
                [ImageGeneration({{argument}})]
                Task<GeneratedImage> PaintAsync(CancellationToken cancellationToken = default);
            """, "PG0224"));

        Assert.Equal(argument, text);
        Assert.Contains(advice, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Width = 1024, Height = 768", "Width = 1024", "Titan Image Generator v2 makes only its listed sizes")]
    [InlineData("Width = 1152, Height = 768", null, null)]
    public void A_Titan_size_is_judged_as_a_whole(string arguments, string? reportedAt, string? advice)
    {
        (Diagnostic Diagnostic, string Text)[] reported = Reported($$"""
                [Model("amazon.titan-image-generator-v2:0")]
                [Prompt("A lighthouse")]
                [ImageGeneration({{arguments}})]
                Task<GeneratedImage> PaintAsync(CancellationToken cancellationToken = default);
            """, "PG0224");

        if (reportedAt is null)
        {
            Assert.Empty(reported);
            return;
        }

        (Diagnostic diagnostic, string text) = Assert.Single(reported);
        Assert.Equal(reportedAt, text);
        Assert.Contains(advice!, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedding_method_on_a_chat_model_is_an_error_at_the_method()
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported("""
                Task<Embedding<float>> EmbedAsync(string text, CancellationToken cancellationToken = default);
            """, "PG0223"));

        Assert.Equal("EmbedAsync", text);
        Assert.Equal(
            "Method 'EmbedAsync' returns an embedding, but 'us.amazon.nova-lite-v1:0' is a chat model; name amazon.titan-embed-text-v2:0, "
            + "cohere.embed-english-v3, cohere.embed-multilingual-v3, cohere.embed-v4:0 or amazon.nova-2-multimodal-embeddings-v1:0",
            diagnostic.GetMessage());
    }

    [Fact]
    public void An_image_method_on_an_embedding_model_is_an_error_at_the_model_literal()
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported("""
                [Model("amazon.titan-embed-text-v2:0")]
                [Prompt("A lighthouse")]
                Task<IReadOnlyList<GeneratedImage>> PaintAsync(CancellationToken cancellationToken = default);
            """, "PG0223"));

        Assert.Equal("\"amazon.titan-embed-text-v2:0\"", text);
        Assert.StartsWith("Method 'PaintAsync' returns images, but 'amazon.titan-embed-text-v2:0' is an embedding model; name stability.sd3-5-large-v1:0", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Task<string>", "text", "is an image model")]
    [InlineData("IAsyncEnumerable<string>", "a stream of text", "is an image model")]
    public void A_chat_method_on_an_image_model_is_an_error_at_the_model_literal(string returnType, string made, string what)
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported($$"""
                [Model("stability.stable-image-core-v1:1")]
                [Prompt("Describe a lighthouse")]
                {{returnType}} DescribeAsync(CancellationToken cancellationToken = default);
            """, "PG0223"));

        Assert.Equal("\"stability.stable-image-core-v1:1\"", text);
        Assert.Contains($"returns {made}, but 'stability.stable-image-core-v1:1' {what}; call a chat model, or return GeneratedImage", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_chat_method_on_an_embedding_model_is_an_error()
    {
        (Diagnostic diagnostic, _) = Assert.Single(Reported("""
                [Model("cohere.embed-v4:0")]
                [Prompt("Classify {{ text }}")]
                Task<string> ClassifyAsync(string text, CancellationToken cancellationToken = default);
            """, "PG0223"));

        Assert.Contains("is an embedding model; call a chat model, or return Embedding<float>", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Task<IReadOnlyList<Embedding<float>>> EmbedAsync(string text);", "text", "is one string")]
    [InlineData("Task<Embedding<float>> EmbedAsync(List<string> texts);", "texts", "is a collection")]
    [InlineData("Task<Embedding<float>> EmbedAsync(int number);", "number", "embed a string or a collection of strings")]
    [InlineData("Task<Embedding<float>> EmbedAsync(string title, string body);", "EmbedAsync", "takes 2 inputs ('title', 'body')")]
    [InlineData("Task<Embedding<float>> EmbedAsync(CancellationToken cancellationToken);", "EmbedAsync", "takes no text to embed")]
    public void An_embedding_method_takes_one_text_or_one_collection(string declaration, string reportedAt, string problem)
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported($$"""
                [Model("amazon.titan-embed-text-v2:0")]
                {{declaration}}
            """, "PG0021"));

        Assert.Equal(reportedAt, text);
        Assert.Contains(problem, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedding_method_has_no_template()
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported("""
                [Model("amazon.titan-embed-text-v2:0")]
                [Prompt("query: {{ text }}")]
                Task<Embedding<float>> EmbedAsync(string text);
            """, "PG0021"));

        Assert.Equal("Prompt(\"query: {{ text }}\")", text);
        Assert.Contains("remove [Prompt]", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Interface_settings_apply_to_the_embedding_methods_and_a_method_overrides_them()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using PromptGen;

            namespace Demo;

            [PromptClient(Model = "cohere.embed-v4:0")]
            [Embedding(Dimensions = 512, InputType = EmbeddingInputType.SearchDocument)]
            public partial interface ISearch
            {
                Task<Embedding<float>> EmbedDocumentAsync(string text);

                [Embedding(Dimensions = 1024, InputType = EmbeddingInputType.SearchQuery)]
                Task<Embedding<float>> EmbedQueryAsync(string text);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        string source = run.GeneratedSource("ISearch.PromptClient.g.cs");
        Assert.Contains("Dimensions = 512,\n                    InputType = \"search_document\",", source.ReplaceLineEndings("\n"), System.StringComparison.Ordinal);
        Assert.Contains("Dimensions = 1024,\n                    InputType = \"search_query\",", source.ReplaceLineEndings("\n"), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Model(\"stability.sd3-5-large-v1:0\")]\n[Prompt(\"Restyle it\")]\nTask<GeneratedImage> RestyleAsync(PromptVideo clip);", "clip", "a video")]
    [InlineData("[Model(\"stability.sd3-5-large-v1:0\")]\n[Prompt(\"Restyle it\")]\n[ImageGeneration(Strength = 0.5)]\nTask<GeneratedImage> RestyleAsync(IReadOnlyList<PromptImage> photos);", "photos", "a collection of images")]
    [InlineData("[Model(\"amazon.nova-2-multimodal-embeddings-v1:0\")]\nTask<Embedding<float>> EmbedAsync([Image] byte[] photo);", "photo", "an image as raw data")]
    [InlineData("[Model(\"amazon.titan-embed-text-v2:0\")]\nTask<Embedding<float>> EmbedAsync(string text, [Document(DocumentFormat.Pdf)] byte[] file);", "file", "a document")]
    public void Media_parameters_of_image_and_embedding_methods_are_errors_at_the_parameter(string declaration, string parameter, string kind)
    {
        (Diagnostic diagnostic, string text) = Assert.Single(Reported(declaration, "PG0022"));

        Assert.Equal(parameter, text);
        Assert.Contains($"takes '{parameter}' ({kind})", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }
}
