using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Diagnostics;

/// <summary>The descriptors, one place; each links to its page under docs/diagnostics.</summary>
internal static class DiagnosticDescriptors
{
    /// <summary>
    /// The repository, as README.md names it and Directory.Build.props' PromptGenRepositoryUrl spells it for packages and
    /// SourceLink (tests/PromptGen.Package.Tests/RepositoryAddressTests keeps the three equal).
    /// </summary>
    public const string RepositoryUrl = "https://github.com/promptgen/promptgen";

    /// <summary>The docs folder on the default branch: the base of every documentation link PromptGen prints.</summary>
    public const string DocsBaseUrl = RepositoryUrl + "/blob/main/docs/";

    public const string HelpLinkBase = DocsBaseUrl + "diagnostics/";

    private const string DeclarationCategory = "PromptGen.Declaration";
    private const string TemplateCategory = "PromptGen.Template";
    private const string ModelCategory = "PromptGen.Model";
    private const string ResultCategory = "PromptGen.Result";

    public static readonly DiagnosticDescriptor PromptClientNotPartial = Create(
        DiagnosticIds.PromptClientNotPartial,
        "Prompt client interface must be partial",
        "Interface '{0}' has [PromptClient] but is not partial; add the 'partial' modifier so PromptGen can add its Create method",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        DiagnosticIds.UnsupportedReturnType,
        "Prompt method return type is not supported",
        "Method '{0}' returns '{1}', which PromptGen cannot produce; return Task<T> or ValueTask<T> (T is string or a type with a JSON shape), IAsyncEnumerable<string>, PromptStream or ResultStream<T, TPartial>",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor MissingPromptAttribute = Create(
        DiagnosticIds.MissingPromptAttribute,
        "Prompt client method has no [Prompt]",
        "Method '{0}' of prompt client '{1}' has no [Prompt] template; add [Prompt(\"...\")] or give it a default implementation",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor UnsupportedPromptClientShape = Create(
        DiagnosticIds.UnsupportedPromptClientShape,
        "Prompt client declaration is not supported",
        "Prompt client '{0}' cannot be generated: {1}",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
        DiagnosticIds.UnsupportedParameter,
        "Prompt method parameter is not supported",
        "Parameter '{0}' of method '{1}' is declared '{2}': {3}",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor GeneratedNameCollision = Create(
        DiagnosticIds.GeneratedNameCollision,
        "Member collides with a member PromptGen generates",
        "Member '{0}' of prompt client '{1}' collides with {2}, which PromptGen adds to the interface; {3}",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor InvalidRequestMetadataParameter = Create(
        DiagnosticIds.InvalidRequestMetadataParameter,
        "[RequestMetadata] parameter cannot carry request metadata",
        "Parameter '{0}' of method '{1}' has [RequestMetadata] but {2}",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor InvalidModelRequestFields = Create(
        DiagnosticIds.InvalidModelRequestFields,
        "Model request fields are not a JSON object",
        "[ModelRequestFields] must hold one JSON object: {0}",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor CachePointAfterNoTools = Create(
        DiagnosticIds.CachePointAfterNoTools,
        "Cache point after tools on a method without tools",
        "Method '{0}' asks for a cache point after its tools (CacheAfter.Tools) but takes no tool set, so none is sent; give it a tool-set parameter or remove CacheAfter.Tools",
        DeclarationCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create(
        DiagnosticIds.InternalError,
        "PromptGen failed on this interface",
        "PromptGen could not process '{0}' because of an internal error ({1}); please report it with the declaration",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor TemplateSyntaxError = Create(
        DiagnosticIds.TemplateSyntaxError,
        "Prompt template has a syntax error",
        "{0}",
        TemplateCategory);

    public static readonly DiagnosticDescriptor LoopOverNonCollection = Create(
        DiagnosticIds.LoopOverNonCollection,
        "Template loops over a value that is not a collection",
        "The template loops over '{0}', a '{1}', which is not a collection, so rendering fails with 'Unexpected type for iterator'; loop over an array, a list or another IEnumerable, or remove the loop",
        TemplateCategory);

    public static readonly DiagnosticDescriptor EmptyTemplate = Create(
        DiagnosticIds.EmptyTemplate,
        "Prompt template is empty",
        "The {0} template of method '{1}' renders no text, so {2}",
        TemplateCategory);

    public static readonly DiagnosticDescriptor OtherTemplateLanguageSyntax = Create(
        DiagnosticIds.OtherTemplateLanguageSyntax,
        "Template uses another template language's syntax",
        "{0}",
        TemplateCategory);

    public static readonly DiagnosticDescriptor TemplateNotCompiled = Create(
        DiagnosticIds.TemplateNotCompiled,
        "Prompt template is rendered by Scriban at run time",
        "This template is rendered by Scriban at run time, not compiled to C#, because of {0}: PromptGen has no compiled form for it",
        TemplateCategory,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NoModel = Create(
        DiagnosticIds.NoModel,
        "No Bedrock model for prompt method",
        "Method '{0}' has no model: set [Model(\"...\")] on the method, [PromptClient(Model = \"...\")] on the interface or [assembly: PromptDefaults(Model = \"...\")] for the whole project",
        ModelCategory);

    public static readonly DiagnosticDescriptor UnsupportedResultType = Create(
        DiagnosticIds.UnsupportedResultType,
        "Prompt result type has no JSON shape",
        "Method '{0}' returns '{1}', which PromptGen cannot describe as JSON: {2}",
        ResultCategory);

    public static readonly DiagnosticDescriptor MethodWithoutDescriptor = Create(
        DiagnosticIds.MethodWithoutDescriptor,
        "Prompt method has no descriptor",
        "Method '{0}' gets no prompt descriptor, so the playground and other descriptor tools do not offer it: {1}",
        DeclarationCategory,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MissingCancellationToken = Create(
        DiagnosticIds.MissingCancellationToken,
        "Prompt method cannot be cancelled",
        "Method '{0}' has no CancellationToken parameter, so its Bedrock call cannot be cancelled; add 'CancellationToken cancellationToken = default'",
        DeclarationCategory,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnknownTemplateVariable = Create(
        DiagnosticIds.UnknownTemplateVariable,
        "Template variable is not a parameter",
        "'{0}' is not a parameter of method '{1}', so rendering fails; {2}",
        TemplateCategory);

    public static readonly DiagnosticDescriptor UnusedParameter = Create(
        DiagnosticIds.UnusedParameter,
        "Parameter is not used by any template",
        "Parameter '{0}' of method '{1}' is not used by its [Prompt] or [SystemPrompt] template, so the model never sees it; use it as {{{{ {0} }}}} or remove it",
        TemplateCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownTemplateMember = Create(
        DiagnosticIds.UnknownTemplateMember,
        "Template member does not exist on the type",
        "'{0}' has no member '{1}' that templates can read, so rendering fails; {2}",
        TemplateCategory);

    public static readonly DiagnosticDescriptor UnknownModel = Create(
        DiagnosticIds.UnknownModel,
        "Model id is not in the model catalog",
        "Model '{0}' is not in PromptGen's model catalog (as of {1}); {2}",
        ModelCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MalformedModelId = Create(
        DiagnosticIds.MalformedModelId,
        "Model id is malformed",
        "'{0}' is not a Bedrock model id, inference profile id or ARN, and Bedrock rejects it; write an id such as 'us.anthropic.claude-haiku-4-5-20251001-v1:0'",
        ModelCategory);

    public static readonly DiagnosticDescriptor LegacyModel = Create(
        DiagnosticIds.LegacyModel,
        "Model is legacy",
        "Model '{0}' is a legacy model on Bedrock{1}; {2}",
        ModelCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EndOfLifeModel = Create(
        DiagnosticIds.EndOfLifeModel,
        "Model has reached end of life",
        "Model '{0}' reached end of life on Bedrock {1}, and calls to it fail; {2}",
        ModelCategory);

    public static readonly DiagnosticDescriptor InvalidCatalogFile = Create(
        DiagnosticIds.InvalidCatalogFile,
        "Model catalog file cannot be read",
        "PromptGen cannot read the model catalog file '{0}' {1}; none of its models are used until it is fixed",
        ModelCategory);

    public static readonly DiagnosticDescriptor InferenceProfileRequired = Create(
        DiagnosticIds.InferenceProfileRequired,
        "Model is served only through an inference profile",
        "Bedrock serves '{0}' on demand only through an inference profile, so the base id fails; use '{1}' (profiles: {2})",
        ModelCategory);

    public static readonly DiagnosticDescriptor MaxTokensAboveModelLimit = Create(
        DiagnosticIds.MaxTokensAboveModelLimit,
        "MaxTokens is above the model's output limit",
        "MaxTokens {0} for method '{1}' is above the {2} output tokens model '{3}' can generate; set MaxTokens to {2} or less",
        ModelCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InferenceSettingOutOfRange = Create(
        DiagnosticIds.InferenceSettingOutOfRange,
        "Inference setting is out of range",
        "{0} = {1} is outside {2}, and Bedrock rejects it; use a value in {2}",
        ModelCategory);

    public static readonly DiagnosticDescriptor ReasoningNotSupported = Create(
        DiagnosticIds.ReasoningNotSupported,
        "Model has no extended thinking",
        "Model '{0}' has no Claude extended thinking, which [Reasoning] asks for on method '{1}'; Bedrock would reject the 'thinking' field, so remove [Reasoning] or call a Claude model with reasoning",
        ModelCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ThinkingBudgetOutOfRange = Create(
        DiagnosticIds.ThinkingBudgetOutOfRange,
        "Thinking budget is out of range",
        "[Reasoning] BudgetTokens = {0} on method '{1}' {2}",
        ModelCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ThinkingIncompatibleSetting = Create(
        DiagnosticIds.ThinkingIncompatibleSetting,
        "Setting is not allowed with extended thinking",
        "Method '{0}' uses [Reasoning], which Claude does not allow with {1}; {2}",
        ModelCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidGuardrailReference = Create(
        DiagnosticIds.InvalidGuardrailReference,
        "Guardrail identifier or version is not valid",
        "Guardrail {0} '{1}' is not one Bedrock accepts: {2}",
        ModelCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidRequestMetadata = Create(
        DiagnosticIds.InvalidRequestMetadata,
        "Request metadata is outside Bedrock's limits",
        "Request metadata {0} '{1}' {2}",
        ModelCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SystemPromptNotSupported = Create(
        DiagnosticIds.SystemPromptNotSupported,
        "Model does not accept a system prompt",
        "Model '{0}' does not accept a system prompt, but method '{1}' has [SystemPrompt]; move the instructions into [Prompt] or choose a model that takes a system prompt",
        ModelCategory);

    public static readonly DiagnosticDescriptor PromptAttributeOutsidePromptClient = Create(
        DiagnosticIds.PromptAttributeOutsidePromptClient,
        "Prompt attribute outside a prompt client",
        "[{0}] on method '{1}' of '{2}' does nothing: PromptGen only implements abstract methods of a [PromptClient] partial interface{3}",
        DeclarationCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TooManyStopSequences = Create(
        DiagnosticIds.TooManyStopSequences,
        "Too many stop sequences for the model",
        "{0} stop sequences for method '{1}' are more than the {2} model '{3}' takes; keep at most {2}",
        ModelCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EmptyStopSequence = Create(
        DiagnosticIds.EmptyStopSequence,
        "Stop sequence is empty",
        "Stop sequence {0} is an empty string, and Bedrock rejects it; remove it or give it text",
        ModelCategory);

    public static readonly DiagnosticDescriptor SchemaSentInPrompt = Create(
        DiagnosticIds.SchemaSentInPrompt,
        "Result schema is sent in the prompt",
        "Method '{0}' returns a typed result, but model '{1}' has neither native structured output nor forced tool choice, so PromptGen uses the {2} strategy: the JSON schema is sent in the prompt and the answer is validated and repaired; choose a model with tool use for stronger guarantees",
        ResultCategory,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor StructuredOutputStrategyNotSupported = Create(
        DiagnosticIds.StructuredOutputStrategyNotSupported,
        "Structured output strategy is not supported by the model",
        "Strategy {0} needs a capability model '{1}' does not have, so method '{2}' fails with a 400 from Bedrock; use StructuredOutputStrategy.{3} or remove the Strategy to let PromptGen choose",
        ResultCategory);

    public static readonly DiagnosticDescriptor PartialTypeNameMismatch = Create(
        DiagnosticIds.PartialTypeNameMismatch,
        "Streamed result names the wrong partial type",
        "Method '{0}' streams '{1}', whose partial type PromptGen generates as '{2}' (nested in the interface); return ResultStream<{1}, {2}>",
        ResultCategory);

    public static readonly DiagnosticDescriptor EnumWithoutFallback = Create(
        DiagnosticIds.EnumWithoutFallback,
        "Result enum has no fallback member",
        "Enum '{0}' in the result of method '{1}' has no fallback member, and model '{2}' gets the schema only in the prompt (PromptOnly), so an answer that fits no member fails validation; add a member named Unknown, Other, None or Unspecified, or make its uses nullable",
        ResultCategory,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ValidationAttributeMismatch = Create(
        DiagnosticIds.ValidationAttributeMismatch,
        "Validation attribute does not fit the member's type",
        "[{0}] on '{1}' does not fit its type '{2}': it applies to {3}, so the answer is never checked against it; {4}",
        ResultCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MultipleHistoryParameters = Create(
        DiagnosticIds.MultipleHistoryParameters,
        "Prompt method has more than one conversation history",
        "Method '{0}' takes the conversation history in '{1}' already; '{2}' would be a second one. Pass one list of prior turns.",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor DuplicateFallbackModel = Create(
        DiagnosticIds.DuplicateFallbackModel,
        "Fallback model is tried already",
        "Model '{0}' is tried already before this fallback of method '{1}', so falling back to it again only repeats a failed call; remove it",
        ModelCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MediaAttributeMismatch = Create(
        DiagnosticIds.MediaAttributeMismatch,
        "Media attribute does not fit its parameter",
        "Parameter '{0}' has [{1}], which does not fit its type '{2}': {3}",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor MediaFormatMissing = Create(
        DiagnosticIds.MediaFormatMissing,
        "Raw media parameter needs a format",
        "Parameter '{0}' is sent as a {1} from raw bytes, which carry no format; write [{2}({2}Format.…)]",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor StreamMediaInStreamingMethod = Create(
        DiagnosticIds.StreamMediaInStreamingMethod,
        "Stream media parameter in a streaming method",
        "Parameter '{0}' is a Stream, which is read asynchronously before the call, but streaming method '{1}' builds its request synchronously; take a Prompt{2} (read it first with Prompt{2}.FromStreamAsync) or the bytes instead",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor InvalidDocumentName = Create(
        DiagnosticIds.InvalidDocumentName,
        "Document name is refused by Bedrock",
        "Document name '{0}' of parameter '{1}' is refused by Bedrock: {2}; for example '{3}'",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor ModelLacksMediaCapability = Create(
        DiagnosticIds.ModelLacksMediaCapability,
        "Model does not accept this media",
        "Parameter '{0}' of method '{1}' sends {2}, which {3} does not accept through Converse, so the call fails; choose a model that reads {2} or remove the parameter",
        ModelCategory);

    public static readonly DiagnosticDescriptor MediaParameterInTemplate = Create(
        DiagnosticIds.MediaParameterInTemplate,
        "Media parameter used in a template",
        "'{0}' is a media parameter of method '{1}', sent as {2} content blocks beside the text, so a template cannot render it; refer to it in words, such as 'the attached {2}', instead",
        TemplateCategory);

    public static readonly DiagnosticDescriptor BinaryParameterWithoutMediaAttribute = Create(
        DiagnosticIds.BinaryParameterWithoutMediaAttribute,
        "Binary parameter is not sent as media",
        "Parameter '{0}' of method '{1}' is binary data ('{2}') without [Image], [Document] or [Video], so the model never sees it; add the attribute that says what it is",
        DeclarationCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidEmbeddingInput = Create(
        DiagnosticIds.InvalidEmbeddingInput,
        "Embedding method has no single text input",
        "Embedding method '{0}' {1}",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor MediaInputToInvokeMethod = Create(
        DiagnosticIds.MediaInputToInvokeMethod,
        "Image or embedding method takes media",
        "Method '{0}' takes '{1}' ({2}), which PromptGen does not send to image or embedding models; {3}",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor ModelModalityMismatch = Create(
        DiagnosticIds.ModelModalityMismatch,
        "Model does not make what the method returns",
        "Method '{0}' returns {1}, but '{2}' {3}; {4}",
        ModelCategory);

    public static readonly DiagnosticDescriptor InvokeSettingNotAccepted = Create(
        DiagnosticIds.InvokeSettingNotAccepted,
        "Image or embedding setting is not accepted by the model",
        "{0} is not accepted by {1} ('{2}'): {3}",
        ModelCategory);

    public static readonly DiagnosticDescriptor ImageInputNotAccepted = Create(
        DiagnosticIds.ImageInputNotAccepted,
        "Model does not take this image input",
        "'{0}' is not accepted by {1} ('{2}'): {3}",
        ModelCategory);

    public static readonly DiagnosticDescriptor ImageInputIncomplete = Create(
        DiagnosticIds.ImageInputIncomplete,
        "Image inputs do not make a request",
        "Method '{0}': {1}",
        DeclarationCategory);

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        PromptClientNotPartial,
        UnsupportedReturnType,
        MissingPromptAttribute,
        UnsupportedPromptClientShape,
        UnsupportedParameter,
        GeneratedNameCollision,
        InvalidRequestMetadataParameter,
        InvalidModelRequestFields,
        CachePointAfterNoTools,
        InternalError,
        TemplateSyntaxError,
        NoModel,
        UnsupportedResultType,
        MissingCancellationToken,
        UnknownTemplateVariable,
        UnusedParameter,
        UnknownTemplateMember,
        LoopOverNonCollection,
        EmptyTemplate,
        OtherTemplateLanguageSyntax,
        UnknownModel,
        MalformedModelId,
        LegacyModel,
        EndOfLifeModel,
        InvalidCatalogFile,
        InferenceProfileRequired,
        MaxTokensAboveModelLimit,
        InferenceSettingOutOfRange,
        SystemPromptNotSupported,
        ReasoningNotSupported,
        ThinkingBudgetOutOfRange,
        ThinkingIncompatibleSetting,
        InvalidGuardrailReference,
        InvalidRequestMetadata,
        PromptAttributeOutsidePromptClient,
        TooManyStopSequences,
        EmptyStopSequence,
        SchemaSentInPrompt,
        StructuredOutputStrategyNotSupported,
        PartialTypeNameMismatch,
        EnumWithoutFallback,
        ValidationAttributeMismatch,
        TemplateNotCompiled,
        MethodWithoutDescriptor,
        MultipleHistoryParameters,
        DuplicateFallbackModel,
        MediaAttributeMismatch,
        MediaFormatMissing,
        StreamMediaInStreamingMethod,
        InvalidDocumentName,
        ModelLacksMediaCapability,
        MediaParameterInTemplate,
        BinaryParameterWithoutMediaAttribute,
        InvalidEmbeddingInput,
        MediaInputToInvokeMethod,
        ModelModalityMismatch,
        InvokeSettingNotAccepted,
        ImageInputNotAccepted,
        ImageInputIncomplete).AddRange(ToolDiagnostics.All).AddRange(RetrievalDiagnostics.All);

    public static DiagnosticDescriptor ById(string id) => All.First(descriptor => descriptor.Id == id);

    internal static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
