using System;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace PromptGen.Tests.Bedrock.Streaming;

/// <summary>
/// A response body the test writes frames into while the client reads it, so a test decides when each frame
/// arrives (on a fake clock) instead of a server sleeping. A read waits for the next frame until the client cancels it.
/// </summary>
internal sealed class FrameFeed : Stream
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>();
    private readonly Channel<bool> _readersWaiting = Channel.CreateUnbounded<bool>();
    private ReadOnlyMemory<byte> _current;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void Send(byte[] frame) => _frames.Writer.TryWrite(frame);

    public void End() => _frames.Writer.TryComplete();

    /// <summary>
    /// Completes when the client is waiting for bytes that have not been sent (so its idle timer, if any, is armed).
    /// Each wait is reported once; send only after seeing it, and the order of events is fixed.
    /// </summary>
    public async Task ReaderWaitingAsync() =>
        await _readersWaiting.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_current.IsEmpty)
        {
            if (_frames.Reader.TryRead(out byte[]? next))
            {
                _current = next;
                break;
            }

            _readersWaiting.Writer.TryWrite(true);
            if (!await _frames.Reader.WaitToReadAsync(cancellationToken))
            {
                return 0;
            }
        }

        int count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
