using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using PromptGen.Testing.Hosting.Batch;

namespace PromptGen.Testing;

/// <summary>
/// The emulator's batch inference side: its S3 buckets, the batch jobs' quotas and speed, and the faults a test can
/// inject. Settings may change while the emulator runs; a job reads them as it goes.
/// </summary>
/// <remarks>
/// The quota defaults are the Bedrock defaults for most models (the account's own values are in Service Quotas):
/// at least 100 records per job, at most 50,000 records per file and per job, 1 GiB per file and 5 GiB per job.
/// Source: https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-data.html (the quota names; the
/// numbers are the Service Quotas defaults).
/// </remarks>
public sealed class EmulatorBatch
{
    private readonly ConcurrentDictionary<string, byte> _malformedRecords = new(StringComparer.Ordinal);
    private int _slowDowns;
    private string? _failNextJob;

    internal EmulatorBatch()
    {
    }

    /// <summary>The minimum number of records a job must have, across its files.</summary>
    public int MinRecordsPerJob { get; set; } = 100;

    /// <summary>The most records one input file may have.</summary>
    public int MaxRecordsPerFile { get; set; } = 50_000;

    /// <summary>The most records one job may have.</summary>
    public int MaxRecordsPerJob { get; set; } = 50_000;

    /// <summary>The largest input file, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 1L << 30;

    /// <summary>The largest job (all its input files), in bytes.</summary>
    public long MaxJobBytes { get; set; } = 5L << 30;

    /// <summary>How long each record takes, so progress can be watched; zero (the default) for as fast as possible.</summary>
    public TimeSpan RecordDelay { get; set; }

    /// <summary>How long a job stays <c>Submitted</c> before it starts.</summary>
    public TimeSpan StartDelay { get; set; }

    /// <summary>The next <paramref name="count"/> S3 requests are answered 503 SlowDown.</summary>
    /// <param name="count">How many requests to refuse.</param>
    public void SlowDownS3(int count) => Interlocked.Exchange(ref _slowDowns, Math.Max(0, count));

    /// <summary>The next job created fails (status <c>Failed</c>) with <paramref name="message"/> before processing a record.</summary>
    /// <param name="message">The job's <c>message</c>.</param>
    public void FailNextJob(string message) => Volatile.Write(ref _failNextJob, message ?? throw new ArgumentNullException(nameof(message)));

    /// <summary>The output line of the record with this id is written cut short (invalid JSON).</summary>
    /// <param name="recordId">The record's id.</param>
    public void MalformOutputLine(string recordId) => _malformedRecords[recordId] = 0;

    /// <summary>The bytes of an object in the emulator's S3, or null when there is none.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    public byte[]? ReadObject(string bucket, string key)
    {
        try
        {
            return Store.Get(bucket, key)?.Data;
        }
        catch (S3Exception)
        {
            return null;
        }
    }

    /// <summary>The keys in a bucket under a prefix, in S3's order.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">The prefix; empty for all.</param>
    public IReadOnlyList<string> ListKeys(string bucket, string prefix = "")
    {
        var keys = new List<string>();
        foreach (KeyValuePair<string, S3StoredObject> entry in Store.List(bucket, prefix, null))
        {
            keys.Add(entry.Key);
        }

        return keys;
    }

    /// <summary>Creates a bucket (as CreateBucket would); false when it exists.</summary>
    /// <param name="bucket">The bucket's name.</param>
    public bool CreateBucket(string bucket) => Store.CreateBucket(bucket);

    internal S3ObjectStore Store { get; } = new();

    internal string Region { get; set; } = "us-east-1";

    internal bool TakeS3SlowDown()
    {
        while (true)
        {
            int left = Volatile.Read(ref _slowDowns);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _slowDowns, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    internal string? TakeJobFailure() => Interlocked.Exchange(ref _failNextJob, null);

    internal bool IsMalformed(string recordId) => _malformedRecords.ContainsKey(recordId);
}
