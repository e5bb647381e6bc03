using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using PromptGen.Testing.Wire;
using PromptGen.Testing.Wire.Invoke;
using Xunit;

namespace PromptGen.Testing.Tests.Invoke;

/// <summary>
/// The emulator's own PNG and JPEG encoders write files any decoder reads: checked here by walking their structure (PNG
/// chunks and CRCs, the zlib stream inflated; JPEG markers, tables and the entropy-coded scan), and, when they were
/// written, by decoding with libjpeg.
/// </summary>
public sealed class ImageEncoderTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(64, 48)]
    [InlineData(1024, 1024)]
    public void Png_has_valid_chunks_and_inflates_to_every_row(int width, int height)
    {
        byte[] rgb = Pattern(width, height);
        byte[] png = PngEncoder.Encode(width, height, rgb);

        Assert.Equal(("png", width, height), Invoke.Header(png));
        int offset = 8;
        var chunks = new System.Collections.Generic.List<string>();
        using var idat = new MemoryStream();
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(EventStreamEncoder.Checksum(png.AsSpan(offset + 4, 4 + length)), crc);
            if (type == "IDAT")
            {
                idat.Write(png, offset + 8, length);
            }

            chunks.Add(type);
            offset += 12 + length;
        }

        Assert.Equal(new[] { "IHDR", "IDAT", "IEND" }, chunks);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        byte[] scanlines = inflated.ToArray();
        Assert.Equal(height * ((width * 3) + 1), scanlines.Length);
        for (int row = 0; row < height; row++)
        {
            Assert.Equal(0, scanlines[row * ((width * 3) + 1)]);
            Assert.True(scanlines.AsSpan((row * ((width * 3) + 1)) + 1, width * 3).SequenceEqual(rgb.AsSpan(row * width * 3, width * 3)));
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(13, 9)]
    [InlineData(1344, 768)]
    public void Jpeg_is_a_baseline_jfif_with_complete_tables_and_a_stuffed_scan(int width, int height)
    {
        byte[] jpeg = JpegEncoder.Encode(width, height, Pattern(width, height));

        Assert.Equal(("jpeg", width, height), Invoke.Header(jpeg));
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, jpeg[^2..]);
        int offset = 2, huffmanTables = 0, quantizationTables = 0;
        int scanStart = -1;
        while (scanStart < 0)
        {
            Assert.Equal(0xFF, jpeg[offset]);
            byte marker = jpeg[offset + 1];
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(offset + 2));
            if (marker == 0xC4)
            {
                huffmanTables++;
                int count = jpeg.AsSpan(offset + 5, 16).ToArray().Sum(b => b);
                Assert.Equal(length - 19, count);
                byte[] symbols = jpeg.AsSpan(offset + 21, count).ToArray();
                Assert.Equal(symbols.Length, symbols.Distinct().Count());
                if ((jpeg[offset + 4] & 0x10) != 0)
                {
                    // An AC table must hold every run/size pair the encoder can emit, EOB and ZRL.
                    var every = Enumerable.Range(0, 16).SelectMany(run => Enumerable.Range(1, 10).Select(size => (byte)((run << 4) | size))).Append((byte)0x00).Append((byte)0xF0);
                    Assert.Empty(every.Except(symbols));
                }
            }
            else if (marker == 0xDB)
            {
                quantizationTables++;
            }
            else if (marker == 0xDA)
            {
                scanStart = offset + 2 + length;
            }

            offset += 2 + length;
        }

        Assert.Equal((4, 2), (huffmanTables, quantizationTables));
        // In the entropy-coded data every 0xFF is followed by a stuffed 0x00 (there are no restart markers).
        for (int i = scanStart; i < jpeg.Length - 2; i++)
        {
            if (jpeg[i] == 0xFF)
            {
                Assert.Equal(0x00, jpeg[i + 1]);
                i++;
            }
        }
    }

    [Fact]
    public void Synthetic_images_are_deterministic_and_depend_on_prompt_seed_and_index()
    {
        byte[] image = SyntheticImages.Create("a red fox", 7, 0, 64, 32, "png");

        Assert.Equal(image, SyntheticImages.Create("a red fox", 7, 0, 64, 32, "png"));
        Assert.NotEqual(image, SyntheticImages.Create("a red fox", 8, 0, 64, 32, "png"));
        Assert.NotEqual(image, SyntheticImages.Create("a red fox", 7, 1, 64, 32, "png"));
        Assert.NotEqual(image, SyntheticImages.Create("a blue fox", 7, 0, 64, 32, "png"));
        Assert.Equal(("jpeg", 64, 32), Invoke.Header(SyntheticImages.Create("a red fox", 7, 0, 64, 32, "jpeg")));
    }

    private static byte[] Pattern(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        var random = new Random(width * 31 + height);
        random.NextBytes(rgb);
        return rgb;
    }
}
