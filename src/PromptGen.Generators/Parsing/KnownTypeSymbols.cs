using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// The types of <see cref="KnownNames"/> resolved once per compilation, so that the generator and the analyzers match
/// symbols by identity instead of formatting names again and again while the user types. A null type is one the
/// compilation does not have (no PromptGen reference, or an older PromptGen): nothing matches it. It holds symbols,
/// so it lives for one transform or one analyzer compilation and never enters a model.
/// </summary>
internal sealed class KnownTypeSymbols
{
    // Every FAWMN transform of one generator run sees the same compilation: resolve its types once, not per interface.
    private static readonly ConditionalWeakTable<Compilation, KnownTypeSymbols> ByCompilation = new();

    private KnownTypeSymbols(Compilation compilation)
    {
        Compilation = compilation;
        PromptClientAttribute = Resolve(KnownNames.PromptClientAttribute);
        PromptAttribute = Resolve(KnownNames.PromptAttribute);
        SystemPromptAttribute = Resolve(KnownNames.SystemPromptAttribute);
        ModelAttribute = Resolve(KnownNames.ModelAttribute);
        InferenceAttribute = Resolve(KnownNames.InferenceAttribute);
        PromptDefaultsAttribute = Resolve(KnownNames.PromptDefaultsAttribute);
        FallbackModelsAttribute = Resolve(KnownNames.FallbackModelsAttribute);
        StructuredOutputAttribute = Resolve(KnownNames.StructuredOutputAttribute);
        NotInTemplateAttribute = Resolve(KnownNames.NotInTemplateAttribute);
        GuardrailAttribute = Resolve(KnownNames.GuardrailAttribute);
        CachePointAttribute = Resolve(KnownNames.CachePointAttribute);
        LatencyOptimizedAttribute = Resolve(KnownNames.LatencyOptimizedAttribute);
        ServiceTierAttribute = Resolve(KnownNames.ServiceTierAttribute);
        ModelRequestFieldsAttribute = Resolve(KnownNames.ModelRequestFieldsAttribute);
        ReasoningAttribute = Resolve(KnownNames.ReasoningAttribute);
        RequestMetadataAttribute = Resolve(KnownNames.RequestMetadataAttribute);
        ToolAttribute = Resolve(KnownNames.ToolAttribute);
        ToolLoopAttribute = Resolve(KnownNames.ToolLoopAttribute);
        ImageAttribute = Resolve(KnownNames.ImageAttribute);
        DocumentAttribute = Resolve(KnownNames.DocumentAttribute);
        VideoAttribute = Resolve(KnownNames.VideoAttribute);
        PromptImage = Resolve(KnownNames.PromptImage);
        PromptDocument = Resolve(KnownNames.PromptDocument);
        PromptVideo = Resolve(KnownNames.PromptVideo);
        ConversationMessage = Resolve(KnownNames.ConversationMessage);
        ChatMessage = Resolve(KnownNames.ChatMessage);
        AITool = Resolve(KnownNames.AITool);
        BedrockRuntime = Resolve(KnownNames.BedrockRuntime);
        PromptClientInterface = Resolve(KnownNames.PromptClientInterface);
        PromptResult = Resolve(KnownNames.PromptResult);
        PromptStream = Resolve(KnownNames.PromptStream);
        ResultStream = Resolve(KnownNames.ResultStream);
        CancellationToken = Resolve(KnownNames.CancellationToken);
        Task = Resolve(KnownNames.Task);
        ValueTask = Resolve(KnownNames.ValueTask);
        NonGenericTask = Resolve(KnownNames.NonGenericTask);
        NonGenericValueTask = Resolve(KnownNames.NonGenericValueTask);
        AsyncEnumerable = Resolve(KnownNames.AsyncEnumerable);
        ReadOnlyDictionary = Resolve(KnownNames.ReadOnlyDictionary);
        Memory = Resolve(KnownNames.Memory);
        ReadOnlyMemory = Resolve(KnownNames.ReadOnlyMemory);
        Stream = Resolve(KnownNames.Stream);
        DescriptionAttribute = Resolve(KnownNames.DescriptionAttribute);
        EmbeddingAttribute = Resolve(KnownNames.EmbeddingAttribute);
        ImageGenerationAttribute = Resolve(KnownNames.ImageGenerationAttribute);
        MaskAttribute = Resolve(KnownNames.MaskAttribute);
        GeneratedImage = Resolve(KnownNames.GeneratedImage);
        Embedding = Resolve(KnownNames.Embedding);
        ReadOnlyList = Resolve(KnownNames.ReadOnlyList);
        Enumerable = Resolve(KnownNames.Enumerable);
        RetrieveAttribute = Resolve(KnownNames.RetrieveAttribute);
        RetrievedPassage = Resolve(KnownNames.RetrievedPassage);
        PassageRetriever = Resolve(KnownNames.PassageRetriever);
        RetrievalFilter = Resolve(KnownNames.RetrievalFilter);
    }

