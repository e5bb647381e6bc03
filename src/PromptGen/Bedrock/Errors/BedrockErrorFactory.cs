using System.Net;

namespace PromptGen.Bedrock.Errors;

/// <summary>Turns a parsed error response into the exception type of its code.</summary>
internal static class BedrockErrorFactory
{
    public static BedrockServiceException Create(HttpStatusCode status, string? requestId, BedrockErrorResponse error, RequestSecretRedactor redactor)
    {
        // Masked, then cut: a message is quoted in the exception's Message, which ends up in logs.
        string message = ServiceMessageText.Prepare(error.Message, redactor);
        string code = error.Code ?? BedrockServiceException.UnknownErrorCode;
        if (BedrockAuthenticationException.IsAuthenticationErrorCode(code))
        {
            return new BedrockAuthenticationException(code, status, requestId, message);
        }

        return code switch
        {
            "ValidationException" => new BedrockValidationException(status, requestId, message),
            "AccessDeniedException" => new BedrockAccessDeniedException(status, requestId, message),
            "ResourceNotFoundException" => new BedrockResourceNotFoundException(status, requestId, message),
            "ModelTimeoutException" => new BedrockModelTimeoutException(status, requestId, message),
            "ThrottlingException" => new BedrockThrottlingException(status, requestId, message),
            "ModelNotReadyException" => new BedrockModelNotReadyException(status, requestId, message),
            "ModelErrorException" => new BedrockModelErrorException(status, requestId, message, error.OriginalStatusCode, error.ResourceName),
            "ModelStreamErrorException" => new BedrockModelStreamErrorException(
                status, requestId, message, error.OriginalStatusCode, error.OriginalMessage is null ? null : ServiceMessageText.Prepare(error.OriginalMessage, redactor)),
            "ServiceQuotaExceededException" => new BedrockServiceQuotaExceededException(status, requestId, message),
            "ConflictException" => new BedrockConflictException(status, requestId, message),
            "InternalServerException" => new BedrockInternalServerException(status, requestId, message),
            "ServiceUnavailableException" => new BedrockServiceUnavailableException(status, requestId, message),
            _ => new BedrockServiceException(code, status, requestId, message),
        };
    }
}
