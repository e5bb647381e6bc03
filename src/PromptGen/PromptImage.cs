using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Media;

namespace PromptGen;

/// <summary>
/// An image for a prompt: a format and either the bytes or an S3 location. A prompt method parameter of this type (or a
/// collection of it) becomes an image content block of the user turn; null sends nothing.
/// </summary>
public sealed class PromptImage
{
    private PromptImage(ImageFormat format, ReadOnlyMemory<byte> bytes, S3Location? s3Location)
    {
        Format = format;
        Bytes = bytes;
        S3Location = s3Location;
    }

    /// <summary>The image's format, sent as <c>image.format</c>.</summary>
    public ImageFormat Format { get; }

    /// <summary>The image's bytes; empty when it is in S3.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Where Bedrock reads the image; null when the bytes are inline.</summary>
    public S3Location? S3Location { get; }

    /// <summary>
    /// An image from its bytes (not copied). Without <paramref name="format"/> the format comes from the file signature;
    /// with it, bytes that are recognisably another format are refused, since Bedrock would refuse them.
    /// </summary>
    /// <exception cref="PromptMediaException">The bytes are empty or over 3.75 MB, or their format is unknown or not the one given.</exception>
    public static PromptImage FromBytes(ReadOnlyMemory<byte> bytes, ImageFormat? format = null)
    {
        MediaReader.CheckSize(bytes, PromptMediaLimits.MaxImageBytes, "image");
        return new PromptImage(CheckFormat(bytes.Span, format, source: null), bytes, null);
    }

    /// <summary>An image from a file; the format comes from the extension, else from the file signature.</summary>
    public static PromptImage FromFile(string path, ImageFormat? format = null)
    {
        ReadOnlyMemory<byte> bytes = MediaReader.ReadFile(path, PromptMediaLimits.MaxImageBytes, "image");
        return new PromptImage(CheckFormat(bytes.Span, format ?? MediaFormatNames.ImageFromExtension(path), path), bytes, null);
    }

    /// <inheritdoc cref="FromFile"/>
    public static async Task<PromptImage> FromFileAsync(string path, ImageFormat? format = null, CancellationToken cancellationToken = default)
    {
        ReadOnlyMemory<byte> bytes = await MediaReader.ReadFileAsync(path, PromptMediaLimits.MaxImageBytes, "image", cancellationToken).ConfigureAwait(false);
        return new PromptImage(CheckFormat(bytes.Span, format ?? MediaFormatNames.ImageFromExtension(path), path), bytes, null);
    }

    /// <summary>
    /// Reads the stream from its position to its end, once and asynchronously (it is left open), refusing one longer
    /// than <paramref name="maxBytes"/> as soon as that is known. The format comes from the file signature when not given.
    /// </summary>
    public static async Task<PromptImage> FromStreamAsync(
        Stream stream,
        ImageFormat? format = null,
        int maxBytes = PromptMediaLimits.MaxImageBytes,
        CancellationToken cancellationToken = default)
    {
        ReadOnlyMemory<byte> bytes = await MediaReader.ReadAsync(stream, Math.Min(maxBytes, PromptMediaLimits.MaxImageBytes), "image", cancellationToken).ConfigureAwait(false);
        return new PromptImage(CheckFormat(bytes.Span, format, source: null), bytes, null);
    }

    /// <summary>An image Bedrock reads from S3 (<c>s3://bucket/key</c>); only some models accept S3 media.</summary>
    public static PromptImage FromS3(string uri, ImageFormat format, string? bucketOwner = null) =>
        new(format, ReadOnlyMemory<byte>.Empty, S3Locations.Create(uri, bucketOwner));

    /// <summary>The Converse content block for this image.</summary>
    public ContentBlock ToContentBlock() => new()
    {
        Image = new ImageBlock
        {
            Format = MediaFormatNames.Of(Format),
            Source = S3Location is null ? new MediaSource { Bytes = Bytes } : new MediaSource { S3Location = S3Location },
        },
    };

    private static ImageFormat CheckFormat(ReadOnlySpan<byte> bytes, ImageFormat? declared, string? source)
    {
        ImageFormat? detected = MediaFormatNames.ImageFromSignature(bytes);
        string of = source is null ? "image" : $"image '{Path.GetFileName(source)}'";
        if (declared is { } format)
        {
            if (detected is { } actual && actual != format)
            {
                throw new PromptMediaException($"The {of} was given as {format} but its bytes are {actual}; Bedrock refuses an image whose format does not match.");
            }

            return format;
        }

        return detected ?? throw new PromptMediaException(
            $"The format of the {of} cannot be told: its bytes are not PNG, JPEG, GIF or WebP. Give the format explicitly if it is one of these.");
    }
}