    public INamedTypeSymbol? RetrieveAttribute { get; }

    public INamedTypeSymbol? RetrievedPassage { get; }

    public INamedTypeSymbol? PassageRetriever { get; }

    public INamedTypeSymbol? RetrievalFilter { get; }

    /// <summary>The compilation the types come from, e.g. to read the constants a template is built from.</summary>
    public Compilation Compilation { get; }

    public INamedTypeSymbol? PromptClientAttribute { get; }

    public INamedTypeSymbol? PromptAttribute { get; }

    public INamedTypeSymbol? SystemPromptAttribute { get; }

    public INamedTypeSymbol? ModelAttribute { get; }

    public INamedTypeSymbol? InferenceAttribute { get; }

    public INamedTypeSymbol? PromptDefaultsAttribute { get; }

    public INamedTypeSymbol? FallbackModelsAttribute { get; }

    public INamedTypeSymbol? StructuredOutputAttribute { get; }

    public INamedTypeSymbol? NotInTemplateAttribute { get; }

    public INamedTypeSymbol? GuardrailAttribute { get; }

    public INamedTypeSymbol? CachePointAttribute { get; }

    public INamedTypeSymbol? LatencyOptimizedAttribute { get; }

    public INamedTypeSymbol? ServiceTierAttribute { get; }

    public INamedTypeSymbol? ModelRequestFieldsAttribute { get; }

    public INamedTypeSymbol? ReasoningAttribute { get; }

    public INamedTypeSymbol? RequestMetadataAttribute { get; }

    public INamedTypeSymbol? ToolAttribute { get; }

    public INamedTypeSymbol? ToolLoopAttribute { get; }

    public INamedTypeSymbol? ImageAttribute { get; }

    public INamedTypeSymbol? DocumentAttribute { get; }

    public INamedTypeSymbol? VideoAttribute { get; }

    public INamedTypeSymbol? PromptImage { get; }

    public INamedTypeSymbol? PromptDocument { get; }

    public INamedTypeSymbol? PromptVideo { get; }

    /// <summary>PromptGen's own conversation turn.</summary>
    public INamedTypeSymbol? ConversationMessage { get; }

    /// <summary>Microsoft.Extensions.AI's conversation turn.</summary>
    public INamedTypeSymbol? ChatMessage { get; }

    /// <summary>Microsoft.Extensions.AI's tool, the base of its functions (and of MCP client tools).</summary>
    public INamedTypeSymbol? AITool { get; }

    /// <summary><c>IPromptClient&lt;TSelf&gt;</c>, whose static <c>Create</c> the generated code implements.</summary>
    public INamedTypeSymbol? PromptClientInterface { get; }

    public INamedTypeSymbol? BedrockRuntime { get; }

    /// <summary>PromptResult&lt;T&gt;, unbound.</summary>
    public INamedTypeSymbol? PromptResult { get; }

    public INamedTypeSymbol? PromptStream { get; }

