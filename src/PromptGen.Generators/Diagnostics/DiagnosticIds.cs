namespace PromptGen.Generators.Diagnostics;

/// <summary>
/// Every diagnostic id PromptGen reports. Ranges: PG00xx declarations, PG01xx templates, PG02xx models,
/// PG03xx result types. An id is never reused for another meaning.
/// </summary>
internal static partial class DiagnosticIds
{
    public const string PromptClientNotPartial = "PG0001";
    public const string UnsupportedReturnType = "PG0002";
    public const string MissingPromptAttribute = "PG0004";
    public const string UnsupportedPromptClientShape = "PG0005";
    public const string UnsupportedParameter = "PG0006";
    public const string MissingCancellationToken = "PG0007";
    public const string PromptAttributeOutsidePromptClient = "PG0008";
    public const string GeneratedNameCollision = "PG0009";
    public const string MediaAttributeMismatch = "PG0010";
    public const string MediaFormatMissing = "PG0011";
    public const string StreamMediaInStreamingMethod = "PG0012";
    public const string InvalidDocumentName = "PG0013";
    public const string InvalidRequestMetadataParameter = "PG0015";
    public const string InvalidModelRequestFields = "PG0016";
    public const string CachePointAfterNoTools = "PG0017";
    public const string MultipleHistoryParameters = "PG0020";
    public const string InvalidEmbeddingInput = "PG0021";
    public const string MediaInputToInvokeMethod = "PG0022";
    public const string MethodWithoutDescriptor = "PG0023";
    public const string InternalError = "PG0099";
    public const string TemplateSyntaxError = "PG0100";
    public const string UnknownTemplateVariable = "PG0101";
    public const string UnusedParameter = "PG0102";
    public const string UnknownTemplateMember = "PG0103";
    public const string LoopOverNonCollection = "PG0104";
    public const string EmptyTemplate = "PG0105";
    public const string OtherTemplateLanguageSyntax = "PG0106";
    public const string TemplateNotCompiled = "PG0150";
    public const string NoModel = "PG0200";
    public const string UnknownModel = "PG0201";
    public const string MalformedModelId = "PG0202";
    public const string LegacyModel = "PG0203";
    public const string EndOfLifeModel = "PG0204";
    public const string InferenceProfileRequired = "PG0205";
    public const string MaxTokensAboveModelLimit = "PG0206";
    public const string InferenceSettingOutOfRange = "PG0207";
    public const string SystemPromptNotSupported = "PG0208";
    public const string TooManyStopSequences = "PG0209";
    public const string EmptyStopSequence = "PG0210";
    public const string ModelLacksMediaCapability = "PG0211";
    public const string MediaParameterInTemplate = "PG0212";
    public const string BinaryParameterWithoutMediaAttribute = "PG0213";
    public const string ReasoningNotSupported = "PG0215";
    public const string ThinkingBudgetOutOfRange = "PG0216";
    public const string ThinkingIncompatibleSetting = "PG0217";
    public const string InvalidGuardrailReference = "PG0218";
    public const string InvalidRequestMetadata = "PG0219";
    public const string DuplicateFallbackModel = "PG0220";
    public const string ModelModalityMismatch = "PG0223";
    public const string InvokeSettingNotAccepted = "PG0224";
    public const string ImageInputNotAccepted = "PG0225";
    public const string ImageInputIncomplete = "PG0226";
    public const string InvalidCatalogFile = "PG0230";
    public const string UnsupportedResultType = "PG0300";
    public const string SchemaSentInPrompt = "PG0301";
    public const string StructuredOutputStrategyNotSupported = "PG0302";
    public const string PartialTypeNameMismatch = "PG0303";
    public const string EnumWithoutFallback = "PG0304";
    public const string ValidationAttributeMismatch = "PG0305";
}
