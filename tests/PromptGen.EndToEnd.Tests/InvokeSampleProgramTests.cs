using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>samples/Images and samples/Embeddings run offline against the emulator and print what they made.</summary>
public sealed class InvokeSampleProgramTests
{
    [Fact]
    public async Task The_images_sample_writes_decodable_pngs_and_prints_their_sizes()
    {
        string folder = Directory.CreateTempSubdirectory("promptgen-images").FullName;

        (int exitCode, string text, string errors) = await SampleProgram.RunAsync("Images", folder);

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{text}\n{errors}");
        Assert.Contains("wrote poster-42.png: image/png, 1344x768,", text, StringComparison.Ordinal);
        Assert.Contains("wrote restyled-7.png: image/png, 1344x768,", text, StringComparison.Ordinal);
        Assert.Contains("wrote product-0.png: image/png, 1024x1024,", text, StringComparison.Ordinal);
        Assert.Contains("wrote cover-0.png: image/png, 832x1216,", text, StringComparison.Ordinal);
        Assert.Contains("filtered: Filter reason: output image", text, StringComparison.Ordinal);
        byte[] poster = File.ReadAllBytes(Path.Combine(folder, "poster-42.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, poster[..4]);
        Assert.Equal((1344, 768), (BinaryPrimitives.ReadInt32BigEndian(poster.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(poster.AsSpan(20))));
        Assert.Equal(4, Directory.GetFiles(folder, "*.png").Length);
        Assert.NotEqual(poster, File.ReadAllBytes(Path.Combine(folder, "restyled-7.png")));
    }

    [Fact]
    public async Task The_embeddings_sample_ranks_the_repeated_document_first()
    {
        (int exitCode, string text, string errors) = await SampleProgram.RunAsync("Embeddings");

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{text}\n{errors}");
        Assert.Contains("indexed 5 documents, 1024 dimensions,", text, StringComparison.Ordinal);
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        int query = Array.IndexOf(lines, "query: Refunds are paid to the original card within five days.");
        Assert.Equal("  1.000  Refunds are paid to the original card within five days.", lines[query + 1]);
        Assert.Contains("cohere: 5 documents in 1 call; best match: Lost luggage is kept at the information desk.", text, StringComparison.Ordinal);
        Assert.Equal(2, lines.Count(line => line.StartsWith("query: ", StringComparison.Ordinal)));
    }
}
