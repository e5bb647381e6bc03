using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PromptGen.Reliability.Engine;
using PromptGen.Testing;
using PromptGen.Testing.Wire;
using PromptGen.Testing.Wire.Invoke;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The emulator's reader of source and mask images (<see cref="ImageHeader"/>), alone and behind the editing validators
/// that call it (SD 3.5 image-to-image, Nova Canvas inpainting with the input as both image and mask, Titan variation).
/// Inputs: real PNGs and baseline JPEGs of assorted sizes and a mask, mutated (bits flipped, bytes inserted, deleted,
/// cut, the PNG IHDR length or sides and 16-bit JPEG fields set to edge values, runs of bytes repeated, fill bytes
/// added, the signature kept while the rest is random). Invariants: the reader never throws; a size it reports is
/// positive and comes with its format's signature; an unmutated seed reads as the size it was drawn at; each validator
/// returns a request or a ValidationException, never both and never throws, accepts exactly the images the reader read
/// within the family's limits, and answers at the size the edit makes.
/// </summary>
/// <remarks>An input is a string of bytes, one char each.</remarks>
public sealed class ImageHeaderTarget : IFuzzTarget, ICountsOutcomes
{
    private static readonly (int Width, int Height)[] Sizes = { (1, 1), (2, 3), (16, 8), (33, 17), (64, 64), (320, 320) };

    private static readonly int[] EdgeValues = { 0, 1, 2, 7, 255, 256, 65_535, 65_536, int.MaxValue, -1, int.MinValue };

    private readonly List<(byte[] Bytes, ImageSize Size)> _seeds = new();
    private readonly Dictionary<string, ImageSize> _seedSizes;

    public ImageHeaderTarget()
    {
        foreach ((int width, int height) in Sizes)
        {
            _seeds.Add((TestImages.Png(width, height, "fuzz"), new ImageSize("png", width, height)));
            _seeds.Add((TestImages.Jpeg(width, height, "fuzz"), new ImageSize("jpeg", width, height)));
        }

        _seeds.Add((TestImages.Mask(40, 30, 5, 5, 10, 10), new ImageSize("png", 40, 30)));
        _seedSizes = _seeds.ToDictionary(seed => Chars(seed.Bytes), seed => seed.Size, StringComparer.Ordinal);
    }

    public string Name => "image-header";

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string NextInput(Random random, int iteration)
    {
        byte[] bytes = (byte[])_seeds[random.Next(_seeds.Count)].Bytes.Clone();
        for (int mutations = random.Next(0, 4); mutations > 0; mutations--)
        {
            bytes = Mutate(random, bytes);
        }

        return Chars(bytes);
    }

    public void Run(string input)
    {
        byte[] bytes = input.Select(c => checked((byte)c)).ToArray();
        ImageSize? size = ImageHeader.Read(bytes);
        Count(size is { } read ? read.Format : "not an image");
        if (size is { } found)
        {
            bool signed = found.Format == "png" ? bytes.Length >= 24 && bytes[0] == 0x89 : bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8;
            if (found.Width <= 0 || found.Height <= 0 || !signed)
            {
                throw new FuzzViolation($"read {found} from bytes that do not make it");
            }
        }

        if (_seedSizes.TryGetValue(input, out ImageSize expected) && size != expected)
        {
            throw new FuzzViolation($"a real image of {expected} read as {size?.ToString() ?? "not an image"}");
        }

        string image = Convert.ToBase64String(bytes);
        bool stabilityFits = size is { Width: >= 64, Height: >= 64 } s && (long)s.Width * s.Height <= 9_437_184;
        bool novaFits = size is { Width: >= 320 and <= 4_096, Height: >= 320 and <= 4_096 } n && (long)n.Width * n.Height <= 4_194_304;
        bool titanFits = size is { Width: <= 1_408, Height: <= 1_408 };
        Validate("sd35", InvokeFamily.StabilityDiffusion35, $$"""{"prompt":"p","mode":"image-to-image","image":"{{image}}","strength":0.5}""", stabilityFits ? size : null);
        Validate("nova-inpainting", InvokeFamily.NovaCanvas, $$$"""{"taskType":"INPAINTING","inPaintingParams":{"image":"{{{image}}}","maskImage":"{{{image}}}"}}""", novaFits ? size : null);
        Validate("titan-variation", InvokeFamily.TitanImageV2, $$$"""{"taskType":"IMAGE_VARIATION","imageVariationParams":{"images":["{{{image}}}"]}}""", titanFits ? new ImageSize("png", 1024, 1024) : null);
    }

