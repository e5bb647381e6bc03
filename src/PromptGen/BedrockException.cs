using System;
using System.Collections.Generic;
using System.Net;

namespace PromptGen;

/// <summary>The base of every error PromptGen raises about a Bedrock call.</summary>
public abstract class BedrockException : Exception
{
    /// <summary>Creates the error with its message and, when another error caused it, that error.</summary>
    /// <param name="message">What went wrong and, where it helps, what to check.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    protected BedrockException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// How many attempts the call made before this error was raised: 1 when it was not retried. The error is the
    /// last attempt's.
    /// </summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>
    /// True when a retryable error was raised without retrying because the client's retry quota was used up
    /// (<see cref="BedrockRetryOptions.UseRetryQuota"/>): most recent calls were failing.
    /// </summary>
    public bool RetryQuotaExhausted { get; internal set; }

    /// <inheritdoc />
    public override string Message =>
        Attempts > 1 || RetryQuotaExhausted
            ? base.Message + (Attempts > 1 ? $" (gave up after {Attempts} attempts" : " (not retried") + (RetryQuotaExhausted ? ": the client's retry quota is used up)" : ")")
            : base.Message;
}

/// <summary>
/// Bedrock answered with an error (a non-2xx status). The subclass names the modelled error; an error code this
/// library does not know yet, or an error without any code (an HTML page from a proxy, say), arrives as this type
/// itself.
/// </summary>
public class BedrockServiceException : BedrockException
{
    /// <summary>The <see cref="ErrorCode"/> of an error response that carried no code at all.</summary>
    public const string UnknownErrorCode = "UnknownError";

    /// <summary>Creates the error for an error response, e.g. in a test double of <see cref="IBedrockRuntime"/>.</summary>
    /// <param name="errorCode">The error code, e.g. <c>ThrottlingException</c>; <see cref="UnknownErrorCode"/> when the response had none.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the response, when it had one.</param>
    /// <param name="message">The service's message.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public BedrockServiceException(string errorCode, HttpStatusCode statusCode, string? requestId, string message, Exception? innerException = null)
        : this(errorCode, statusCode, requestId, message, guidance: null, innerException)
    {
    }

    /// <summary>For subclasses that append a sentence of guidance (what to check) to <see cref="Exception.Message"/>.</summary>
    private protected BedrockServiceException(string errorCode, HttpStatusCode statusCode, string? requestId, string message, string? guidance, Exception? innerException = null)
        : base(FormatMessage(errorCode, statusCode, requestId, message, guidance), innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
        ServiceMessage = message;
    }

    /// <summary>The error code, e.g. <c>ThrottlingException</c>, from <c>x-amzn-ErrorType</c> or the body.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the error response, e.g. 429 for throttling.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>x-amzn-RequestId</c> to quote to AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// The message the service sent (with any credential it echoed masked), or for a body that was not JSON, a
    /// short snippet of that body.
    /// </summary>
    public string ServiceMessage { get; }

    /// <summary>The wait the service asked for in <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    /// <summary>
    /// Whether the same request may succeed if sent again later. For codes this library does not model, this
    /// follows the status: 429, 500, 502, 503 and 504 are transient (the cross-SDK "standard" retry rule).
    /// </summary>
    public virtual bool IsRetryable => StatusCode is (HttpStatusCode)429
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    private static string FormatMessage(string errorCode, HttpStatusCode statusCode, string? requestId, string message, string? guidance) =>
        $"Bedrock returned {errorCode} (HTTP {(int)statusCode}{(requestId is null ? "" : ", request id " + requestId)}): {message}"
        + (guidance is null ? "" : " " + guidance);
}

/// <summary>Bedrock answered 2xx, but the answer cannot be used: malformed JSON, or no content of the kind asked for.</summary>
public sealed class BedrockResponseException : BedrockException
{
    /// <summary>Creates the error for an answer that cannot be used.</summary>
    /// <param name="message">What is wrong with the answer.</param>
    /// <param name="stopReason">The response's stop reason, when it had one.</param>
    /// <param name="innerException">The error that caused this one (a <see cref="System.Text.Json.JsonException"/>, say), if any.</param>
    public BedrockResponseException(string message, StopReason? stopReason = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StopReason = stopReason;
    }

    /// <summary>The response's stop reason, when it had one.</summary>
    public StopReason? StopReason { get; }

    /// <summary>The <c>x-amzn-RequestId</c> of the response, when the client that read it knew it.</summary>
    public string? RequestId { get; init; }
}

/// <summary>
/// An image model answered, but without the images: its content filter held the prompt or the output back (Stability's
/// <c>finish_reasons</c>, Nova Canvas' <c>error</c>). Raised by <c>ThrowIfFiltered</c> on the typed image responses;
/// Titan Image Generator and Nova Canvas refuse a filtered prompt before generating, as a
/// <see cref="BedrockValidationException"/>.
/// </summary>
public sealed class BedrockContentFilteredException : BedrockException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What the model returned.</param>
    /// <param name="reasons">The model's reasons, e.g. <c>Filter reason: prompt</c>.</param>
    public BedrockContentFilteredException(string message, IReadOnlyList<string> reasons)
        : base(message)
    {
        Reasons = reasons ?? throw new ArgumentNullException(nameof(reasons));
    }

    /// <summary>The model's reasons, e.g. <c>Filter reason: output image</c>.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>The <c>x-amzn-RequestId</c> of the response, when the caller passed it on.</summary>
    public string? RequestId { get; init; }
}
