using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// The settings of one <c>[PromptClient]</c> interface that its methods fall back to, read once per interface, and
/// the door to <see cref="PromptMethodRules"/>. The generator's parser and the analyzers both start here.
/// It holds symbols: it lives for one transform or one analyzer callback and never enters a model.
/// </summary>
internal sealed class PromptClientRules
{
    private PromptClientRules(INamedTypeSymbol client, AttributeData clientAttribute, KnownTypeSymbols knownTypes)
    {
        Client = client;
        ClientAttribute = clientAttribute;
        KnownTypes = knownTypes;
        AssemblyDefaults = AttributeReader.Find(client.ContainingAssembly, knownTypes.PromptDefaultsAttribute);
        SystemPrompt = AttributeReader.Find(client, knownTypes.SystemPromptAttribute);
        Inference = AttributeReader.Find(client, knownTypes.InferenceAttribute);
        StructuredOutput = AttributeReader.Find(client, knownTypes.StructuredOutputAttribute);
        FallbackModels = AttributeReader.Find(client, knownTypes.FallbackModelsAttribute);
        Embedding = AttributeReader.Find(client, knownTypes.EmbeddingAttribute);
        ImageGeneration = AttributeReader.Find(client, knownTypes.ImageGenerationAttribute);
    }

    public INamedTypeSymbol Client { get; }

    /// <summary>The interface's <c>[PromptClient]</c>, whose <c>Model</c> applies to methods that name none.</summary>
    public AttributeData ClientAttribute { get; }

    public KnownTypeSymbols KnownTypes { get; }

    /// <summary><c>[assembly: PromptDefaults]</c> of the interface's assembly: the last place a model comes from.</summary>
    public AttributeData? AssemblyDefaults { get; }

    public AttributeData? SystemPrompt { get; }

    public AttributeData? Inference { get; }

    public AttributeData? StructuredOutput { get; }

    public AttributeData? FallbackModels { get; }

    /// <summary>The interface's <c>[Embedding]</c>, for embedding methods that declare none.</summary>
    public AttributeData? Embedding { get; }

    /// <summary>The interface's <c>[ImageGeneration]</c>, for image methods that declare none.</summary>
    public AttributeData? ImageGeneration { get; }

    /// <summary>The rules of <paramref name="client"/>, given its <c>[PromptClient]</c> attribute.</summary>
    public static PromptClientRules Read(INamedTypeSymbol client, AttributeData clientAttribute, KnownTypeSymbols knownTypes) =>
        new(client, clientAttribute, knownTypes);

    /// <summary>The rules of <paramref name="type"/>, or null when it is no <c>[PromptClient]</c> interface.</summary>
    public static PromptClientRules? TryRead(ISymbol type, KnownTypeSymbols knownTypes) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Interface } client
        && AttributeReader.Find(client, knownTypes.PromptClientAttribute) is { } clientAttribute
            ? new PromptClientRules(client, clientAttribute, knownTypes)
            : null;

    /// <summary>What applies to <paramref name="method"/>, one of this interface's methods or of a base interface.</summary>
    public PromptMethodRules For(IMethodSymbol method) => PromptMethodRules.Read(this, method);
}
