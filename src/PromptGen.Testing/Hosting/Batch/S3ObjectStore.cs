using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;

namespace PromptGen.Testing.Hosting.Batch;

/// <summary>An object as S3 keeps it: its bytes, the MD5 ETag S3 gives single-part objects, and when it was written.</summary>
internal sealed record S3StoredObject(byte[] Data, string ETag, DateTimeOffset LastModified);

/// <summary>
/// The emulator's S3 buckets, in memory and safe to use from every request thread and the batch jobs at once. Keys
/// are ordered as S3 lists them (by UTF-8 bytes, which ordinal comparison of the strings matches for these keys).
/// </summary>
internal sealed class S3ObjectStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, S3StoredObject>> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MultipartUpload> _uploads = new(StringComparer.Ordinal);
    private long _uploadIds;

    public bool CreateBucket(string bucket) => _buckets.TryAdd(bucket, new ConcurrentDictionary<string, S3StoredObject>(StringComparer.Ordinal));

    public bool BucketExists(string bucket) => _buckets.ContainsKey(bucket);

    public S3StoredObject Put(string bucket, string key, byte[] data)
    {
        var stored = new S3StoredObject(data, "\"" + Convert.ToHexString(MD5.HashData(data)).ToLowerInvariant() + "\"", DateTimeOffset.UtcNow);
        Objects(bucket)[key] = stored;
        return stored;
    }

    public S3StoredObject? Get(string bucket, string key) =>
        _buckets.TryGetValue(bucket, out var objects) && objects.TryGetValue(key, out S3StoredObject? stored) ? stored : null;

    public bool Delete(string bucket, string key) => _buckets.TryGetValue(bucket, out var objects) && objects.TryRemove(key, out _);

    /// <summary>The keys under <paramref name="prefix"/>, in S3's order, after <paramref name="startAfter"/>.</summary>
    public List<KeyValuePair<string, S3StoredObject>> List(string bucket, string prefix, string? startAfter) =>
        Objects(bucket)
            .Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal) && (startAfter is null || string.CompareOrdinal(entry.Key, startAfter) > 0))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .ToList();

    public string StartUpload(string bucket, string key)
    {
        _ = Objects(bucket);
        string uploadId = "upload-" + Interlocked.Increment(ref _uploadIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _uploads[uploadId] = new MultipartUpload(bucket, key);
        return uploadId;
    }

    public MultipartUpload? Upload(string uploadId) => _uploads.TryGetValue(uploadId, out MultipartUpload? upload) ? upload : null;

    public bool EndUpload(string uploadId) => _uploads.TryRemove(uploadId, out _);

    private ConcurrentDictionary<string, S3StoredObject> Objects(string bucket) =>
        _buckets.TryGetValue(bucket, out var objects) ? objects : throw new S3Exception(S3Errors.NoSuchBucket(bucket));
}

/// <summary>A multipart upload in progress: its parts by number, each with the ETag returned for it.</summary>
internal sealed class MultipartUpload
{
    public MultipartUpload(string bucket, string key)
    {
        Bucket = bucket;
        Key = key;
    }

    public string Bucket { get; }

    public string Key { get; }

    public ConcurrentDictionary<int, (byte[] Data, string ETag)> Parts { get; } = new();
}
