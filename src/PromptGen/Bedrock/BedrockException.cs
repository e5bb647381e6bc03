using System;
using System.Net;

namespace PromptGen.Bedrock;

/// <summary>The base of every error PromptGen raises about a Bedrock call.</summary>
public abstract class BedrockException : Exception
{
    protected BedrockException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Bedrock answered with an error (a non-2xx status). The subclass names the modelled error; an error code this
/// library does not know yet arrives as this type itself.
/// </summary>
public class BedrockServiceException : BedrockException
{
    public BedrockServiceException(string errorCode, HttpStatusCode statusCode, string? requestId, string message, Exception? innerException = null)
        : base(FormatMessage(errorCode, statusCode, requestId, message), innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
        ServiceMessage = message;
    }

    /// <summary>The error code, e.g. <c>ThrottlingException</c>, from <c>x-amzn-ErrorType</c> or the body.</summary>
    public string ErrorCode { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>x-amzn-RequestId</c> to quote to AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>The message the service sent, unchanged.</summary>
    public string ServiceMessage { get; }

    /// <summary>Whether the same request may succeed if sent again later.</summary>
    public virtual bool IsRetryable => false;

    private static string FormatMessage(string errorCode, HttpStatusCode statusCode, string? requestId, string message) =>
        $"Bedrock returned {errorCode} (HTTP {(int)statusCode}{(requestId is null ? "" : ", request id " + requestId)}): {message}";
}

/// <summary>Bedrock answered 2xx, but the answer cannot be used: malformed JSON, or no content of the kind asked for.</summary>
public sealed class BedrockResponseException : BedrockException
{
    public BedrockResponseException(string message, string? stopReason = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StopReason = stopReason;
    }

    /// <summary>The response's stop reason, when it had one.</summary>
    public string? StopReason { get; }
}
