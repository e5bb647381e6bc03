using System;
using System.Linq;

namespace PromptGen.Tests.Media;

/// <summary>Byte strings that start with each image format's file signature.</summary>
internal static class MediaSamples
{
    public static readonly byte[] Png = Signature(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
    public static readonly byte[] Jpeg = Signature(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 });
    public static readonly byte[] Gif = Signature("GIF89a"u8.ToArray());
    public static readonly byte[] Webp = Signature("RIFF\0\0\0\0WEBPVP8 "u8.ToArray());

    private static byte[] Signature(byte[] head) => head.Concat(Enumerable.Range(0, 32).Select(i => (byte)i)).ToArray();

    public static byte[] OfLength(int length)
    {
        var bytes = new byte[length];
        Png.AsSpan().CopyTo(bytes);
        return bytes;
    }
}
