using System;
using System.IO;
using System.Text;
using Xunit;

namespace PromptGen.Tests.Media;

public sealed class PromptDocumentTests
{
    [Theory]
    [InlineData("Q3 report")]
    [InlineData("contract-v2 (signed) [final]")]
    [InlineData("a")]
    public void Names_Bedrock_accepts(string name)
    {
        Assert.True(PromptDocument.IsValidName(name));
        Assert.Equal(name, PromptDocument.FromBytes(new byte[] { 1 }, DocumentFormat.Txt, name).Name);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("report.pdf", "not '.' (at 6)")]
    [InlineData("two  spaces", "consecutive spaces")]
    [InlineData("naïve", "not 'ï'")]
    public void Names_Bedrock_refuses_are_refused_with_the_reason(string name, string reason)
    {
        Assert.False(PromptDocument.IsValidName(name));
        var error = Assert.Throws<PromptMediaException>(() => PromptDocument.FromBytes(new byte[] { 1 }, DocumentFormat.Txt, name));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("SanitizeName", error.Message, StringComparison.Ordinal);
        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public void Long_names_are_refused_and_sanitised_to_200()
    {
        string name = new('a', 201);
        Assert.False(PromptDocument.IsValidName(name));
        Assert.Equal(200, PromptDocument.SanitizeName(name).Length);
    }

    [Theory]
    [InlineData("Q3 report_v2.final", "Q3 report-v2-final")]
    [InlineData("  notes\t\tfor   you  ", "notes for you")]
    [InlineData("__init__", "init")]
    [InlineData("...", "document")]
    [InlineData("Résumé 2025", "R-sum- 2025")]
    public void Sanitising_makes_any_text_a_valid_name(string text, string expected)
    {
        string name = PromptDocument.SanitizeName(text);

        Assert.Equal(expected, name);
        Assert.True(PromptDocument.IsValidName(name));
    }

    [Fact]
    public void Files_give_format_from_extension_and_name_from_file_name()
    {
        string directory = Directory.CreateTempSubdirectory("promptgen-docs").FullName;
        try
        {
            string path = Path.Combine(directory, "release_notes.v1.md");
            File.WriteAllText(path, "# Notes");

            PromptDocument document = PromptDocument.FromFile(path);

            Assert.Equal(DocumentFormat.Md, document.Format);
            Assert.Equal("release-notes-v1", document.Name);
            Assert.Equal("# Notes", Encoding.UTF8.GetString(document.Bytes.Span));
            Assert.Equal("Notes", PromptDocument.FromFile(path, name: "Notes").Name);

            string unknown = Path.Combine(directory, "data.bin");
            File.WriteAllBytes(unknown, new byte[] { 1 });
            Assert.Contains("cannot be told from its extension", Assert.Throws<PromptMediaException>(() => PromptDocument.FromFile(unknown)).Message, StringComparison.Ordinal);
            Assert.Equal(DocumentFormat.Csv, PromptDocument.FromFile(unknown, DocumentFormat.Csv).Format);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Text_documents_are_UTF8_and_oversized_ones_refused()
    {
        PromptDocument document = PromptDocument.FromText("é", "accent", DocumentFormat.Md);
        Assert.Equal(new byte[] { 0xC3, 0xA9 }, document.Bytes.ToArray());

        Assert.Throws<PromptMediaException>(() => PromptDocument.FromBytes(new byte[PromptMediaLimits.MaxDocumentBytes + 1], DocumentFormat.Pdf, "big"));
    }
}
