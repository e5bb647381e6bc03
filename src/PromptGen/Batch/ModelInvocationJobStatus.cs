namespace PromptGen.Batch;

/// <summary>
/// The states of a Bedrock batch inference job (<c>ModelInvocationJobStatus</c>), as the control plane spells them.
/// Source: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetModelInvocationJob.html
/// </summary>
public static class ModelInvocationJobStatus
{
    /// <summary>Accepted, waiting to be validated.</summary>
    public const string Submitted = "Submitted";

    /// <summary>The input files are being checked against the quotas.</summary>
    public const string Validating = "Validating";

    /// <summary>Waiting for capacity.</summary>
    public const string Scheduled = "Scheduled";

    /// <summary>Records are being processed.</summary>
    public const string InProgress = "InProgress";

    /// <summary>Every record was processed without error.</summary>
    public const string Completed = "Completed";

    /// <summary>Every record was processed; some of them failed (their output lines carry an error).</summary>
    public const string PartiallyCompleted = "PartiallyCompleted";

    /// <summary>The job failed as a whole; <c>message</c> says why.</summary>
    public const string Failed = "Failed";

    /// <summary>A stop was asked for and is under way.</summary>
    public const string Stopping = "Stopping";

    /// <summary>Stopped by <c>StopModelInvocationJob</c>.</summary>
    public const string Stopped = "Stopped";

    /// <summary>The job ran past its timeout.</summary>
    public const string Expired = "Expired";

    /// <summary>Whether a job in <paramref name="status"/> will not change again.</summary>
    /// <param name="status">A status as the service reports it.</param>
    public static bool IsTerminal(string? status) =>
        status is Completed or PartiallyCompleted or Failed or Stopped or Expired;
}
