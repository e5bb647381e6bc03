using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Bedrock.Http;

/// <summary>
/// Reads a response body into memory without ever holding more than the client's limit
/// (<see cref="BedrockOptions.MaxResponseSize"/>): a <c>Content-Length</c> over it fails before a byte is read, and a
/// body without one is counted as it arrives and stops at the limit, so an endless body costs at most the limit.
/// Either way the failure is <see cref="BedrockResponseTooLargeException"/>, which the retry policy does not retry.
/// </summary>
internal static class ResponseBodyReader
{
    /// <summary>
    /// How much of an error body is kept: its code and message are in the first few hundred bytes, and the exception
    /// quotes at most <see cref="Errors.ServiceMessageText.MaxLength"/> characters of it. The rest is read and
    /// dropped (counting toward the limit) when the length is unknown.
    /// </summary>
    public const int ErrorBodyKeptLength = 64 * 1024;

    // A body of unknown length is read in segments that double up to 1 MiB, then copied once into an array of its
    // exact length: at most about twice the body in all, and never a doubling buffer past the limit.
    private const int FirstSegmentLength = 16 * 1024;
    private const int LargestSegmentLength = 1024 * 1024;
    private const int DrainBufferLength = 16 * 1024;

    /// <summary>A 2xx body, whole; at most <paramref name="maxSize"/> bytes.</summary>
    /// <exception cref="BedrockResponseTooLargeException">The body is larger than <paramref name="maxSize"/>.</exception>
    /// <exception cref="IOException">The body ended before its announced length.</exception>
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, long maxSize, string? requestId, CancellationToken cancellationToken)
    {
        long? declared = CheckDeclaredLength(response, maxSize, requestId);
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            if (declared is { } length)
            {
                // HttpClient's own content stream ends at Content-Length, so nothing past it is read.
                byte[] whole = new byte[length];
                int read = await body.ReadAtLeastAsync(whole, whole.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                return read == whole.Length
                    ? whole
                    : throw new IOException($"The response body ended after {read} of the {length} bytes its Content-Length announced.");
            }

            return await ReadUnknownLengthAsync(response, body, maxSize, requestId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The first <see cref="ErrorBodyKeptLength"/> bytes of an error body (enough for its code and message); the rest
    /// is not kept. A body over <paramref name="maxSize"/> fails like a 2xx one.
    /// </summary>
    /// <exception cref="BedrockResponseTooLargeException">The body is larger than <paramref name="maxSize"/>.</exception>
    public static async Task<byte[]> ReadErrorAsync(HttpResponseMessage response, long maxSize, string? requestId, CancellationToken cancellationToken)
    {
        long? declared = CheckDeclaredLength(response, maxSize, requestId);
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            int keep = (int)Math.Min(Math.Min(ErrorBodyKeptLength, maxSize), declared ?? long.MaxValue);
            byte[] kept = new byte[keep];
            int read = await body.ReadAtLeastAsync(kept, keep, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < keep)
            {
                return kept[..read];
            }

            if (declared is null)
            {
                // The length is unknown: count the rest up to the limit, so an endless body cannot pass for an error.
                long total = read;
                byte[] drain = new byte[DrainBufferLength];
                int chunk;
                while ((chunk = await body.ReadAsync(drain, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += chunk;
                    if (total > maxSize)
                    {
                        throw new BedrockResponseTooLargeException(response.StatusCode, maxSize, contentLength: null, requestId);
                    }
                }
            }

            return kept;
        }
    }

    /// <summary>The announced <c>Content-Length</c>, after checking it against the limit.</summary>
    private static long? CheckDeclaredLength(HttpResponseMessage response, long maxSize, string? requestId)
    {
        long? declared = response.Content.Headers.ContentLength;
        return declared > maxSize
            ? throw new BedrockResponseTooLargeException(response.StatusCode, maxSize, declared, requestId)
            : declared;
    }

    private static async Task<byte[]> ReadUnknownLengthAsync(HttpResponseMessage response, Stream body, long maxSize, string? requestId, CancellationToken cancellationToken)
    {
        var segments = new List<(byte[] Buffer, int Count)>();
        long total = 0;
        int segmentLength = FirstSegmentLength;
        while (true)
        {
            // One byte more than the room left, so a body of exactly the limit passes and one byte more does not.
            int length = (int)Math.Min(segmentLength, maxSize - total + 1);
            byte[] segment = new byte[length];
            int read = await body.ReadAtLeastAsync(segment, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            total += read;
            if (total > maxSize)
            {
                throw new BedrockResponseTooLargeException(response.StatusCode, maxSize, contentLength: null, requestId);
            }

            segments.Add((segment, read));
            if (read < length)
            {
                break;
            }

            segmentLength = Math.Min(segmentLength * 2, LargestSegmentLength);
        }

        if (segments.Count == 1 && segments[0].Count == segments[0].Buffer.Length)
        {
            return segments[0].Buffer;
        }

        byte[] whole = new byte[total];
        int offset = 0;
        foreach ((byte[] buffer, int count) in segments)
        {
            buffer.AsSpan(0, count).CopyTo(whole.AsSpan(offset));
            offset += count;
        }

        return whole;
    }
}
