using System.Net;

namespace PromptGen;

// The errors the Bedrock Runtime model declares (wire spec §6), one type each so callers can catch exactly the
// ones they handle. Names carry a "Bedrock" prefix so they never clash with System types such as
// System.ComponentModel.DataAnnotations.ValidationException or System.TimeoutException.

/// <summary><c>ValidationException</c> (400): the request does not match the API's rules.</summary>
public sealed class BedrockValidationException(HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException("ValidationException", statusCode, requestId, message)
{
    /// <summary>False: the same request fails the same way; change it first.</summary>
    public override bool IsRetryable => false;
}

/// <summary><c>AccessDeniedException</c> (403): the caller may not use this model or operation.</summary>
public sealed class BedrockAccessDeniedException(HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException("AccessDeniedException", statusCode, requestId, message)
{
    /// <summary>False: access must be granted (model access, IAM policy) first.</summary>
    public override bool IsRetryable => false;
}

/// <summary><c>ResourceNotFoundException</c> (404): the model, profile or ARN does not exist here.</summary>
public sealed class BedrockResourceNotFoundException(HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException("ResourceNotFoundException", statusCode, requestId, message)
{
    /// <summary>False: the model or resource does not exist in this region.</summary>
    public override bool IsRetryable => false;
}

/// <summary>
/// <c>ModelTimeoutException</c> (408): the model took too long. Not retried automatically (408 is not transient
/// in the SDKs' standard mode); sending it again is the caller's decision.
/// </summary>
public sealed class BedrockModelTimeoutException(HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException("ModelTimeoutException", statusCode, requestId, message)
{
    /// <summary>False: not retried automatically; sending the request again is the caller's decision.</summary>
    public override bool IsRetryable => false;
}

/// <summary><c>ThrottlingException</c> (429): too many requests or tokens; retry after a back-off.</summary>
public sealed class BedrockThrottlingException(HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException("ThrottlingException", statusCode, requestId, message)
{
    /// <summary>True: retried with back-off as <see cref="BedrockOptions.Retry"/> says.</summary>
    public override bool IsRetryable => true;
}

/// <summary><c>ModelNotReadyException</c> (429): the model is being loaded; the model marks it retryable.</summary>
public sealed class BedrockModelNotReadyException(HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException("ModelNotReadyException", statusCode, requestId, message)
{
    /// <summary>True: the model is loading; retried with back-off.</summary>
    public override bool IsRetryable => true;
}

/// <summary><c>ModelErrorException</c> (424): the model itself failed while processing the request.</summary>
/// <param name="statusCode">The HTTP status of the response.</param>
/// <param name="requestId">The <c>x-amzn-RequestId</c> of the response, when it had one.</param>
/// <param name="message">The service's message.</param>
/// <param name="originalStatusCode">The status the model's own endpoint returned, when Bedrock reported it.</param>
/// <param name="resourceName">The resource that failed, when Bedrock reported it.</param>
public sealed class BedrockModelErrorException(HttpStatusCode statusCode, string? requestId, string message, int? originalStatusCode, string? resourceName)
    : BedrockServiceException("ModelErrorException", statusCode, requestId, message)
{
    /// <summary>The status the model's own endpoint returned, when Bedrock reported it.</summary>
    public int? OriginalStatusCode { get; } = originalStatusCode;

    /// <summary>The resource that failed, when Bedrock reported it.</summary>
    public string? ResourceName { get; } = resourceName;

    /// <summary>False: the model failed on this request.</summary>
    public override bool IsRetryable => false;
}

/// <summary><c>ModelStreamErrorException</c> (424): the model failed while streaming its answer.</summary>
/// <param name="statusCode">The HTTP status of the response.</param>
/// <param name="requestId">The <c>x-amzn-RequestId</c> of the response, when it had one.</param>
/// <param name="message">The service's message.</param>
/// <param name="originalStatusCode">The status the model's own endpoint returned, when Bedrock reported it.</param>
/// <param name="originalMessage">The model's own error message, when Bedrock reported it.</param>
public sealed class BedrockModelStreamErrorException(HttpStatusCode statusCode, string? requestId, string message, int? originalStatusCode, string? originalMessage)
    : BedrockServiceException("ModelStreamErrorException", statusCode, requestId, message)
{
    /// <summary>The status the model's own endpoint returned, when Bedrock reported it.</summary>
    public int? OriginalStatusCode { get; } = originalStatusCode;

    /// <summary>The model's own error message, when Bedrock reported it.</summary>
    public string? OriginalMessage { get; } = originalMessage;

    /// <summary>False: the stream has already delivered part of the answer.</summary>
    public override bool IsRetryable => false;
}

/// <summary><c>ServiceQuotaExceededException</c> (400): an account quota is used up; resubmitting later may work.</summary>
public sealed class BedrockServiceQuotaExceededException(HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException("ServiceQuotaExceededException", statusCode, requestId, message)
{
    /// <summary>False: the quota must be raised or wait out its period.</summary>
    public override bool IsRetryable => false;
}

/// <summary><c>ConflictException</c> (400): the request conflicts with the state of a resource.</summary>
public sealed class BedrockConflictException(HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException("ConflictException", statusCode, requestId, message)
{
    /// <summary>False: the resource's state must change first.</summary>
    public override bool IsRetryable => false;
}

/// <summary><c>InternalServerException</c> (500): a transient service fault.</summary>
public sealed class BedrockInternalServerException(HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException("InternalServerException", statusCode, requestId, message)
{
    /// <summary>True: a transient fault; retried with back-off.</summary>
    public override bool IsRetryable => true;
}

/// <summary><c>ServiceUnavailableException</c> (503): the service cannot take the request now.</summary>
public sealed class BedrockServiceUnavailableException(HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException("ServiceUnavailableException", statusCode, requestId, message)
{
    /// <summary>True: retried with back-off.</summary>
    public override bool IsRetryable => true;
}

/// <summary>
/// AWS rejected the caller's identity before Bedrock looked at the request: <c>UnrecognizedClientException</c>,
/// <c>InvalidSignatureException</c>, <c>ExpiredTokenException</c>, <c>MissingAuthenticationTokenException</c>,
/// <c>IncompleteSignatureException</c>, <c>InvalidClientTokenId</c>. The message adds what to check (credentials,
/// clock, API key) and never quotes a secret.
/// </summary>
/// <param name="errorCode">The error code AWS answered, e.g. <c>ExpiredTokenException</c>.</param>
/// <param name="statusCode">The HTTP status of the response.</param>
/// <param name="requestId">The <c>x-amzn-RequestId</c> of the response, when it had one.</param>
/// <param name="message">The service's message; guidance for the code is appended to <see cref="System.Exception.Message"/>.</param>
public sealed class BedrockAuthenticationException(string errorCode, HttpStatusCode statusCode, string? requestId, string message)
    : BedrockServiceException(errorCode, statusCode, requestId, message, GuidanceFor(errorCode))
{
    /// <summary>False: the credentials must be fixed first.</summary>
    public override bool IsRetryable => false;

    internal static bool IsAuthenticationErrorCode(string errorCode) => errorCode is
        "UnrecognizedClientException"
        or "InvalidSignatureException"
        or "ExpiredTokenException"
        or "MissingAuthenticationTokenException"
        or "IncompleteSignatureException"
        or "InvalidClientTokenId";

    private static string GuidanceFor(string errorCode) => errorCode switch
    {
        "InvalidSignatureException" or "IncompleteSignatureException" =>
            "Check that the secret access key belongs to the access key id, and that this machine's clock is correct (SigV4 signatures are valid for about 5 minutes).",
        "ExpiredTokenException" =>
            "The temporary credentials have expired: refresh them (for an SSO profile, run 'aws sso login'), or check this machine's clock.",
        "MissingAuthenticationTokenException" =>
            "The request reached an endpoint that expected a signature it did not get: check the endpoint and the credentials.",
        _ =>
            "The access key id, session token or Bedrock API key is not valid for this region's endpoint: check which credentials or AWS_BEARER_TOKEN_BEDROCK the process picked up.",
    };
}
