using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// A <c>[PromptClient]</c> interface as the analyzers see it: the interface-wide attributes and, per prompt
/// method, the attributes that apply to it. It holds symbols, so it lives only for one analyzer callback.
/// </summary>
internal sealed class PromptDeclaration
{
    private PromptDeclaration(
        INamedTypeSymbol symbol,
        AttributeData client,
        AttributeData? systemPrompt,
        AttributeData? inference,
        AttributeData? assemblyDefaults,
        AttributeData? fallbackModels,
        IReadOnlyList<PromptMethod> methods)
    {
        FallbackModels = fallbackModels;
        AssemblyDefaults = assemblyDefaults;
        Symbol = symbol;
        Client = client;
        SystemPrompt = systemPrompt;
        Inference = inference;
        Methods = methods;
    }

    public INamedTypeSymbol Symbol { get; }

    public AttributeData Client { get; }

    /// <summary>The interface's <c>[SystemPrompt]</c>, which every method without its own inherits.</summary>
    public AttributeData? SystemPrompt { get; }

    public AttributeData? Inference { get; }

    /// <summary><c>[assembly: PromptDefaults]</c> of the interface's assembly, whose model applies when neither the method nor the interface names one.</summary>
    public AttributeData? AssemblyDefaults { get; }

    /// <summary>The interface's <c>[FallbackModels]</c>, which every method without its own inherits.</summary>
    public AttributeData? FallbackModels { get; }

    public IReadOnlyList<PromptMethod> Methods { get; }

    public static PromptDeclaration? TryRead(ISymbol symbol, KnownTypeSymbols knownTypes)
    {
        if (symbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } type
            || AttributeReader.Find(type, knownTypes.PromptClientAttribute) is not { } client)
        {
            return null;
        }

        AttributeData? interfaceSystemPrompt = AttributeReader.Find(type, knownTypes.SystemPromptAttribute);
        var methods = new List<PromptMethod>();
        // Only the interface's own members: an inherited method is declared elsewhere and analyzed there (and a base
        // shared by two clients would otherwise be reported twice).
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsStatic: false } method)
            {
                methods.Add(new PromptMethod(
                    method,
                    AttributeReader.Find(method, knownTypes.PromptAttribute),
                    AttributeReader.Find(method, knownTypes.SystemPromptAttribute) ?? interfaceSystemPrompt,
                    AttributeReader.Find(method, knownTypes.ModelAttribute),
                    AttributeReader.Find(method, knownTypes.InferenceAttribute))
                {
                    FallbackModels = AttributeReader.Find(method, knownTypes.FallbackModelsAttribute),
                });
            }
        }

        AttributeData? assemblyDefaults = AttributeReader.Find(type.ContainingAssembly, knownTypes.PromptDefaultsAttribute);
        AttributeData? fallbackModels = AttributeReader.Find(type, knownTypes.FallbackModelsAttribute);
        return new PromptDeclaration(type, client, interfaceSystemPrompt, AttributeReader.Find(type, knownTypes.InferenceAttribute), assemblyDefaults, fallbackModels, methods);
    }
}

/// <summary>One abstract method of a prompt client and the attributes that apply to it.</summary>
/// <param name="SystemPrompt">The method's own <c>[SystemPrompt]</c>, else the interface's.</param>
internal sealed record PromptMethod(
    IMethodSymbol Symbol,
    AttributeData? Prompt,
    AttributeData? SystemPrompt,
    AttributeData? Model,
    AttributeData? Inference)
{
    /// <summary>The method's own <c>[FallbackModels]</c>; the interface's applies when this is null.</summary>
    public AttributeData? FallbackModels { get; init; }
}
