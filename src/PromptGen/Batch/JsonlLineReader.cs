using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;

namespace PromptGen.Batch;

/// <summary>
/// Reads a stream as lines of bytes without decoding them, one buffer at a time. A line longer than
/// <see cref="MaxLineBytes"/> is returned cut at that length (and so fails to parse) instead of growing without end.
/// </summary>
internal static class JsonlLineReader
{
    public const int MaxLineBytes = 64 * 1024 * 1024;

    /// <summary>The lines, without their <c>\n</c> (or <c>\r\n</c>); each is valid until the next is asked for.</summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadLinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        int start = 0;
        int end = 0;
        bool skippingRest = false;
        try
        {
            while (true)
            {
                int newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline >= 0)
                {
                    if (!skippingRest)
                    {
                        yield return Trim(buffer.AsMemory(start, newline - start));
                    }

                    skippingRest = false;
                    start = newline + 1;
                    continue;
                }

                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    if (buffer.Length >= MaxLineBytes)
                    {
                        // Hand over what there is (it will not parse) and drop the rest of this line.
                        if (!skippingRest)
                        {
                            yield return buffer.AsMemory(0, end);
                        }

                        skippingRest = true;
                        end = 0;
                    }
                    else
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxLineBytes));
                        Buffer.BlockCopy(buffer, 0, larger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                int read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (end > start && !skippingRest)
                    {
                        yield return Trim(buffer.AsMemory(start, end - start));
                    }

                    yield break;
                }

                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
