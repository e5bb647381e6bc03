using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Parsing;

/// <summary>What an image or embedding method makes.</summary>
internal enum InvokeKind
{
    Embedding,
    Image,
}

/// <summary>
/// The return type of an image or embedding method: what it makes, whether one or a list, and for embeddings whether
/// bare vectors (<c>ReadOnlyMemory&lt;float&gt;</c>) rather than <c>Embedding&lt;float&gt;</c>.
/// </summary>
internal readonly record struct InvokeReturnType(InvokeKind Kind, bool Many, bool Bare);

/// <summary>Recognises image and embedding return types, for the generator and the analyzers alike.</summary>
internal static class InvokeReturnTypes
{
    /// <summary>
    /// <c>Task&lt;X&gt;</c> where X is <c>Embedding&lt;float&gt;</c>, <c>ReadOnlyMemory&lt;float&gt;</c>,
    /// <c>GeneratedImage</c> or an <c>IReadOnlyList</c> of one of them; null for any other type (a chat method).
    /// </summary>
    public static InvokeReturnType? Classify(ITypeSymbol returnType, KnownTypeSymbols knownTypes)
    {
        if (!KnownTypeSymbols.IsConstructionOf(returnType, knownTypes.Task))
        {
            return null;
        }

        ITypeSymbol result = ((INamedTypeSymbol)returnType).TypeArguments[0];
        bool many = KnownTypeSymbols.IsConstructionOf(result, knownTypes.ReadOnlyList);
        ITypeSymbol item = many ? ((INamedTypeSymbol)result).TypeArguments[0] : result;
        if (KnownTypeSymbols.Is(item, knownTypes.GeneratedImage))
        {
            return new InvokeReturnType(InvokeKind.Image, many, Bare: false);
        }

        bool embedding = KnownTypeSymbols.IsConstructionOf(item, knownTypes.Embedding);
        bool memory = KnownTypeSymbols.IsConstructionOf(item, knownTypes.ReadOnlyMemory);
        return (embedding || memory) && ((INamedTypeSymbol)item).TypeArguments[0].SpecialType == SpecialType.System_Single
            ? new InvokeReturnType(InvokeKind.Embedding, many, Bare: memory)
            : null;
    }

    /// <summary>What the method returns, as a diagnostic says it.</summary>
    public static string Describe(InvokeReturnType returns) => returns switch
    {
        { Kind: InvokeKind.Image, Many: false } => "an image",
        { Kind: InvokeKind.Image } => "images",
        { Many: false } => "an embedding",
        _ => "embeddings",
    };
}
