using Microsoft.CodeAnalysis;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// PromptGen's attribute types, resolved once per compilation so that each symbol is matched by identity rather
/// than by formatting its name again and again while the user types.
/// </summary>
internal sealed class PromptSymbols
{
    private PromptSymbols(
        Compilation compilation,
        INamedTypeSymbol promptClient,
        INamedTypeSymbol prompt,
        INamedTypeSymbol systemPrompt,
        INamedTypeSymbol model,
        INamedTypeSymbol inference,
        INamedTypeSymbol? cancellationToken,
        INamedTypeSymbol? promptDefaults,
        INamedTypeSymbol? notInTemplate,
        INamedTypeSymbol? fallbackModels)
    {
        FallbackModels = fallbackModels;
        Compilation = compilation;
        PromptDefaults = promptDefaults;
        NotInTemplate = notInTemplate;
        PromptClient = promptClient;
        Prompt = prompt;
        SystemPrompt = systemPrompt;
        Model = model;
        Inference = inference;
        CancellationToken = cancellationToken;
    }

    /// <summary>The compilation being analyzed, e.g. to read the constants a template is built from.</summary>
    public Compilation Compilation { get; }

    public INamedTypeSymbol PromptClient { get; }

    public INamedTypeSymbol Prompt { get; }

    public INamedTypeSymbol SystemPrompt { get; }

    public INamedTypeSymbol Model { get; }

    public INamedTypeSymbol Inference { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    /// <summary><c>[assembly: PromptDefaults]</c>; null when referencing a PromptGen that predates it.</summary>
    public INamedTypeSymbol? PromptDefaults { get; }

    /// <summary><c>[NotInTemplate]</c> on a parameter; null when referencing a PromptGen that predates it.</summary>
    public INamedTypeSymbol? NotInTemplate { get; }

    /// <summary><c>[FallbackModels]</c>; null when referencing a PromptGen that predates it.</summary>
    public INamedTypeSymbol? FallbackModels { get; }

    /// <summary>Null when the compilation does not reference PromptGen: then there is nothing to analyze.</summary>
    public static PromptSymbols? From(Compilation compilation)
    {
        INamedTypeSymbol? promptClient = compilation.GetTypeByMetadataName(KnownNames.PromptClientAttribute);
        INamedTypeSymbol? prompt = compilation.GetTypeByMetadataName(KnownNames.PromptAttribute);
        INamedTypeSymbol? systemPrompt = compilation.GetTypeByMetadataName(KnownNames.SystemPromptAttribute);
        INamedTypeSymbol? model = compilation.GetTypeByMetadataName(KnownNames.ModelAttribute);
        INamedTypeSymbol? inference = compilation.GetTypeByMetadataName(KnownNames.InferenceAttribute);
        if (promptClient is null || prompt is null || systemPrompt is null || model is null || inference is null)
        {
            return null;
        }

        return new PromptSymbols(
            compilation,
            promptClient,
            prompt,
            systemPrompt,
            model,
            inference,
            compilation.GetTypeByMetadataName(KnownNames.CancellationToken),
            compilation.GetTypeByMetadataName(KnownNames.PromptDefaultsAttribute),
            compilation.GetTypeByMetadataName(KnownNames.NotInTemplateAttribute),
            compilation.GetTypeByMetadataName(KnownNames.FallbackModelsAttribute));
    }

    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    public bool IsCancellationToken(ITypeSymbol type) =>
        CancellationToken is not null && SymbolEqualityComparer.Default.Equals(type, CancellationToken);
}
