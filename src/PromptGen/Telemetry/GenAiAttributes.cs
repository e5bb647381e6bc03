namespace PromptGen.Telemetry;

/// <summary>Attribute names and values of the OpenTelemetry GenAI semantic conventions, and PromptGen's own.</summary>
internal static class GenAiAttributes
{
    public const string OperationName = "gen_ai.operation.name";
    public const string ProviderName = "gen_ai.provider.name";
    // Superseded by gen_ai.provider.name; still set because many back ends group by it.
    public const string System = "gen_ai.system";
    public const string RequestModel = "gen_ai.request.model";
    public const string RequestMaxTokens = "gen_ai.request.max_tokens";
    public const string RequestTemperature = "gen_ai.request.temperature";
    public const string RequestTopP = "gen_ai.request.top_p";
    public const string RequestStopSequences = "gen_ai.request.stop_sequences";
    public const string ResponseFinishReasons = "gen_ai.response.finish_reasons";
    public const string UsageInputTokens = "gen_ai.usage.input_tokens";
    public const string UsageOutputTokens = "gen_ai.usage.output_tokens";

    /// <summary>Input tokens served from the prompt cache (experimental in the conventions).</summary>
    public const string UsageCacheReadInputTokens = "gen_ai.usage.cache_read.input_tokens";

    /// <summary>Input tokens written to the prompt cache (experimental in the conventions).</summary>
    public const string UsageCacheCreationInputTokens = "gen_ai.usage.cache_creation.input_tokens";
    public const string TokenType = "gen_ai.token.type";
    public const string ErrorType = "error.type";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";

    /// <summary>
    /// The call's estimated cost in USD at the catalog's list prices (TokenUsage.EstimatedCostUsd). PromptGen's own:
    /// the GenAI conventions name no cost attribute.
    /// </summary>
    public const string UsageEstimatedCostUsd = "promptgen.usage.estimated_cost_usd";

    public const string PromptInterface = "promptgen.prompt.interface";
    public const string PromptMethod = "promptgen.prompt.method";

    public const string ChatOperation = "chat";

    /// <summary>A prompt completion (Llama, Mistral prompt bodies through InvokeModel).</summary>
    public const string TextCompletionOperation = "text_completion";

    /// <summary>Embeddings (Titan, Cohere, Nova multimodal embeddings).</summary>
    public const string EmbeddingsOperation = "embeddings";

    /// <summary>
    /// Image generation. The conventions name no image operation; <c>generate_content</c> is their operation for
    /// multimodal content generation, so image models use it (docs/architecture.md, telemetry).
    /// </summary>
    public const string GenerateContentOperation = "generate_content";
    public const string AwsBedrock = "aws.bedrock";
    public const string InputTokenType = "input";
    public const string OutputTokenType = "output";

    public const string OperationDurationInstrument = "gen_ai.client.operation.duration";
    public const string TokenUsageInstrument = "gen_ai.client.token.usage";

    /// <summary>The histogram of calls' estimated costs in USD (PromptGen's own instrument).</summary>
    public const string EstimatedCostInstrument = "promptgen.client.estimated_cost";
}
