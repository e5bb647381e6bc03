using System;
using System.Linq;
using PromptGen.Testing.Wire.Invoke;
using Xunit;

namespace PromptGen.Testing.Tests.Invoke;

/// <summary>The emulator's reader of source and mask image sizes: real PNGs and JPEGs, and what is not one.</summary>
public sealed class ImageHeaderTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(640, 480)]
    [InlineData(17, 333)]
    public void Real_pngs_and_jpegs_read_as_the_size_they_were_drawn_at(int width, int height)
    {
        Assert.Equal(new ImageSize("png", width, height), ImageHeader.Read(TestImages.Png(width, height)));
        Assert.Equal(new ImageSize("jpeg", width, height), ImageHeader.Read(TestImages.Jpeg(width, height)));
        Assert.Equal(new ImageSize("png", width, height), ImageHeader.Read(TestImages.Mask(width, height, 0, 0, 1, 1)));
    }

    [Fact]
    public void A_progressive_jpeg_frame_header_after_other_segments_and_fill_bytes_is_read()
    {
        // SOI, APP0 (length 4), fill bytes, SOF2 (progressive): precision 8, height 0x0102, width 0x0304.
        byte[] jpeg = { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xC2, 0x00, 0x0B, 0x08, 0x01, 0x02, 0x03, 0x04, 0x03, 0, 0, 0, 0, 0 };

        Assert.Equal(new ImageSize("jpeg", 0x0304, 0x0102), ImageHeader.Read(jpeg));
    }

    [Fact]
    public void A_huffman_table_is_not_mistaken_for_a_frame_header()
    {
        // DHT (C4) carries a length and bytes that would read as a size; the SOF0 after it is the frame header.
        byte[] jpeg = { 0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x07, 0x08, 0x7F, 0x7F, 0x7F, 0x7F, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 0, 0, 0, 0, 0 };

        Assert.Equal(new ImageSize("jpeg", 32, 16), ImageHeader.Read(jpeg));
    }

    [Fact]
    public void Anything_that_is_not_a_whole_header_is_not_an_image()
    {
        byte[] png = TestImages.Png(8, 8);
        byte[] zeroWidth = (byte[])png.Clone();
        zeroWidth.AsSpan(16, 4).Clear();
        byte[] notIhdr = (byte[])png.Clone();
        notIhdr[12] = (byte)'X';
        byte[] jpeg = TestImages.Jpeg(8, 8);

        Assert.Null(ImageHeader.Read(Array.Empty<byte>()));
        Assert.Null(ImageHeader.Read(png[..23]));
        Assert.Null(ImageHeader.Read(zeroWidth));
        Assert.Null(ImageHeader.Read(notIhdr));
        Assert.Null(ImageHeader.Read("GIF89a"u8.ToArray()));
        Assert.Null(ImageHeader.Read(new byte[] { 0xFF, 0xD8 }));
        Assert.Null(ImageHeader.Read(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02 }));          // a scan before any frame
        Assert.Null(ImageHeader.Read(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF }));          // a segment longer than the bytes
        Assert.Null(ImageHeader.Read(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01 }));          // a length below 2
        Assert.All(Enumerable.Range(0, 40), cut => Assert.Null(ImageHeader.Read(jpeg[..Math.Min(cut, jpeg.Length)])));
    }

    [Fact]
    public void Test_images_refuse_sizes_outside_their_range_before_drawing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TestImages.Png(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => TestImages.Jpeg(10, TestImages.MaxSide + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TestImages.Mask(-1, 10, 0, 0, 1, 1));
    }
}
