using System.Linq;

namespace PromptGen.Generators.Models;

/// <summary>Everything the emitter needs to write one prompt interface's implementation. No symbols, no syntax.</summary>
internal sealed record PromptClientModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string InterfaceName,
    string FullyQualifiedInterfaceName,
    string ImplementationName,
    string HintName,
    EquatableArray<PromptMethodModel> Methods,
    EquatableArray<string> TemplateTypes)
{
    /// <summary>
    /// A method's signature names a type that does not compile: no implementation could name it, so only the factory
    /// (which cannot be reached while the build fails) and the streamed partial types are generated, and the
    /// compiler's CS0246 is the only error.
    /// </summary>
    public bool HasUnresolvedTypes { get; init; }

    /// <summary>The interface is marked [PromptDescriptors]: its methods get descriptors (see PromptDescriptorEmitter).</summary>
    public bool HasDescriptors { get; init; }

    /// <summary>
    /// The [PromptClient] interfaces this one inherits: they write the partial types of what their own methods
    /// stream, which this interface then inherits instead of declaring again (see StreamingPartialTypes).
    /// </summary>
    public EquatableArray<BasePromptClientModel> BasePromptClients { get; init; } = EquatableArray<BasePromptClientModel>.Empty;

    /// <summary>
    /// What the inherited client's own generation sees: its methods are those of this model declared in it or its
    /// bases, so whatever it generates for them (partial types, Batch, Descriptors) can be known here.
    /// </summary>
    public PromptClientModel Inherited(BasePromptClientModel baseClient) => this with
    {
        FullyQualifiedInterfaceName = baseClient.FullyQualifiedName,
        Methods = Methods.Where(method => baseClient.Interfaces.Contains(method.FullyQualifiedDeclaringInterface)).ToEquatableArray(),
        HasDescriptors = baseClient.HasDescriptors,
        ContainingTypes = baseClient.ContainingTypes,
        BasePromptClients = EquatableArray<BasePromptClientModel>.Empty,
    };

    /// <summary>Whether an inherited client generates what <paramref name="generates"/> says, so this one hides it.</summary>
    public bool InheritsGenerated(System.Func<PromptClientModel, bool> generates) =>
        BasePromptClients.Any(baseClient => generates(Inherited(baseClient)));
}

/// <summary>
/// An inherited [PromptClient] interface: the interfaces whose methods it implements (itself and its bases), whether
/// it is marked [PromptDescriptors], and the types it is nested in.
/// </summary>
internal sealed record BasePromptClientModel(
    string FullyQualifiedName,
    EquatableArray<string> Interfaces,
    bool HasDescriptors,
    EquatableArray<ContainingTypeModel> ContainingTypes);

/// <summary>A type the interface is nested in, e.g. <c>partial class Outer</c>.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>One interface method to implement.</summary>
internal sealed record PromptMethodModel(
    string Name,
    string FullyQualifiedDeclaringInterface,
    string ReturnType,
    ReturnKind ReturnKind,
    EquatableArray<ParameterModel> Parameters,
    PromptPlan? Plan)
{
    /// <summary>
    /// The result a ResultStream method streams, with its partial type's name. Set even when the method cannot be
    /// generated, so its partial type still exists and the user's declaration naming it raises no second error.
    /// </summary>
    public ResultPlan? StreamedResult { get; init; }

    /// <summary>The tool sets the method offers the model, and its loop settings; null without tools.</summary>
    public ToolingModel? Tools { get; init; }

    /// <summary>An embedding method's call (it has no <see cref="Plan"/>: no template, no Converse); null otherwise.</summary>
    public EmbeddingPlan? Embedding { get; init; }

    /// <summary>
    /// The method's parameters read as one JSON object, for its descriptor; null when the interface has no
    /// [PromptDescriptors] or a parameter has no JSON shape.
    /// </summary>
    public ResultModel? DescriptorArguments { get; init; }

    /// <summary>The decisions that wait for the project's catalog (see <see cref="Models.CatalogChecks"/>); null when none do.</summary>
    public CatalogChecks? CatalogChecks { get; init; }

    /// <summary>
    /// The conversation-history parameter as its descriptor reads it (left out of <see cref="DescriptorArguments"/>);
    /// null without one, or when its type is not one the descriptor can hand a list of turns to.
    /// </summary>
    public DescriptorHistoryModel? DescriptorHistory { get; init; }
}

/// <summary>How the result reaches the caller.</summary>
internal enum ReturnKind
{
    /// <summary>The method cannot be generated; its body throws and a diagnostic says why.</summary>
    Unsupported,
    TaskOfString,
    ValueTaskOfString,
    /// <summary>Task&lt;T&gt; of a type described by <see cref="PromptPlan.Result"/>.</summary>
    TaskOfResult,
    ValueTaskOfResult,
    /// <summary>IAsyncEnumerable&lt;string&gt;: the text as it arrives.</summary>
    TextStream,
    /// <summary>PromptStream: the text as it arrives, then stop reason, usage and metrics.</summary>
    PromptStream,
    /// <summary>ResultStream&lt;T, TPartial&gt;: partial values as they arrive, then the validated T.</summary>
    ResultStream,
    /// <summary>Task of an embedding or a list of them (see <see cref="PromptMethodModel.Embedding"/>).</summary>
    Embedding,
    /// <summary>Task of a GeneratedImage or a list of them (see <see cref="PromptPlan.Image"/>).</summary>
    Image,
}