    /// <summary>ResultStream&lt;T, TPartial&gt;, unbound.</summary>
    public INamedTypeSymbol? ResultStream { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    /// <summary>Task&lt;T&gt;, unbound.</summary>
    public INamedTypeSymbol? Task { get; }

    /// <summary>ValueTask&lt;T&gt;, unbound.</summary>
    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? NonGenericTask { get; }

    public INamedTypeSymbol? NonGenericValueTask { get; }

    /// <summary>IAsyncEnumerable&lt;T&gt;, unbound.</summary>
    public INamedTypeSymbol? AsyncEnumerable { get; }

    /// <summary>IReadOnlyDictionary&lt;TKey, TValue&gt;, unbound.</summary>
    public INamedTypeSymbol? ReadOnlyDictionary { get; }

    public INamedTypeSymbol? Memory { get; }

    public INamedTypeSymbol? ReadOnlyMemory { get; }

    public INamedTypeSymbol? Stream { get; }

    public INamedTypeSymbol? DescriptionAttribute { get; }

    public INamedTypeSymbol? EmbeddingAttribute { get; }

    public INamedTypeSymbol? ImageGenerationAttribute { get; }

    /// <summary>PromptGen.MaskAttribute: the mask (image or prompt) of an image-editing method.</summary>
    public INamedTypeSymbol? MaskAttribute { get; }

    public INamedTypeSymbol? GeneratedImage { get; }

    /// <summary>Microsoft.Extensions.AI's Embedding&lt;T&gt;, unbound.</summary>
    public INamedTypeSymbol? Embedding { get; }

    /// <summary>IReadOnlyList&lt;T&gt;, unbound.</summary>
    public INamedTypeSymbol? ReadOnlyList { get; }

    /// <summary>IEnumerable&lt;T&gt;, unbound.</summary>
    public INamedTypeSymbol? Enumerable { get; }

    /// <summary>
    /// Whether PromptGen's core attributes are there; without them a compilation has no prompt client to read.
    /// </summary>
    public bool ReferencesPromptGen =>
        PromptClientAttribute is not null && PromptAttribute is not null && SystemPromptAttribute is not null
        && ModelAttribute is not null && InferenceAttribute is not null;

    public static KnownTypeSymbols For(Compilation compilation) =>
        ByCompilation.GetValue(compilation, static compilation => new KnownTypeSymbols(compilation));

    /// <summary>Whether <paramref name="type"/> is <paramref name="known"/>; never when the compilation lacks it.</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    /// <summary>Whether <paramref name="type"/> is a construction of the generic <paramref name="definition"/> (e.g. Task&lt;string&gt; of Task&lt;T&gt;).</summary>
    public static bool IsConstructionOf(ITypeSymbol? type, INamedTypeSymbol? definition) =>
        definition is not null && type is INamedTypeSymbol { IsGenericType: true } named
        && SymbolEqualityComparer.Default.Equals(named.ConstructedFrom, definition);

    public bool IsCancellationToken(ITypeSymbol type) => Is(type, CancellationToken);

    /// <summary>
    /// Whether a type in <paramref name="method"/>'s signature does not compile (a missing using, a typo): the compiler
    /// says so (CS0246), so PromptGen reports nothing about the method and generates nothing that names the type. The
    /// TPartial of <c>ResultStream&lt;T, TPartial&gt;</c> is the exception: PromptGen writes it.
    /// </summary>
    public bool HasUnresolvedSignature(IMethodSymbol method)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (ContainsErrorType(parameter.Type))
            {
                return true;
            }
        }

        return method.ReturnType is INamedTypeSymbol named && IsConstructionOf(named, ResultStream)
            ? ContainsErrorType(named.TypeArguments[0])
            : ContainsErrorType(method.ReturnType);
    }

    /// <summary>Whether <paramref name="type"/> is, or is built from, a type that does not compile.</summary>
    public static bool ContainsErrorType(ITypeSymbol? type) => type switch
    {
        null => false,
        IErrorTypeSymbol => true,
        IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
        IPointerTypeSymbol pointer => ContainsErrorType(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
        _ => false,
    };

    private INamedTypeSymbol? Resolve(string metadataName)
    {
        if (Compilation.GetTypeByMetadataName(metadataName) is { } unique)
        {
            return unique;
        }

        // Null also means "more than one": e.g. a polyfill package beside the framework type. Take the one this
        // compilation's own code binds to, which is the one user code can mention.
        INamedTypeSymbol? usable = null;
        foreach (INamedTypeSymbol candidate in Compilation.GetTypesByMetadataName(metadataName))
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, Compilation.Assembly))
            {
                return candidate;
            }

            if (usable is null && Compilation.IsSymbolAccessibleWithin(candidate, Compilation.Assembly))
            {
                usable = candidate;
            }
        }

        return usable;
    }
}
