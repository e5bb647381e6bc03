using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Tests.Bedrock.Streaming;

/// <summary>
/// A read-only stream that hands out its bytes in the given segments, one segment (or less) per read, the way a
/// socket delivers a response in arbitrary pieces. Counts what was read so tests can see how far a reader went.
/// </summary>
internal sealed class ChunkedReadStream : Stream
{
    private readonly Queue<byte[]> _segments;
    private byte[] _current = Array.Empty<byte>();
    private int _position;

    public ChunkedReadStream(IEnumerable<byte[]> segments) => _segments = new Queue<byte[]>(segments);

    public static ChunkedReadStream SplitAt(byte[] bytes, params int[] cuts)
    {
        var segments = new List<byte[]>();
        int start = 0;
        foreach (int cut in cuts)
        {
            segments.Add(bytes[start..cut]);
            start = cut;
        }

        segments.Add(bytes[start..]);
        return new ChunkedReadStream(segments);
    }

    public static ChunkedReadStream OneByteAtATime(byte[] bytes)
    {
        var segments = new List<byte[]>(bytes.Length);
        foreach (byte b in bytes)
        {
            segments.Add(new[] { b });
        }

        return new ChunkedReadStream(segments);
    }

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_position == _current.Length)
        {
            if (!_segments.TryDequeue(out byte[]? next))
            {
                return 0;
            }

            _current = next;
            _position = 0;
        }

        int n = Math.Min(buffer.Length, _current.Length - _position);
        _current.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        BytesRead += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