/// <summary>A method parameter as it appears in the implementing signature and in templates.</summary>
internal sealed record ParameterModel(
    string Identifier,
    string TemplateName,
    string Type,
    string RefKindPrefix,
    bool IsCancellationToken)
{
    /// <summary>Sent as content blocks beside the text (see <see cref="PromptPlan.Media"/>), so no template reads it.</summary>
    public bool IsMedia { get; init; }
}

/// <summary>What to send for a method that can be generated.</summary>
internal sealed record PromptPlan(
    string ModelId,
    string UserTemplate,
    string? SystemTemplate,
    InferenceModel Inference,
    ResultPlan? Result)
{
    /// <summary>The user template compiled to C#; null when it renders with Scriban at run time.</summary>
    public Templates.CompiledTemplate? CompiledUserTemplate { get; init; }

    /// <summary>The system template compiled to C#; null when there is none or it renders with Scriban.</summary>
    public Templates.CompiledTemplate? CompiledSystemTemplate { get; init; }

    /// <summary>Guardrail, cache points, latency, tier, model fields and request metadata; null when none are set.</summary>
    public InvocationOptionsModel? Options { get; init; }

    /// <summary>A text method that returns PromptResult&lt;string&gt;: the text with the call's details.</summary>
    public bool TextWithDetails { get; init; }

    /// <summary>The parameter holding the conversation so far (prior turns before the rendered user turn); null when none.</summary>
    public string? HistoryParameter { get; init; }

    /// <summary>Models to try after <see cref="ModelId"/> fails, in order; empty when the method has none.</summary>
    public EquatableArray<FallbackModel> FallbackModels { get; init; } = EquatableArray<FallbackModel>.Empty;

    /// <summary>Parameters sent as image, document or video content blocks beside the text, in declaration order.</summary>
    public EquatableArray<MediaParameterModel> Media { get; init; } = EquatableArray<MediaParameterModel>.Empty;

    /// <summary>An image method's settings: the user template is the image prompt, sent with InvokeModel; null for chat.</summary>
    public ImagePlan? Image { get; init; }

    /// <summary>The passages retrieved before the call (<c>[Retrieve]</c>); null when the method retrieves nothing.</summary>
    public RetrievalModel? Retrieval { get; init; }

    /// <summary>Some template of the method renders with Scriban at run time (its arguments are collected for it).</summary>
    public bool UsesScriban => CompiledUserTemplate is null || SystemTemplate is not null && CompiledSystemTemplate is null;
}

/// <summary>A fallback model, and for a typed result the strategy the catalog picks for it, with why.</summary>
internal sealed record FallbackModel(string ModelId, string? Strategy, string? StrategyReason);

/// <summary>How a typed result is asked for and read: its shapes and schema, and the strategy for this model.</summary>
internal sealed record ResultPlan(ResultModel Model, string Strategy, string StrategyReason, int MaxRepairAttempts)
{
    /// <summary>
    /// <c>[StructuredOutput(Strategy = …)]</c> chose the strategy (for the fallbacks too); otherwise the catalog did, and
    /// the project's catalog files may choose again.
    /// </summary>
    public bool StrategyIsExplicit { get; init; }

    /// <summary>The method returns PromptResult&lt;T&gt; (value plus attempts and usage) rather than T.</summary>
    public bool WithDetails { get; init; }

    /// <summary>
    /// The <c>TPartial</c> of the <c>ResultStream&lt;T, TPartial&gt;</c> the method returns, as the implementation writes it
    /// (<c>PlanPartial</c>, <c>global::System.Collections.Generic.IReadOnlyList&lt;StepPartial&gt;</c>); null when it does not stream.
    /// </summary>
    public string? StreamedPartialType { get; init; }

    /// <summary>
    /// The generated partial type the stream's values are made of (nested in the interface): the root object's, or a
    /// list's element's; null when the method does not stream or streams a list of scalars.
    /// </summary>
    public string? PartialTypeName { get; init; }
}

/// <summary>Inference settings; null means "not set", so Bedrock's default applies.</summary>
internal sealed record InferenceModel(
    int? MaxTokens,
    double? Temperature,
    double? TopP,
    EquatableArray<string> StopSequences)
{
    public static readonly InferenceModel None = new(null, null, null, EquatableArray<string>.Empty);

    public bool IsEmpty => MaxTokens is null && Temperature is null && TopP is null && StopSequences.IsEmpty;

    /// <summary>Each setting of <paramref name="overrides"/> that is set replaces this one's.</summary>
    public InferenceModel OverriddenBy(InferenceModel overrides) => new(
        overrides.MaxTokens ?? MaxTokens,
        overrides.Temperature ?? Temperature,
        overrides.TopP ?? TopP,
        overrides.StopSequences.IsEmpty ? StopSequences : overrides.StopSequences);
}
