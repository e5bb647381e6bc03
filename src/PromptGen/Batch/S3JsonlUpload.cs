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
/// multipart part when full; a file smaller than one part is a single PutObject. At most one part is in memory.
/// </summary>
internal sealed class S3JsonlUpload : IAsyncDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _key;
    private readonly int _partSize;
    private readonly List<PartETag> _parts = new();
    private MemoryStream _buffer;
    private string? _uploadId;
    private bool _finished;

    public S3JsonlUpload(IAmazonS3 s3, string bucket, string key, int partSize)
    {
        _s3 = s3;
        _bucket = bucket;
        _key = key;
        _partSize = Math.Max(partSize, 5 * 1024 * 1024);
        _buffer = new MemoryStream(Math.Min(_partSize, 1024 * 1024));
    }

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Records written so far.</summary>
    public int Records { get; private set; }

    public async ValueTask AppendAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        _buffer.Write(line.Span);
        Length += line.Length;
        Records++;
        if (_buffer.Length >= _partSize)
        {
            await UploadPartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Finishes the file: the last part and the completion, or the whole small file.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_uploadId is null)
        {
            _buffer.Position = 0;
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = _key, InputStream = _buffer, AutoCloseStream = false, ContentType = "application/jsonl" }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (_buffer.Length > 0)
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

        await _buffer.DisposeAsync().ConfigureAwait(false);
    }

    private async Task UploadPartAsync(CancellationToken cancellationToken)
    {
        _uploadId ??= (await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = _key, ContentType = "application/jsonl" }, cancellationToken).ConfigureAwait(false)).UploadId;
        int number = _parts.Count + 1;
        _buffer.Position = 0;
        UploadPartResponse part = await _s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = _bucket,
            Key = _key,
            UploadId = _uploadId,
            PartNumber = number,
            InputStream = _buffer,
            PartSize = _buffer.Length,
        }, cancellationToken).ConfigureAwait(false);
        _parts.Add(new PartETag(number, part.ETag));
        _buffer = new MemoryStream(Math.Min(_partSize, 1024 * 1024));
    }
}
