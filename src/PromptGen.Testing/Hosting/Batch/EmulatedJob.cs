using System;
using System.Threading;

namespace PromptGen.Testing.Hosting.Batch;

/// <summary>One batch inference job as the emulator keeps it; its state changes under <see cref="Gate"/>.</summary>
internal sealed class EmulatedJob
{
    public required string Arn { get; init; }

    public string Id => Arn[(Arn.LastIndexOf('/') + 1)..];

    public required string Name { get; init; }

    public required string ModelId { get; init; }

    public required string RoleArn { get; init; }

    public string? ClientRequestToken { get; init; }

    public required string InputUri { get; init; }

    public required string OutputUri { get; init; }

    public string? InvocationType { get; init; }

    public int? TimeoutHours { get; init; }

    public DateTimeOffset SubmitTime { get; init; }

    public object Gate { get; } = new();

    public string Status { get; set; } = "Submitted";

    public string? Message { get; set; }

    public DateTimeOffset LastModified { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public CancellationTokenSource Stop { get; } = new();

    public void SetStatus(string status, string? message = null)
    {
        lock (Gate)
        {
            Status = status;
            Message = message ?? Message;
            LastModified = DateTimeOffset.UtcNow;
            if (status is "Completed" or "PartiallyCompleted" or "Failed" or "Stopped" or "Expired")
            {
                EndTime = LastModified;
            }
        }
    }
}

/// <summary>A record's answer: the Converse response body, or the error that replaces it.</summary>
internal readonly record struct RecordAnswer(byte[]? Output, int ErrorCode, string? ErrorMessage, int InputTokens, int OutputTokens);
