using System;

namespace PromptGen.Batch;

/// <summary>
/// A batch inference job as <c>GetModelInvocationJob</c> (and, in part, <c>ListModelInvocationJobs</c>) describe it.
/// Source: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetModelInvocationJob.html
/// </summary>
public sealed class ModelInvocationJob
{
    /// <summary>The job's ARN, <c>arn:aws:bedrock:{region}:{account}:model-invocation-job/{jobId}</c>.</summary>
    public required string JobArn { get; init; }

    /// <summary>The job's id: the last segment of <see cref="JobArn"/>; output files are written under it.</summary>
    public string JobId => JobArn[(JobArn.LastIndexOf('/') + 1)..];

    /// <summary>The name given at creation.</summary>
    public string? JobName { get; init; }

    /// <summary>The model or inference profile the records run on.</summary>
    public string? ModelId { get; init; }

    /// <summary>The idempotency token the job was created with.</summary>
    public string? ClientRequestToken { get; init; }

    /// <summary>The service role.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The state, one of <see cref="ModelInvocationJobStatus"/>'s values.</summary>
    public required string Status { get; init; }

    /// <summary>Why the job failed or stopped, when it did.</summary>
    public string? Message { get; init; }

    /// <summary>When the job was submitted.</summary>
    public DateTimeOffset? SubmitTime { get; init; }

    /// <summary>When the job last changed.</summary>
    public DateTimeOffset? LastModifiedTime { get; init; }

    /// <summary>When the job ended.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Where the input JSONL files are (<c>inputDataConfig.s3InputDataConfig.s3Uri</c>).</summary>
    public string? InputS3Uri { get; init; }

    /// <summary>Where the output goes (<c>outputDataConfig.s3OutputDataConfig.s3Uri</c>); files land under <c>{jobId}/</c>.</summary>
    public string? OutputS3Uri { get; init; }

    /// <summary><c>Converse</c> or <c>InvokeModel</c>: the shape of each record's <c>modelInput</c>.</summary>
    public string? ModelInvocationType { get; init; }
}
