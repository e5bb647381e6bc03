using System;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>samples/Multimodal runs offline and shows the image and document blocks each prompt sent.</summary>
public sealed class MultimodalProgramTests
{
    [Fact]
    public async Task The_sample_sends_its_embedded_image_and_document_and_prints_what_was_received()
    {
        (int exitCode, string text, string errors) = await SampleProgram.RunAsync("Multimodal");

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{text}\n{errors}");
        Assert.Contains("(with image (png, 91 bytes))", text, StringComparison.Ordinal);
        Assert.Contains("sent:    image (png, 91 bytes) | document 'Contoso mug listing' (md, 116 bytes) | text (77 characters)", text, StringComparison.Ordinal);
        Assert.Contains("result:  matches: False; The photo shows no lid", text, StringComparison.Ordinal);
        Assert.Contains("sent:    text (47 characters) | document 'Product listing' (md, 116 bytes)", text, StringComparison.Ordinal);
        Assert.Contains("refused before sending: Bedrock refuses the document name 'listing.md'", text, StringComparison.Ordinal);
    }
}
