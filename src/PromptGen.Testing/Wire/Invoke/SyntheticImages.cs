using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PromptGen.Testing.Wire.Invoke;

/// <summary>
/// The emulator's "generated" images: a pattern (a two-colour gradient with a checkerboard of soft tiles) whose colours
/// and tile size come from a SHA-256 of the prompt, the seed and the image's index, so the same request always gives
/// the same bytes and tests can compare them; encoded as PNG or baseline JPEG of exactly the requested size.
/// </summary>
internal static class SyntheticImages
{
    public static byte[] Create(string prompt, long seed, int index, int width, int height, string format)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{prompt}\n{seed}\n{index}")));
        byte[] rgb = Pixels(hash, width, height);
        return format == "jpeg" ? JpegEncoder.Encode(width, height, rgb) : PngEncoder.Encode(width, height, rgb);
    }

    private static byte[] Pixels(byte[] hash, int width, int height)
    {
        var pixels = new byte[checked(width * height * 3)];
        int tile = 16 << (hash[6] % 3);
        int shade = 24 + (hash[7] % 40);
        for (int y = 0; y < height; y++)
        {
            int rowOffset = y * width * 3;
            double ty = height == 1 ? 0 : (double)y / (height - 1);
            for (int x = 0; x < width; x++)
            {
                double t = width == 1 ? ty : (((double)x / (width - 1)) + ty) / 2;
                bool dark = ((x / tile) + (y / tile)) % 2 == 1;
                int offset = rowOffset + (x * 3);
                for (int channel = 0; channel < 3; channel++)
                {
                    double value = (hash[channel] * (1 - t)) + (hash[channel + 3] * t) - (dark ? shade : 0);
                    pixels[offset + channel] = (byte)Math.Clamp((int)value, 0, 255);
                }
            }
        }

        return pixels;
    }
}
