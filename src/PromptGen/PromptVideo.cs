using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Media;

namespace PromptGen;

/// <summary>
/// A video for a prompt (models with video input, such as Amazon Nova Lite and Pro): a format and either the bytes or an
/// S3 location. A prompt method parameter of this type becomes a video content block of the user turn; null sends nothing.
/// </summary>
public sealed class PromptVideo
{
    private PromptVideo(VideoFormat format, ReadOnlyMemory<byte> bytes, S3Location? s3Location)
    {
        Format = format;
        Bytes = bytes;
        S3Location = s3Location;
    }

    /// <summary>The video's format, sent as <c>video.format</c>.</summary>
    public VideoFormat Format { get; }

    /// <summary>The video's bytes; empty when it is in S3.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Where Bedrock reads the video; null when the bytes are inline.</summary>
    public S3Location? S3Location { get; }

    /// <summary>A video from its bytes (not copied).</summary>
    /// <exception cref="PromptMediaException">The bytes are empty or over <see cref="PromptMediaLimits.MaxVideoBytes"/>.</exception>
    public static PromptVideo FromBytes(ReadOnlyMemory<byte> bytes, VideoFormat format) =>
        new(format, MediaReader.CheckSize(bytes, PromptMediaLimits.MaxVideoBytes, "video"), null);

    /// <summary>A video from a file; the format comes from the extension unless given.</summary>
    public static PromptVideo FromFile(string path, VideoFormat? format = null) =>
        new(FileFormat(path, format), MediaReader.ReadFile(path, PromptMediaLimits.MaxVideoBytes, "video"), null);

    /// <inheritdoc cref="FromFile"/>
    public static async Task<PromptVideo> FromFileAsync(string path, VideoFormat? format = null, CancellationToken cancellationToken = default)
    {
        VideoFormat resolved = FileFormat(path, format);
        return new PromptVideo(resolved, await MediaReader.ReadFileAsync(path, PromptMediaLimits.MaxVideoBytes, "video", cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Reads the stream from its position to its end, once and asynchronously (it is left open).</summary>
    public static async Task<PromptVideo> FromStreamAsync(
        Stream stream,
        VideoFormat format,
        int maxBytes = PromptMediaLimits.MaxVideoBytes,
        CancellationToken cancellationToken = default) =>
        new(format, await MediaReader.ReadAsync(stream, Math.Min(maxBytes, PromptMediaLimits.MaxVideoBytes), "video", cancellationToken).ConfigureAwait(false), null);

    /// <summary>A video Bedrock reads from S3 (<c>s3://bucket/key</c>), the way to send videos larger than the inline limit.</summary>
    public static PromptVideo FromS3(string uri, VideoFormat format, string? bucketOwner = null) =>
        new(format, ReadOnlyMemory<byte>.Empty, S3Locations.Create(uri, bucketOwner));

    /// <summary>The Converse content block for this video.</summary>
    public ContentBlock ToContentBlock() => new()
    {
        Video = new VideoBlock
        {
            Format = MediaFormatNames.Of(Format),
            Source = S3Location is null ? new MediaSource { Bytes = Bytes } : new MediaSource { S3Location = S3Location },
        },
    };

    private static VideoFormat FileFormat(string path, VideoFormat? format)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return format ?? MediaFormatNames.VideoFromExtension(path) ?? throw new PromptMediaException(
            $"The format of the video '{Path.GetFileName(path)}' cannot be told from its extension; give one of mkv, mov, mp4, webm, flv, mpeg, mpg, wmv, 3gp.");
    }
}
