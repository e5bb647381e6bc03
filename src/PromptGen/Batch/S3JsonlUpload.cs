using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;

namespace PromptGen.Batch;

/// <summary>
/// Streams one JSONL file to S3 without holding it: lines collect in a buffer of one part, which goes up as a
/// multipart part when full; a file smaller than one part is a single PutObject. At most one part is in memory, and
/// the same array holds every part of a file (a new part-sized array per part would be large-object garbage that
/// only a gen-2 collection frees, so the heap would grow with the file).
/// </summary>
internal sealed class S3JsonlUpload : IAsyncDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _key;
    private readonly int _partSize;
    private readonly List<PartETag> _parts = new();
    private byte[] _buffer;
    private int _buffered;
    private string? _uploadId;
    private bool _finished;

    public S3JsonlUpload(IAmazonS3 s3, string bucket, string key, int partSize)
    {
        _s3 = s3;
        _bucket = bucket;
        _key = key;
        _partSize = Math.Max(partSize, 5 * 1024 * 1024);
        _buffer = new byte[Math.Min(_partSize, 1024 * 1024)];
    }

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Records written so far.</summary>
    public int Records { get; private set; }

    public async ValueTask AppendAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        if (_buffer.Length - _buffered < line.Length)
        {
            // Doubling, but capped at one part and a margin, so a full part does not double the array once more.
            long grown = Math.Min((long)_buffer.Length * 2, (long)_partSize + 64 * 1024);
            Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, Math.Max(grown, (long)_buffered + line.Length)));
        }

        line.Span.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += line.Length;
        Length += line.Length;
        Records++;
        if (_buffered >= _partSize)
        {
            await UploadPartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Finishes the file: the last part and the completion, or the whole small file.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_uploadId is null)
        {
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = _key, InputStream = Buffered(), ContentType = "application/jsonl" }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (_buffered > 0)
            {
                await UploadPartAsync(cancellationToken).ConfigureAwait(false);
            }

            await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = _key,
                UploadId = _uploadId,
                PartETags = _parts,
            }, cancellationToken).ConfigureAwait(false);
        }

        _finished = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished && _uploadId is not null)
        {
            // An unfinished multipart upload would keep its parts (and their cost) until a lifecycle rule removes them.
            try
            {
                await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = _key, UploadId = _uploadId }, CancellationToken.None).ConfigureAwait(false);
            }
            catch (AmazonS3Exception)
            {
            }
        }
    }

    private async Task UploadPartAsync(CancellationToken cancellationToken)
    {
        _uploadId ??= (await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = _key, ContentType = "application/jsonl" }, cancellationToken).ConfigureAwait(false)).UploadId;
        int number = _parts.Count + 1;
        UploadPartResponse part = await _s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = _bucket,
            Key = _key,
            UploadId = _uploadId,
            PartNumber = number,
            InputStream = Buffered(),
            PartSize = _buffered,
        }, cancellationToken).ConfigureAwait(false);
        _parts.Add(new PartETag(number, part.ETag));
        _buffered = 0;
    }

    /// <summary>A read-only view of the buffered bytes: the SDK may dispose it, the array stays ours.</summary>
    private MemoryStream Buffered() => new(_buffer, 0, _buffered, writable: false, publiclyVisible: true);
}
