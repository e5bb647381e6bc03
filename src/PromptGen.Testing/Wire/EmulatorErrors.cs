namespace PromptGen.Testing.Wire;

/// <summary>The errors the emulator raises by itself, worded as AWS words them where that wording is known.</summary>
internal static class EmulatorErrors
{
    public static EmulatorError Validation(string message) => new("ValidationException", 400, message);

    public static EmulatorError EndOfLife() => new(
        "ResourceNotFoundException",
        404,
        "This model version has reached the end of its life. Please refer to the AWS documentation for more details.");

    public static EmulatorError OnDemandNotSupported(string modelId) => Validation(
        $"Invocation of model ID {modelId} with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.");

    public static EmulatorError MaxTokensExceeded(int limit) => Validation(
        $"The maximum tokens you requested exceeds the model limit of {limit}. Try again with a maximum tokens value that is lower than {limit}.");

    public static EmulatorError UnsupportedByModel(string feature) => Validation(
        $"This model doesn't support {feature}. Try again without it or use a model that supports it.");

    // A script mistake, typed as ValidationException so that clients fail at once instead of retrying.
    public static EmulatorError ToolUseReplyWithoutTool() => Validation(
        "Emulator script error: a toolUse reply names no tool and the request offers none to default to.");

    public static EmulatorError GuardrailReplyWithoutGuardrail() => Validation(
        "Emulator script error: a guardrail intervention answers a request that has no guardrailConfig; a guardrail can only intervene when the request names one.");

    public static EmulatorError UnknownOperation(string method, string rawPath) =>
        new("UnknownOperationException", 404, $"No Bedrock Runtime operation matches {method} {rawPath}.");

    // Typed as ValidationException on purpose: every client already treats it as final (no retry), and the message
    // says plainly that the emulator, not the caller, is missing the feature.
    public static EmulatorError OperationNotEmulated(string operation) =>
        Validation($"The PromptGen Bedrock emulator does not emulate {operation} yet; only Converse and ConverseStream are available.");

    public static EmulatorError MissingAuthenticationToken() =>
        new("MissingAuthenticationTokenException", 403, "Missing Authentication Token");

    public static EmulatorError IncompleteSignature(string message) => new("IncompleteSignatureException", 403, message);

    public static EmulatorError InvalidSignature(string message) => new("InvalidSignatureException", 403, message);

    public static EmulatorError SignatureMismatch() => InvalidSignature(
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");

    public static EmulatorError UnrecognizedClient() =>
        new("UnrecognizedClientException", 403, "The security token included in the request is invalid.");

    public static EmulatorError BearerTokenRejected() =>
        new("AccessDeniedException", 403, "Authentication failed: Please make sure your API Key is valid.");
}
