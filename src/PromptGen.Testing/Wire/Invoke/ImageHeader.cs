using System;
using System.Buffers.Binary;

namespace PromptGen.Testing.Wire.Invoke;

/// <summary>The format and pixel size of a source or mask image, read from its header.</summary>
internal readonly record struct ImageSize(string Format, int Width, int Height);

/// <summary>
/// Reads the size of an image an editing request sends (a source image or a mask) from its header, without decoding
/// pixels: the emulator needs the size to answer with an image of the source's size and to refuse a mask that does not
/// match it. PNG: the signature and the first chunk, which must be IHDR (PNG spec §5.2, §11.2.2). JPEG: the segments from
/// SOI up to the first start-of-frame marker (ITU T.81 §B.1.1.3, §B.2.2), skipping fill bytes and marker segments by
/// their lengths. Anything else, a truncated header or a zero size is "not an image" (null); the reader never throws
/// and never reads past the span, whatever the bytes (fuzzed: fuzz/PromptGen.Fuzz, target image-header).
/// </summary>
internal static class ImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    /// <summary>The image's format (<c>png</c> or <c>jpeg</c>) and size; null when the bytes are not a PNG or JPEG header.</summary>
    public static ImageSize? Read(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(PngSignature) ? ReadPng(bytes)
        : bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8 ? ReadJpeg(bytes)
        : null;

    private static ImageSize? ReadPng(ReadOnlySpan<byte> bytes)
    {
        // Signature (8), chunk length (4) = 13, type "IHDR" (4), width (4), height (4).
        if (bytes.Length < 24 || BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(8)) != 13 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        uint width = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(16));
        uint height = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(20));

        // PNG limits each side to 2^31 - 1 and forbids zero.
        return width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new ImageSize("png", (int)width, (int)height);
    }

    private static ImageSize? ReadJpeg(ReadOnlySpan<byte> bytes)
    {
        int position = 2;
        while (position < bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return null; // segments follow one another; anything else before a frame header is not JPEG
            }

            // Any number of 0xFF fill bytes may precede a marker.
            while (position < bytes.Length && bytes[position] == 0xFF)
            {
                position++;
            }

            if (position >= bytes.Length)
            {
                return null;
            }

            byte marker = bytes[position++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // TEM and RSTn stand alone
            }

            if (marker is 0x00 or 0xD8 or 0xD9 or 0xDA)
            {
                return null; // a stuffed byte, a second SOI, the end or the scan, all before any frame header
            }

            if (position + 2 > bytes.Length)
            {
                return null;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position));
            if (length < 2 || position + length > bytes.Length)
            {
                return null;
            }

            // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): precision (1), height (2), width (2).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7)
                {
                    return null;
                }

                int height = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 3));
                int width = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 5));

                // A zero height defers the size to a DNL marker after the first scan; image models are not sent those.
                return width == 0 || height == 0 ? null : new ImageSize("jpeg", width, height);
            }

            position += length;
        }

        return null;
    }
}
