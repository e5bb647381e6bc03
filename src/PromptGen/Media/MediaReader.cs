using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Media;

/// <summary>Reads a stream or file once, asynchronously, refusing more than a limit before it is all in memory.</summary>
internal static class MediaReader
{
    /// <summary>Reads from the stream's current position to its end; the stream is left open.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(Stream stream, int maxBytes, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new PromptMediaException($"The {what} stream cannot be read.", nameof(stream));
        }

        int? known = KnownRemainingLength(stream);
        if (known > maxBytes)
        {
            throw TooLarge(what, known.Value, maxBytes);
        }

        // One buffer sized from the stream when it knows its length; grown by doubling otherwise. One byte over the
        // limit is read so an oversized stream is told apart from one that is exactly at the limit.
        byte[] buffer = new byte[known is { } length ? Math.Max(length, 1) : Math.Min(81_920, maxBytes + 1)];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (filled > maxBytes)
                {
                    throw TooLarge(what, null, maxBytes);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)maxBytes + 1));
            }

            int read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return CheckNotEmpty(new ReadOnlyMemory<byte>(buffer, 0, filled), what);
    }

    public static ReadOnlyMemory<byte> ReadFile(string path, int maxBytes, string what)
    {
        CheckFileSize(path, maxBytes, what);
        return CheckNotEmpty(File.ReadAllBytes(path), what);
    }

    public static async Task<ReadOnlyMemory<byte>> ReadFileAsync(string path, int maxBytes, string what, CancellationToken cancellationToken)
    {
        CheckFileSize(path, maxBytes, what);
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return CheckNotEmpty(bytes, what);
    }

    public static ReadOnlyMemory<byte> CheckSize(ReadOnlyMemory<byte> bytes, int maxBytes, string what)
    {
        if (bytes.Length > maxBytes)
        {
            throw TooLarge(what, bytes.Length, maxBytes);
        }

        return CheckNotEmpty(bytes, what);
    }

    private static void CheckFileSize(string path, int maxBytes, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The {what} file '{path}' does not exist.", path);
        }

        if (file.Length > maxBytes)
        {
            throw TooLarge($"{what} file '{file.Name}'", file.Length, maxBytes);
        }
    }

    private static ReadOnlyMemory<byte> CheckNotEmpty(ReadOnlyMemory<byte> bytes, string what) =>
        bytes.IsEmpty ? throw new PromptMediaException($"The {what} is empty; Bedrock refuses empty media.") : bytes;

    private static int? KnownRemainingLength(Stream stream)
    {
        try
        {
            return stream.CanSeek ? (int)Math.Min(Math.Max(stream.Length - stream.Position, 0), int.MaxValue) : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static PromptMediaException TooLarge(string what, long? size, int maxBytes) => new(
        $"The {what} is {(size is { } bytes ? $"{bytes:N0} bytes" : "larger than the limit")}; Bedrock accepts at most {maxBytes:N0} bytes inline. "
        + "Send a smaller one, or an S3 location (FromS3) to a model that reads media from S3.");
}
