using System.Collections.Generic;
using Microsoft.CodeAnalysis;

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

    public static PromptDeclaration? TryRead(ISymbol symbol, PromptSymbols symbols)
    {
        if (symbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } type
            || PromptSymbols.Find(type, symbols.PromptClient) is not { } client)
        {
            return null;
        }

        AttributeData? interfaceSystemPrompt = PromptSymbols.Find(type, symbols.SystemPrompt);
        var methods = new List<PromptMethod>();
        // Only the interface's own members: an inherited method is declared elsewhere and analyzed there (and a base
        // shared by two clients would otherwise be reported twice).
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsStatic: false } method)
            {
                methods.Add(new PromptMethod(
                    method,
                    PromptSymbols.Find(method, symbols.Prompt),
                    PromptSymbols.Find(method, symbols.SystemPrompt) ?? interfaceSystemPrompt,
                    PromptSymbols.Find(method, symbols.Model),
                    PromptSymbols.Find(method, symbols.Inference))
                {
                    FallbackModels = symbols.FallbackModels is null ? null : PromptSymbols.Find(method, symbols.FallbackModels),
                });
            }
        }

        AttributeData? assemblyDefaults = symbols.PromptDefaults is null ? null : PromptSymbols.Find(type.ContainingAssembly, symbols.PromptDefaults);
        AttributeData? fallbackModels = symbols.FallbackModels is null ? null : PromptSymbols.Find(type, symbols.FallbackModels);
        return new PromptDeclaration(type, client, interfaceSystemPrompt, PromptSymbols.Find(type, symbols.Inference), assemblyDefaults, fallbackModels, methods);
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
