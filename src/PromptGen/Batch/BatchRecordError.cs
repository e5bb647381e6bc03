using System;
using System.Collections.Generic;
using System.Threading;

namespace PromptGen.Batch;

/// <summary>Why a record has no value.</summary>
public enum BatchRecordErrorKind
{
    /// <summary>The model (or the service, for this record) answered with an error: its output line carries <c>error</c>.</summary>
    ModelError,

    /// <summary>The model answered, but not with a valid result: <see cref="BatchRecordError.ResultErrors"/> says where.</summary>
    InvalidOutput,

    /// <summary>The record's output line could not be read.</summary>
    MalformedOutput,

    /// <summary>The job ended (failed, stopped, expired) without an output line for the record.</summary>
    JobEnded,

    /// <summary>The job completed but wrote no output line for the record.</summary>
    MissingOutput,
}

/// <summary>A record's error: what kind, the message, and the details each kind has.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">What the service, the reader or the job said.</param>
public sealed record BatchRecordError(BatchRecordErrorKind Kind, string Message)
{
    /// <summary>The service's <c>errorCode</c> (an HTTP status) for <see cref="BatchRecordErrorKind.ModelError"/> from a batch job.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>For <see cref="BatchRecordErrorKind.InvalidOutput"/>: every problem, by JSON path.</summary>
    public IReadOnlyList<ResultError> ResultErrors { get; init; } = Array.Empty<ResultError>();

    /// <summary>For <see cref="BatchRecordErrorKind.InvalidOutput"/>: the answer's text.</summary>
    public string? OutputText { get; init; }

    /// <summary>On demand: the exception the call ended with.</summary>
    public Exception? Exception { get; init; }

    /// <summary>
    /// The record error for the exception a call made on demand ended with; null for one that is not the record's
    /// own (the caller's cancellation, a bug), which propagates instead.
    /// </summary>
    internal static BatchRecordError? FromCall(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        PromptResultException e => new(BatchRecordErrorKind.InvalidOutput, e.Message) { ResultErrors = e.Errors, OutputText = e.Text, Exception = e },
        BedrockServiceException e => new(BatchRecordErrorKind.ModelError, e.Message) { ErrorCode = (int)e.StatusCode, Exception = e },
        BedrockException or GuardrailInterventionException when !cancellationToken.IsCancellationRequested =>
            new(BatchRecordErrorKind.ModelError, exception.Message) { Exception = exception },
        _ => null,
    };
}
