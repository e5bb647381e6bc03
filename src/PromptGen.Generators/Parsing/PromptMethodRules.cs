using Microsoft.CodeAnalysis;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// What applies to one prompt method: its templates, model, fallback models, system prompt, result strategy and
/// inference settings, each with the attribute it comes from. The generator's parser turns these decisions into the
/// model it emits and every analyzer judges them, so the two cannot disagree about a method (a test holds them to it
/// over every prompt interface of the repository). The analyzers find their own locations from the attributes.
/// </summary>
internal sealed class PromptMethodRules
{
    private PromptMethodRules(PromptClientRules client, IMethodSymbol method)
    {
        KnownTypeSymbols knownTypes = client.KnownTypes;
        Method = method;
        Invoke = InvokeReturnTypes.Classify(method.ReturnType, knownTypes);
        Prompt = AttributeReader.Find(method, knownTypes.PromptAttribute);
        Model = ModelChoice.Resolve(AttributeReader.Find(method, knownTypes.ModelAttribute), client.ClientAttribute, client.AssemblyDefaults);
        FallbackModels = Invoke is null
            ? FallbackModelsChoice.Resolve(AttributeReader.Find(method, knownTypes.FallbackModelsAttribute), client.FallbackModels)
            : FallbackModelsChoice.Resolve(null, null);
        // Image and embedding methods send no system prompt and no inference settings: the interface's do not apply.
        SystemPrompt = Invoke is null
            ? SystemPromptChoice.Resolve(AttributeReader.Find(method, knownTypes.SystemPromptAttribute), client.SystemPrompt)
            : SystemPromptChoice.Resolve(null, null);
        StructuredOutput = AttributeReader.Find(method, knownTypes.StructuredOutputAttribute) ?? client.StructuredOutput;
        Inference = Invoke is null
            ? InferenceChoice.Resolve(AttributeReader.Find(method, knownTypes.InferenceAttribute), client.Inference)
            : InferenceChoice.Resolve(null, null);
        EmbeddingSettings = AttributeReader.Find(method, knownTypes.EmbeddingAttribute) ?? client.Embedding;
        ImageSettings = AttributeReader.Find(method, knownTypes.ImageGenerationAttribute) ?? client.ImageGeneration;
        Retrieval = RetrievalChoice.Read(method, knownTypes);
        Templates = MethodTemplate.Of(Prompt, SystemPrompt.Attribute, Retrieval);
    }

    /// <summary>Every template of the method (user, system, retrieval query), as all their readers judge them.</summary>
    public System.Collections.Generic.IReadOnlyList<MethodTemplate> Templates { get; }

    /// <summary>The method's <c>[Retrieve]</c>: passages retrieved before the call; null when it has none.</summary>
    public RetrievalChoice? Retrieval { get; }

    public IMethodSymbol Method { get; }

    /// <summary>The method's <c>[Prompt]</c>; null when it has none (PG0004).</summary>
    public AttributeData? Prompt { get; }

    /// <summary>The user-turn template; null when there is no <c>[Prompt]</c> or its template is not a string constant.</summary>
    public string? UserTemplate => Prompt is null ? null : AttributeReader.FirstStringArgument(Prompt);

    public ModelChoice Model { get; }

    public FallbackModelsChoice FallbackModels { get; }

    public SystemPromptChoice SystemPrompt { get; }

    /// <summary>The method's <c>[StructuredOutput]</c>, else its interface's; null when neither chooses.</summary>
    public AttributeData? StructuredOutput { get; }

    public InferenceChoice Inference { get; }

    /// <summary>What an image or embedding method returns; null for a chat method (text, typed result, stream).</summary>
    public InvokeReturnType? Invoke { get; }

    /// <summary>A chat method: Converse, templates, inference settings, tools. Image and embedding methods are not.</summary>
    public bool IsChat => Invoke is null;

    /// <summary>The method's <c>[Embedding]</c>, else its interface's.</summary>
    public AttributeData? EmbeddingSettings { get; }

    /// <summary>The method's <c>[ImageGeneration]</c>, else its interface's.</summary>
    public AttributeData? ImageSettings { get; }

    /// <summary>
    /// How a typed result is asked of <paramref name="modelId"/> (the method's model or one of its fallbacks), judged
    /// by <paramref name="catalog"/>: the analyzers pass the project's merged catalog; the generator's parser the
    /// built-in one, and its catalog step (<c>CatalogDecisions</c>) decides again with the project's.
    /// </summary>
    public StrategyChoice StrategyFor(string modelId, Catalog.ModelTable? catalog = null) => ResultStrategySelector.Choose(modelId, StructuredOutput, catalog);

    public int MaxRepairAttempts => ResultStrategySelector.MaxRepairAttempts(StructuredOutput);

    internal static PromptMethodRules Read(PromptClientRules client, IMethodSymbol method) => new(client, method);
}
