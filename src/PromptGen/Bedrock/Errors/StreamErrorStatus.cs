using System.Net;

namespace PromptGen.Bedrock.Errors;

/// <summary>
/// An exception raised inside a <c>ConverseStream</c> arrives on a response that already said 200. To make it
/// indistinguishable from the same error returned before the stream (same type, same <c>IsRetryable</c>), it
/// carries the HTTP status the service model gives that error (wire spec §6).
/// </summary>
internal static class StreamErrorStatus
{
    public static HttpStatusCode ForCode(string? code) => code switch
    {
        "ValidationException" or "ServiceQuotaExceededException" or "ConflictException" => HttpStatusCode.BadRequest,
        "AccessDeniedException" => HttpStatusCode.Forbidden,
        "ResourceNotFoundException" => HttpStatusCode.NotFound,
        "ModelTimeoutException" => HttpStatusCode.RequestTimeout,
        "ThrottlingException" or "ModelNotReadyException" => (HttpStatusCode)429,
        "ModelErrorException" or "ModelStreamErrorException" => (HttpStatusCode)424,
        "InternalServerException" => HttpStatusCode.InternalServerError,
        "ServiceUnavailableException" => HttpStatusCode.ServiceUnavailable,
        // The Knowledge Bases runtime's own (RetrieveAndGenerateStream), with the statuses its SDK model gives them.
        "DependencyFailedException" => (HttpStatusCode)424,
        "BadGatewayException" => HttpStatusCode.BadGateway,
        // Unknown codes keep the status of the response they arrived on.
        _ => HttpStatusCode.OK,
    };
}
