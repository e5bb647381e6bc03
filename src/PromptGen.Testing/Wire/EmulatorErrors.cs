namespace PromptGen.Testing.Wire;

/// <summary>The errors the emulator raises by itself, worded as AWS words them where that wording is known.</summary>
internal static class EmulatorErrors
{
    /// <summary>An unknown knowledge base id: 404 ResourceNotFoundException, as the Knowledge Bases runtime answers.</summary>
    public static EmulatorError KnowledgeBaseNotFound(string knowledgeBaseId) =>
        new("ResourceNotFoundException", 404, $"Knowledge base {knowledgeBaseId} does not exist (the emulator serves the knowledge bases given to it at start).");

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
        Validation($"The PromptGen Bedrock emulator does not emulate {operation} yet; only Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream are available.");

    // Same reasoning: the caller's body may be fine; the emulator does not know this model's native format.
    // Bedrock's answer to an id it has no model or profile for, Converse and InvokeModel alike: 400 with this message
    // (the message as Bedrock sent it in https://github.com/charmbracelet/catwalk/issues/223).
    public static EmulatorError InvalidModelIdentifier() => Validation("The provided model identifier is invalid.");

    public static EmulatorError UnscriptedRequest(string description) => new("UnscriptedRequestException", 400, description);

    public static EmulatorError InvokeModelNotEmulated(string modelId) => Validation(
        $"The PromptGen Bedrock emulator does not know the native body of '{modelId}'. InvokeModel is emulated for Amazon Titan Text "
        + "Embeddings V2, Cohere Embed v3/v4, Amazon Nova Multimodal Embeddings, Amazon Nova Canvas, Titan Image Generator v2, Stability AI "
        + "(SD 3.5 Large, Stable Image Core/Ultra), Anthropic Claude (Messages), Meta Llama and Mistral (prompt) models.");

    // Words of the Converse API for a model it cannot run (AWS answers this for embedding and image models) [U: remembered].
    public static EmulatorError NotAChatModel() => Validation(
        "This action doesn't support the model that you provided. Try again with a supported text or chat model.");

    // Bedrock's words for a stream asked of a model that cannot stream (embedding models; Cohere's page: "Amazon Bedrock
    // doesn't support streaming responses from Cohere Embed models") [U: wording remembered].
    public static EmulatorError StreamingNotSupported() => Validation("The model is unsupported for streaming.");

    // Titan Image Generator and Nova Canvas refuse filtered prompts and images with a ValidationException [U: wording remembered].
    public static EmulatorError ContentFiltered(ContentFilterStage stage) => Validation(stage == ContentFilterStage.Output
        ? "The generated image has been blocked by our content filters. Please adjust your prompt and try again."
        : "This request has been blocked by our content filters. Please adjust your prompt and try again.");

    // InvokeModel bodies are JSON; Bedrock refuses another Content-Type [U: wording].
    public static EmulatorError UnsupportedContentType(string? contentType) => Validation(
        $"The provided Content-Type '{contentType ?? "(none)"}' is not supported; InvokeModel takes application/json.");

    public static EmulatorError InvokeScriptReplyNotServed(string kind) => Validation(
        $"Emulator script error: a {kind} reply cannot answer InvokeModel; script text, errors, faults or content filters.");

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
