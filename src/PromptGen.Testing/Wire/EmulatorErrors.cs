namespace PromptGen.Testing.Wire;

/// <summary>The errors the emulator raises by itself, worded as AWS words them where that wording is known.</summary>
internal static class EmulatorErrors
{
    public static EmulatorError Validation(string message) => new("ValidationException", 400, message);

    public static EmulatorError UnknownOperation(string method, string rawPath) =>
        new("UnknownOperationException", 404, $"No Bedrock Runtime operation matches {method} {rawPath}.");

    // Typed as ValidationException on purpose: every client already treats it as final (no retry), and the message
    // says plainly that the emulator, not the caller, is missing the feature.
    public static EmulatorError OperationNotEmulated(string operation) =>
        Validation($"The PromptGen Bedrock emulator does not emulate {operation} yet; only Converse is available.");

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
