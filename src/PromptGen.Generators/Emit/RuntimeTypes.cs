namespace PromptGen.Generators.Emit;

/// <summary>
/// Every runtime type the generated code names, in one place: this is the contract between the emitters and the
/// runtime library. Public API types live in <c>PromptGen</c>, the Bedrock wire model in <c>PromptGen.Bedrock</c>,
/// and what only generated code calls in the hidden <c>PromptGen.CompilerServices</c>.
/// </summary>
internal static class RuntimeTypes
{
    public const string Api = "global::PromptGen";
    public const string Wire = "global::PromptGen.Bedrock";
    public const string Support = "global::PromptGen.CompilerServices";

    // Public API.
    public const string BedrockRuntime = Api + ".IBedrockRuntime";
    public const string PromptClient = Api + ".IPromptClient";
    public const string Message = Api + ".Message";
    public const string StructuredOutputStrategy = Api + ".StructuredOutputStrategy";
    public const string ResultErrorKind = Api + ".ResultErrorKind";
    public const string GuardrailInterventionException = Api + ".GuardrailInterventionException";
    public const string PromptImage = Api + ".PromptImage";
    public const string PromptStream = Api + ".PromptStream";
    public const string ResultStream = Api + ".ResultStream";
    public const string ToolChoiceMode = Api + ".ToolChoiceMode";
    public const string GuardrailTrace = Api + ".GuardrailTrace";
    public const string GuardrailStreamProcessing = Api + ".GuardrailStreamProcessing";
    public const string ServiceTier = Api + ".ServiceTier";
    public const string CacheTtl = Api + ".CacheTtl";

    // The Bedrock wire model.
    public const string ConverseRequest = Wire + ".ConverseRequest";
    public const string ConverseResponse = Wire + ".ConverseResponse";
    public const string InferenceConfiguration = Wire + ".InferenceConfiguration";
    public const string SystemContentBlock = Wire + ".SystemContentBlock";
    public const string CachePointBlock = Wire + ".CachePointBlock";
    public const string GuardrailConfiguration = Wire + ".GuardrailConfiguration";
    public const string PerformanceConfiguration = Wire + ".PerformanceConfiguration";
    public const string LatencyMode = Wire + ".LatencyMode";

    // Called by generated code only.
    public const string StructuredOutputSpec = Support + ".StructuredOutputSpec";
    public const string StructuredPrompt = Support + ".StructuredPrompt";
    public const string TextPrompt = Support + ".TextPrompt";
    public const string ParseOutcome = Support + ".ParseOutcome";
    public const string ResultParsing = Support + ".ResultParsing";
    public const string ResultReader = Support + ".ResultReader";
    public const string ResultRoot = Support + ".ResultRoot";
    public const string JsonNames = Support + ".JsonNames";
    public const string JsonValueReaders = Support + ".JsonValueReaders";
    public const string JsonPath = Support + ".JsonPath";
    public const string ResultErrorList = Support + ".ResultErrorList";
    public const string ResultValidation = Support + ".ResultValidation";
    public const string ModelChoice = Support + ".ModelChoice";
    public const string TemplateValues = Support + ".TemplateValues";
    public const string PromptTemplate = Support + ".PromptTemplate";
    public const string PromptArguments = Support + ".PromptArguments";
    public const string ConversationHistory = Support + ".ConversationHistory";
    public const string UserTurnBuilder = Support + ".UserTurnBuilder";
    public const string InvocationOptionValues = Support + ".InvocationOptionValues";
    public const string PromptInvocation = Support + ".PromptInvocation";
    public const string ToolLoop = Support + ".ToolLoop";
    public const string ToolLoopOptions = Support + ".ToolLoopOptions";
    public const string ToolDefinition = Support + ".ToolDefinition";
    public const string FunctionTools = Support + ".FunctionTools";
    public const string PromptStreams = Support + ".PromptStreams";
    public const string ResultStreams = Support + ".ResultStreams";
    public const string ToolOutput = Support + ".ToolOutput";
    public const string ToolSchema = Support + ".ToolSchema";
    public const string JsonScalar = Support + ".JsonScalar";
    public const string PartialJsonNode = Support + ".PartialJsonNode";
    public const string PartialObjectBuilder = Support + ".PartialObjectBuilder";
    public const string PartialScalars = Support + ".PartialScalars";
    public const string PartialValueBuilder = Support + ".PartialValueBuilder";
    public const string EmbeddingSpec = Support + ".EmbeddingSpec";
    public const string EmbeddingFamily = Support + ".EmbeddingFamily";
    public const string Embeddings = Support + ".Embeddings";
    public const string ImageSpec = Support + ".ImageSpec";
    public const string ImageFamily = Support + ".ImageFamily";
    public const string ImageGeneration = Support + ".ImageGeneration";

    // Declared retrieval ([Retrieve]).
    public const string RetrievedPassage = Api + ".Retrieval.RetrievedPassage";
    public const string PassageRetrieval = Support + ".PassageRetrieval";
    public const string RetrievalSpec = Support + ".RetrievalSpec";
    public const string RetrievedRequest = Support + ".RetrievedRequest";
}
