using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Bedrock.EventStream;

/// <summary>
/// Reads event-stream frames one at a time from a stream as the bytes arrive. Memory stays bounded: a frame is
/// read only after its prelude has been checked and its length found within <see cref="MaxMessageLength"/>,
/// into one pooled buffer reused from frame to frame.
/// </summary>
internal sealed class EventStreamReader : IDisposable
{
    /// <summary>
    /// 16 MiB. Bedrock's ConverseStream events are a few hundred bytes; the limit only stops a corrupt or hostile
    /// length from turning into a huge allocation.
    /// </summary>
    public const int DefaultMaxMessageLength = 16 * 1024 * 1024;

    private const int InitialBufferLength = 4096;

    private readonly Stream _stream;
    private readonly string? _requestId;
    private byte[] _buffer;
    private long _offset;

    public EventStreamReader(Stream stream, int maxMessageLength = DefaultMaxMessageLength, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageLength, EventStreamFrame.MinimumLength);
        _stream = stream;
        MaxMessageLength = maxMessageLength;
        _requestId = requestId;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferLength);
    }

    public int MaxMessageLength { get; }

    /// <summary>The number of bytes consumed so far: the offset of the next frame.</summary>
    public long Offset => _offset;

    /// <summary>
    /// The next frame, or null when the stream ends cleanly between frames. A stream ending inside a frame, a
    /// checksum failure or an impossible length raise <see cref="BedrockEventStreamException"/>.
    /// </summary>
    public async ValueTask<EventStreamMessage?> ReadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        int read = await _stream.ReadAtLeastAsync(_buffer.AsMemory(0, EventStreamFrame.PreludeLength), EventStreamFrame.PreludeLength, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < EventStreamFrame.PreludeLength)
        {
            throw Truncated(read, EventStreamFrame.PreludeLength);
        }

        int totalLength = EventStreamFrame.ReadPrelude(_buffer.AsSpan(0, EventStreamFrame.PreludeLength), MaxMessageLength, _offset, _requestId);
        EnsureCapacity(totalLength);

        int rest = totalLength - EventStreamFrame.PreludeLength;
        read = await _stream.ReadAtLeastAsync(_buffer.AsMemory(EventStreamFrame.PreludeLength, rest), rest, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
        if (read < rest)
        {
            throw Truncated(EventStreamFrame.PreludeLength + read, totalLength);
        }

        EventStreamMessage message = EventStreamFrame.Decode(_buffer.AsSpan(0, totalLength), _offset, _requestId);
        _offset += totalLength;
        return message;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = Array.Empty<byte>();
        if (buffer.Length != 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void EnsureCapacity(int length)
    {
        if (_buffer.Length >= length)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(length);
        _buffer.AsSpan(0, EventStreamFrame.PreludeLength).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private BedrockEventStreamException Truncated(int got, int expected) =>
        EventStreamFrame.Error(EventStreamErrorKind.Truncated,
            $"the stream ended inside a frame ({got} of {expected} bytes{(expected == EventStreamFrame.PreludeLength ? " of the prelude" : "")})", _offset, _requestId);
}
