using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Tests.Reliability;

/// <summary>
/// A response body of any length, endless included, produced as it is read (prefix, <c>x</c> padding, suffix), with
/// or without <c>Content-Length</c>; counts what the client read, so a test sees where reading stopped.
/// </summary>
internal sealed class GeneratedBodyContent : HttpContent
{
    private readonly GeneratedStream _stream;

    private GeneratedBodyContent(byte[] prefix, byte[] suffix, long? length, long? announcedLength, string contentType)
    {
        _stream = new GeneratedStream(prefix, suffix, length);
        Headers.ContentType = new MediaTypeHeaderValue(contentType);
        Headers.ContentLength = announcedLength;
    }

    /// <summary>Bytes the client has read so far.</summary>
    public long BytesRead => _stream.BytesRead;

    /// <summary>A Converse answer whose text is padded so the body is <paramref name="length"/> bytes; null for endless.</summary>
    public static GeneratedBodyContent Answer(long? length, bool announce = true) => new(
        Encoding.UTF8.GetBytes("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\""),
        Encoding.UTF8.GetBytes("\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":3,\"outputTokens\":1,\"totalTokens\":4}}"),
        length,
        announce ? length : null,
        "application/json");

    /// <summary>An error body <c>{"message":"xxx…"}</c> of <paramref name="length"/> bytes; null for endless.</summary>
    public static GeneratedBodyContent Error(long? length, bool announce = true) => new(
        Encoding.UTF8.GetBytes("{\"message\":\""),
        Encoding.UTF8.GetBytes("\"}"),
        length,
        announce ? length : null,
        "application/json");

    /// <summary>A response of <paramref name="status"/> carrying this body (and, for an error, its code header).</summary>
    public HttpResponseMessage Response(HttpStatusCode status, string? errorCode = null)
    {
        var response = new HttpResponseMessage(status) { Content = this };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "size-test-request");
        if (errorCode is not null)
        {
            response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", errorCode);
        }

        return response;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(_stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _stream.CopyToAsync(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private sealed class GeneratedStream(byte[] prefix, byte[] suffix, long? length) : Stream
    {
        private long _position;

        public long BytesRead => Interlocked.Read(ref _position);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int written = 0;
            while (written < buffer.Length && (length is null || _position < length))
            {
                long paddingEnd = length is { } total ? total - suffix.Length : long.MaxValue;
                buffer[written++] = _position < prefix.Length ? prefix[_position]
                    : _position < paddingEnd ? (byte)'x'
                    : suffix[_position - paddingEnd];
                _position++;
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new ValueTask<int>(Read(buffer.Span));
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
}
