using System;
using System.Collections.Generic;
using System.IO;

namespace PromptGen.Testing.Wire.Invoke;

/// <summary>
/// A minimal baseline JPEG encoder (ITU-T T.81): JFIF APP0, YCbCr 4:4:4, the example quantization tables of Annex K
/// scaled to quality 90, the typical Huffman tables of Annex K.3, one interleaved scan. Written here because no image
/// library is available to the emulator; any JPEG decoder reads its output (checked with libjpeg when it was written).
/// </summary>
internal static class JpegEncoder
{
    private const int Quality = 90;

    private static readonly byte[] ZigZag =
    {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    };

    private static readonly int[] LuminanceBase =
    {
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    };

    private static readonly int[] ChrominanceBase =
    {
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    };

    private static readonly HuffmanTable DcLuminance = new(
        new byte[] { 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 },
        new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 });

    private static readonly HuffmanTable DcChrominance = new(
        new byte[] { 0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 },
        new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 });

    private static readonly HuffmanTable AcLuminance = new(
        new byte[] { 0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d },
        new byte[]
        {
            0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08,
            0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
            0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59,
            0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
            0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6,
            0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
            0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
        });

    private static readonly HuffmanTable AcChrominance = new(
        new byte[] { 0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77 },
        new byte[]
        {
            0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91,
            0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26,
            0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58,
            0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87,
            0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4,
            0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda,
            0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
        });

    private static readonly int[] LuminanceTable = Scale(LuminanceBase);
    private static readonly int[] ChrominanceTable = Scale(ChrominanceBase);

    // cos((2x + 1) u π / 16) with the DCT's C(u) folded in.
    private static readonly double[,] Cosines = BuildCosines();

    /// <param name="width">Pixels per row.</param>
    /// <param name="height">Rows.</param>
    /// <param name="rgb">Row-major RGB bytes, <c>width × height × 3</c>.</param>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (width is < 1 or > 65_535 || height is < 1 or > 65_535 || rgb.Length != checked(width * height * 3))
        {
            throw new ArgumentException("The size or the pixel buffer is out of range.", nameof(rgb));
        }

        using var output = new MemoryStream();
        WriteHeaders(output, width, height);

        var bits = new BitWriter(output);
        int[] previousDc = new int[3];
        double[] block = new double[64];
        int[] quantized = new int[64];
        for (int blockY = 0; blockY < height; blockY += 8)
        {
            for (int blockX = 0; blockX < width; blockX += 8)
            {
                for (int component = 0; component < 3; component++)
                {
                    FillBlock(rgb, width, height, blockX, blockY, component, block);
                    Transform(block, component == 0 ? LuminanceTable : ChrominanceTable, quantized);
                    EncodeBlock(bits, quantized, ref previousDc[component],
                        component == 0 ? DcLuminance : DcChrominance, component == 0 ? AcLuminance : AcChrominance);
                }
            }
        }

        bits.Flush();
        output.WriteByte(0xFF);
        output.WriteByte(0xD9); // EOI
        return output.ToArray();
    }

    private static void WriteHeaders(Stream output, int width, int height)
    {
        output.Write(new byte[] { 0xFF, 0xD8 }); // SOI
        output.Write(new byte[] { 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 });

        foreach ((int id, int[] table) in new[] { (0, LuminanceTable), (1, ChrominanceTable) })
        {
            output.Write(new byte[] { 0xFF, 0xDB, 0x00, 67, (byte)id });
            foreach (byte position in ZigZag)
            {
                output.WriteByte((byte)table[position]);
            }
        }

        output.Write(new byte[]
        {
            0xFF, 0xC0, 0x00, 17, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3,
            1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1,
        });

        foreach ((int classAndId, HuffmanTable table) in new[] { (0x00, DcLuminance), (0x10, AcLuminance), (0x01, DcChrominance), (0x11, AcChrominance) })
        {
            int length = 2 + 1 + 16 + table.Values.Length;
            output.Write(new byte[] { 0xFF, 0xC4, (byte)(length >> 8), (byte)length, (byte)classAndId });
            output.Write(table.Counts);
            output.Write(table.Values);
        }

        output.Write(new byte[] { 0xFF, 0xDA, 0x00, 12, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0 });
    }

    private static void FillBlock(ReadOnlySpan<byte> rgb, int width, int height, int blockX, int blockY, int component, double[] block)
    {
        for (int y = 0; y < 8; y++)
        {
            int row = Math.Min(blockY + y, height - 1);
            for (int x = 0; x < 8; x++)
            {
                int column = Math.Min(blockX + x, width - 1);
                int offset = ((row * width) + column) * 3;
                double r = rgb[offset], g = rgb[offset + 1], b = rgb[offset + 2];
                double value = component switch
                {
                    0 => (0.299 * r) + (0.587 * g) + (0.114 * b),
                    1 => (-0.168736 * r) - (0.331264 * g) + (0.5 * b) + 128,
                    _ => (0.5 * r) - (0.418688 * g) - (0.081312 * b) + 128,
                };
                block[(y * 8) + x] = value - 128;
            }
        }
    }

    private static void Transform(double[] block, int[] table, int[] quantized)
    {
        Span<double> rows = stackalloc double[64];
        for (int y = 0; y < 8; y++)
        {
            for (int u = 0; u < 8; u++)
            {
                double sum = 0;
                for (int x = 0; x < 8; x++)
                {
                    sum += block[(y * 8) + x] * Cosines[u, x];
                }

                rows[(y * 8) + u] = sum;
            }
        }

        for (int u = 0; u < 8; u++)
        {
            for (int v = 0; v < 8; v++)
            {
                double sum = 0;
                for (int y = 0; y < 8; y++)
                {
                    sum += rows[(y * 8) + u] * Cosines[v, y];
                }

                int position = (v * 8) + u;
                quantized[position] = (int)Math.Round(sum / table[position]);
            }
        }
    }

    private static void EncodeBlock(BitWriter bits, int[] quantized, ref int previousDc, HuffmanTable dc, HuffmanTable ac)
    {
        int difference = quantized[0] - previousDc;
        previousDc = quantized[0];
        int category = Category(difference);
        dc.Write(bits, category);
        bits.Write(Magnitude(difference, category), category);

        int run = 0;
        for (int index = 1; index < 64; index++)
        {
            int value = quantized[ZigZag[index]];
            if (value == 0)
            {
                run++;
                continue;
            }

            while (run > 15)
            {
                ac.Write(bits, 0xF0); // ZRL: sixteen zeros
                run -= 16;
            }

            int size = Category(value);
            ac.Write(bits, (run << 4) | size);
            bits.Write(Magnitude(value, size), size);
            run = 0;
        }

        if (run > 0)
        {
            ac.Write(bits, 0x00); // EOB
        }
    }

    private static int Category(int value)
    {
        int magnitude = Math.Abs(value);
        int category = 0;
        while (magnitude > 0)
        {
            category++;
            magnitude >>= 1;
        }

        return category;
    }

    // Negative values are sent as their one's complement in `category` bits (T.81 F.1.2.1).
    private static int Magnitude(int value, int category) => value >= 0 ? value : value + (1 << category) - 1;

    private static int[] Scale(int[] table)
    {
        int scale = Quality < 50 ? 5000 / Quality : 200 - (Quality * 2);
        var scaled = new int[64];
        for (int i = 0; i < 64; i++)
        {
            scaled[i] = Math.Clamp(((table[i] * scale) + 50) / 100, 1, 255);
        }

        return scaled;
    }

    private static double[,] BuildCosines()
    {
        var cosines = new double[8, 8];
        for (int u = 0; u < 8; u++)
        {
            double c = u == 0 ? Math.Sqrt(0.125) : 0.5;
            for (int x = 0; x < 8; x++)
            {
                cosines[u, x] = c * Math.Cos(((2 * x) + 1) * u * Math.PI / 16);
            }
        }

        return cosines;
    }

    /// <summary>A Huffman table given as counts per code length and symbols (T.81 Annex C), with the codes derived from them.</summary>
    private sealed class HuffmanTable
    {
        private readonly Dictionary<int, (int Code, int Length)> _codes = new();

        public HuffmanTable(byte[] counts, byte[] values)
        {
            Counts = counts;
            Values = values;
            int code = 0, k = 0;
            for (int length = 1; length <= 16; length++)
            {
                for (int i = 0; i < counts[length - 1]; i++)
                {
                    _codes[values[k++]] = (code++, length);
                }

                code <<= 1;
            }
        }

        public byte[] Counts { get; }

        public byte[] Values { get; }

        public void Write(BitWriter bits, int symbol)
        {
            (int code, int length) = _codes[symbol];
            bits.Write(code, length);
        }
    }

    /// <summary>Entropy-coded bits, most significant first, with a 0x00 stuffed after every 0xFF byte.</summary>
    private sealed class BitWriter(Stream output)
    {
        private int _buffer;
        private int _count;

        public void Write(int value, int length)
        {
            for (int bit = length - 1; bit >= 0; bit--)
            {
                _buffer = (_buffer << 1) | ((value >> bit) & 1);
                if (++_count == 8)
                {
                    Emit();
                }
            }
        }

        /// <summary>Pads the last byte with 1 bits.</summary>
        public void Flush()
        {
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Emit()
        {
            output.WriteByte((byte)_buffer);
            if (_buffer == 0xFF)
            {
                output.WriteByte(0);
            }

            _buffer = 0;
            _count = 0;
        }
    }
}
