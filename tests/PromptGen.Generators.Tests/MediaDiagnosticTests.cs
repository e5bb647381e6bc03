using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>PG0010–PG0013 (generator) and PG0211–PG0213 (analyzers), each at its exact location.</summary>
public sealed class MediaDiagnosticTests
{
    private static string Client(string members, string model = "us.amazon.nova-lite-v1:0") => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        [PromptClient(Model = "{{model}}")]
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    private static (Diagnostic Diagnostic, string Text) GeneratorSingle(string members, string id)
    {
        GeneratorRun run = GeneratorHarness.Run(Client(members));
        Assert.Null(run.Result.Exception);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        return (diagnostic, AnalyzerHarness.TextAt(diagnostic));
    }

    [Theory]
    [InlineData("[Image] string photoUrl", "[Image]", "goes on byte[], ReadOnlyMemory<byte>, Memory<byte> or a Stream")]
    [InlineData("[Image] PromptDocument contract", "[Image]", "a PromptDocument is sent as a document; use [Document] or no attribute")]
    [InlineData("[Image(ImageFormat.Png)] PromptImage photo", "[Image(ImageFormat.Png)]", "a PromptImage carries its own format")]
    [InlineData("[Document(Name = \"x\")] List<PromptDocument> files", "[Document(Name = \"x\")]", "carries its own name")]
    public void An_attribute_that_does_not_fit_its_parameter_is_PG0010_at_the_attribute(string parameter, string underlined, string reason)
    {
        (Diagnostic diagnostic, string text) = GeneratorSingle($$"""
                [Prompt("Look.")]
                Task<string> LookAsync({{parameter}}, CancellationToken cancellationToken = default);
            """, "PG0010");

        Assert.Equal(underlined.Trim('[', ']'), text);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Document] byte[] report", "Document", "document")]
    [InlineData("[Video] Stream clip", "Video", "video")]
    public void Raw_documents_and_videos_without_a_format_are_PG0011(string parameter, string underlined, string kind)
    {
        (Diagnostic diagnostic, string text) = GeneratorSingle($$"""
                [Prompt("Look.")]
                Task<string> LookAsync({{parameter}}, CancellationToken cancellationToken = default);
            """, "PG0011");

        Assert.Equal(underlined, text);
        Assert.Contains($"sent as a {kind} from raw bytes", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_image_needs_no_format()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Look.")]
                Task<string> LookAsync([Image] byte[] photo, [Image] Stream scan, CancellationToken cancellationToken = default);
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_stream_in_a_streaming_method_is_PG0012_at_the_parameter()
    {
        (Diagnostic diagnostic, string text) = GeneratorSingle("""
                [Prompt("Look.")]
                IAsyncEnumerable<string> LookAsync([Image] Stream scan, CancellationToken cancellationToken = default);
            """, "PG0012");

        Assert.Equal("scan", text);
        Assert.Contains("PromptImage.FromStreamAsync", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_name_Bedrock_refuses_is_PG0013_at_the_name_with_one_that_fits()
    {
        (Diagnostic diagnostic, string text) = GeneratorSingle("""
                [Prompt("Summarise.")]
                Task<string> SummariseAsync([Document(DocumentFormat.Pdf, Name = "q3_report.pdf")] byte[] report, CancellationToken cancellationToken = default);
            """, "PG0013");

        Assert.Equal("\"q3_report.pdf\"", text);
        Assert.Contains("not '_'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("for example 'q3-report-pdf'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_name_becomes_a_valid_document_name()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Summarise.")]
                Task<string> SummariseAsync([Document(DocumentFormat.Md)] byte[] release_notes_v2, CancellationToken cancellationToken = default);
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("global::PromptGen.DocumentFormat.Md, \"release-notes-v2\")", run.GeneratedSource("IPrompts.PromptClient.g.cs"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> MissingCapabilities => new()
    {
        { "us.amazon.nova-micro-v1:0", "PromptImage photo", "photo", "sends images, which model 'us.amazon.nova-micro-v1:0' does not accept" },
        { "us.amazon.nova-micro-v1:0", "[Document(DocumentFormat.Txt)] byte[] notes", "notes", "sends documents" },
        { "amazon.titan-text-express-v1", "IReadOnlyList<PromptImage> pages", "pages", "sends images, which model 'amazon.titan-text-express-v1'" },
        { "us.amazon.nova-micro-v1:0", "PromptVideo clip", "clip", "sends video, which model 'us.amazon.nova-micro-v1:0' does not accept" },
    };

    [Theory]
    [MemberData(nameof(MissingCapabilities))]
    public void Media_the_model_is_confirmed_not_to_read_is_PG0211_at_the_parameter(string model, string parameter, string underlined, string message)
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client($$"""
                [Prompt("Look.")]
                Task<string> LookAsync({{parameter}}, CancellationToken cancellationToken = default);
            """, model));

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == "PG0211");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity); // Bedrock refuses the request: the call fails
        Assert.Equal(underlined, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("so the call fails", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id == "PG0102");
    }

    [Fact]
    public void Media_a_fallback_model_is_confirmed_not_to_read_is_PG0211_at_the_fallback_id_once()
    {
        // Nova Lite reads images and documents; the fallback Nova Micro reads neither. One finding at the id to
        // change, however many parameters send media it does not read; the other fallback reads them.
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client("""
                [Prompt("Look.")]
                [FallbackModels("us.amazon.nova-pro-v1:0", "us.amazon.nova-micro-v1:0")]
                Task<string> LookAsync(PromptImage photo, PromptDocument notes, CancellationToken cancellationToken = default);
            """));

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == "PG0211");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("\"us.amazon.nova-micro-v1:0\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "Parameter 'photo' of method 'LookAsync' sends images, which the fallback model 'us.amazon.nova-micro-v1:0' does not accept through Converse, so the call fails; choose a model that reads images or remove the parameter",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Media_a_model_reads_or_may_read_is_not_reported()
    {
        // Nova Lite reads all three; no catalog row confirms Claude Sonnet 4 lacks video (it is outside the features table).
        const string Members = """
                [Prompt("Look.")]
                Task<string> LookAsync(PromptImage photo, PromptDocument notes, PromptVideo clip, CancellationToken cancellationToken = default);
            """;
        Assert.DoesNotContain(AnalyzerHarness.Run(Client(Members)), d => d.Id == "PG0211");
        Assert.DoesNotContain(AnalyzerHarness.Run(Client(Members, "us.anthropic.claude-sonnet-4-20250514-v1:0")), d => d.Id == "PG0211");
    }

    [Fact]
    public void A_media_parameter_read_by_a_template_is_PG0212_inside_the_literal()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client("""
                [Prompt("Summarise {{ contract }} in one line.")]
                Task<string> SummariseAsync(PromptDocument contract, CancellationToken cancellationToken = default);
            """));

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == "PG0212");
        Assert.Equal("contract", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("the attached document", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id is "PG0101" or "PG0102");
    }

    [Theory]
    [InlineData("byte[] photo", "byte[]")]
    [InlineData("ReadOnlyMemory<byte> photo", "ReadOnlyMemory<byte>")]
    [InlineData("Stream photo", "Stream")]
    public void Binary_data_without_a_media_attribute_is_PG0213_instead_of_PG0102(string parameter, string type)
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client($$"""
                [Prompt("Look.")]
                Task<string> LookAsync({{parameter}}, CancellationToken cancellationToken = default);
            """));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0213", diagnostic.Id);
        Assert.Equal("photo", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains($"binary data ('{type}') without [Image], [Document] or [Video]", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void NotInTemplate_silences_PG0213()
    {
        Assert.DoesNotContain(
            AnalyzerHarness.Run(Client("""
                [Prompt("Look.")]
                Task<string> LookAsync([NotInTemplate] byte[] photo, CancellationToken cancellationToken = default);
            """)),
            d => d.Id is "PG0213" or "PG0102");
    }
}