    public bool IsExpected(Exception exception) => false;

    /// <summary>The validator answers a request exactly when the image fits (at <paramref name="answered"/>'s size), else a ValidationException.</summary>
    private void Validate(string name, InvokeFamily family, string body, ImageSize? answered)
    {
        (InvokeRequest? request, EmulatorError? error) = InvokeBodyValidator.Validate(family, Encoding.UTF8.GetBytes(body), 0);
        if ((request is null) == (error is null))
        {
            throw new FuzzViolation($"{name}: the validator returned {(request is null ? "neither a request nor an error" : "both a request and an error")}");
        }

        if (answered is { } fits && (request is null || request.Width != fits.Width || request.Height != fits.Height))
        {
            throw new FuzzViolation($"{name}: a readable image answered {(request is null ? "an error: " + error!.Message : $"{request.Width}x{request.Height}")}, not {fits.Width}x{fits.Height}");
        }

        if (answered is null && request is not null)
        {
            throw new FuzzViolation($"{name}: an image the reader refused, or one outside the limits, was accepted as {request.Width}x{request.Height}");
        }

        Count(name + (request is null ? " refused" : " accepted"));
    }

    private void Count(string outcome) => Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;

    private static string Chars(byte[] bytes) => new(bytes.Select(b => (char)b).ToArray());

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        switch (random.Next(8))
        {
            case 0:
                EventStreamTarget.FlipBits(random, bytes);
                return bytes;
            case 1:
                return EventStreamTarget.InsertBytes(random, bytes);
            case 2:
                return EventStreamTarget.DeleteBytes(random, bytes);
            case 3:
                return bytes.Length == 0 ? bytes : bytes[..random.Next(bytes.Length)];
            case 4:
                {
                    // The signature kept, the rest random: nothing after it may be trusted.
                    byte[] noise = new byte[random.Next(0, 64)];
                    random.NextBytes(noise);
                    return bytes.Take(bytes.Length > 0 && bytes[0] == 0x89 ? 8 : 2).Concat(noise).ToArray();
                }

            case 5:
                // A header field set to an edge value: the PNG IHDR length or a side, or a 16-bit JPEG field.
                if (bytes.Length >= 24 && bytes[0] == 0x89)
                {
                    int[] fields = { 8, 16, 20 };
                    BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(fields[random.Next(fields.Length)]), EdgeValues[random.Next(EdgeValues.Length)]);
                }
                else if (bytes.Length >= 4)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(random.Next(2, bytes.Length - 1)), unchecked((ushort)EdgeValues[random.Next(EdgeValues.Length)]));
                }

                return bytes;
            case 6:
                {
                    // A run of bytes repeated (a segment or chunk twice).
                    if (bytes.Length < 4)
                    {
                        return bytes;
                    }

                    int start = random.Next(2, bytes.Length), length = random.Next(1, Math.Min(64, bytes.Length - start) + 1);
                    return bytes[..start].Concat(bytes.Skip(start).Take(length)).Concat(bytes[start..]).ToArray();
                }

            default:
                {
                    // Fill bytes (0xFF), which may precede any JPEG marker.
                    int at = Math.Min(random.Next(2, Math.Max(3, bytes.Length)), bytes.Length);
                    return bytes[..at].Concat(Enumerable.Repeat((byte)0xFF, random.Next(1, 8))).Concat(bytes[at..]).ToArray();
                }
        }
    }
}
