using System;
using Microsoft.Extensions.Logging;

namespace PromptGen.Batch;

/// <summary>Where a run puts its files, which role the jobs use, and how it splits, polls and runs.</summary>
public sealed class BatchRunOptions
{
    /// <summary>The S3 bucket for the input and output files.</summary>
    public string Bucket { get; set; } = string.Empty;

    /// <summary>The key prefix runs write under: <c>{Prefix}{RunId}/job-0000/input/part-00000.jsonl</c>, <c>.../output/</c>.</summary>
    public string Prefix { get; set; } = "promptgen-batch/";

    /// <summary>The service role Bedrock assumes to read and write the bucket.</summary>
    public string RoleArn { get; set; } = string.Empty;

    /// <summary>
    /// Names this run: its S3 folder and, with the job's number, each job's client request token, so that creating a
    /// job again (after a retry or a restart of the same run) returns the job created before. Null for a new id.
    /// </summary>
    public string? RunId { get; set; }

    /// <summary>Which engine runs the records.</summary>
    public BatchEngine Engine { get; set; } = BatchEngine.Auto;

    /// <summary>The quotas files and jobs are split at.</summary>
    public BatchQuotas Quotas { get; set; } = new();

    /// <summary>
    /// Whether a batch record whose answer fails the method's validation is repaired on demand, as a single call
    /// would be: its request and the job's answer, then the method's repair turns (up to its <c>MaxRepairAttempts</c>)
    /// through Converse, at most <see cref="MaxConcurrency"/> at once. Off by default: repairs are billed at on-demand
    /// prices. <see cref="BatchRecordResult{TResult}.OnDemandRepairs"/> says how many calls a record took.
    /// </summary>
    public bool RepairInvalidOutput { get; set; }

    /// <summary>On demand (records run on demand and repairs): the most calls at once.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>The first wait between two status polls of a job; it doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two status polls.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Hours after which the service ends a job; null for its default.</summary>
    public int? TimeoutDurationInHours { get; set; }

    /// <summary>Receives a line per job state change and per engine decision; null for none.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>The bytes buffered per input file before they go to S3 as one multipart part (at least 5 MiB, S3's minimum part).</summary>
    public int UploadPartSize { get; set; } = 8 * 1024 * 1024;
}
