using System;
using PromptGen.Testing.Wire.Invoke;

namespace PromptGen.Testing;

/// <summary>
/// Real, decodable PNG and JPEG images of a chosen size, drawn as the emulator draws its answers (deterministic from
/// <c>seed</c>), and masks: source images and masks for image-editing methods in tests and samples that run without
/// any image file or image library.
/// </summary>
public static class TestImages
{
    /// <summary>The largest side a test image may have; larger sizes are refused before any memory is taken.</summary>
    public const int MaxSide = 4_096;

    /// <summary>A PNG of <paramref name="width"/> × <paramref name="height"/> pixels; the same seed gives the same bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is below 1 or above <see cref="MaxSide"/>.</exception>
    public static byte[] Png(int width, int height, string seed = "") => Draw(width, height, seed, "png");

    /// <summary>A baseline JPEG of <paramref name="width"/> × <paramref name="height"/> pixels; the same seed gives the same bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is below 1 or above <see cref="MaxSide"/>.</exception>
    public static byte[] Jpeg(int width, int height, string seed = "") => Draw(width, height, seed, "jpeg");

    /// <summary>
    /// A PNG mask for inpainting and outpainting: white (keep) with a black rectangle (the area to change) at
    /// (<paramref name="x"/>, <paramref name="y"/>) of <paramref name="areaWidth"/> × <paramref name="areaHeight"/> pixels,
    /// cut to the image.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is below 1 or above <see cref="MaxSide"/>.</exception>
    public static byte[] Mask(int width, int height, int x, int y, int areaWidth, int areaHeight)
    {
        CheckSide(width, nameof(width));
        CheckSide(height, nameof(height));
        var rgb = new byte[width * height * 3];
        rgb.AsSpan().Fill(0xFF);
        for (int row = Math.Max(0, y); row < Math.Min(height, (long)y + areaHeight); row++)
        {
            for (int column = Math.Max(0, x); column < Math.Min(width, (long)x + areaWidth); column++)
            {
                rgb.AsSpan(((row * width) + column) * 3, 3).Clear();
            }
        }

        return PngEncoder.Encode(width, height, rgb);
    }

    private static byte[] Draw(int width, int height, string seed, string format)
    {
        ArgumentNullException.ThrowIfNull(seed);
        CheckSide(width, nameof(width));
        CheckSide(height, nameof(height));
        return SyntheticImages.Create(seed, 0, 0, width, height, format);
    }

    private static void CheckSide(int side, string name)
    {
        if (side is < 1 or > MaxSide)
        {
            throw new ArgumentOutOfRangeException(name, side, $"A test image side is 1 to {MaxSide} pixels.");
        }
    }
}
