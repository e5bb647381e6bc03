using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// A <c>[PromptClient]</c> interface as the analyzers see it: its rules (the generator's, see
/// <see cref="PromptClientRules"/>) and its own prompt methods. It holds symbols, so it lives only for one analyzer
/// callback.
/// </summary>
internal sealed class PromptDeclaration
{
    private PromptDeclaration(PromptClientRules rules, IReadOnlyList<PromptMethod> methods, ModelTable catalog)
    {
        Rules = rules;
        Methods = methods;
        Catalog = catalog;
    }

    public INamedTypeSymbol Symbol => Rules.Client;

    public PromptClientRules Rules { get; }

    public IReadOnlyList<PromptMethod> Methods { get; }

    /// <summary>The model catalog of the project (built-in, with its <c>promptgen.models.json</c> laid over it).</summary>
    public ModelTable Catalog { get; }

    public static PromptDeclaration? TryRead(ISymbol symbol, KnownTypeSymbols knownTypes) => TryRead(symbol, knownTypes, ModelCatalog.BuiltIn);

    public static PromptDeclaration? TryRead(ISymbol symbol, KnownTypeSymbols knownTypes, ModelTable catalog)
    {
        if (PromptClientRules.TryRead(symbol, knownTypes) is not { } rules)
        {
            return null;
        }

        var methods = new List<PromptMethod>();
        // Only the interface's own members: an inherited method is declared elsewhere and analyzed there (and a base
        // shared by two clients would otherwise be reported twice).
        foreach (ISymbol member in rules.Client.GetMembers())
        {
            // A method whose signature names a type that does not compile is the compiler's to report (CS0246);
            // judging it would only add noise about a method that cannot be generated yet.
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsStatic: false } method && !knownTypes.HasUnresolvedSignature(method))
            {
                methods.Add(new PromptMethod(rules.For(method), catalog));
            }
        }

        return new PromptDeclaration(rules, methods, catalog);
    }
}

/// <summary>One abstract method of a prompt client and what applies to it (<see cref="PromptMethodRules"/>).</summary>
internal sealed class PromptMethod
{
    public PromptMethod(PromptMethodRules rules, ModelTable catalog)
    {
        Rules = rules;
        Catalog = catalog;
    }

    /// <summary>The model catalog of the project, as on <see cref="PromptDeclaration.Catalog"/>.</summary>
    public ModelTable Catalog { get; }

    public IMethodSymbol Symbol => Rules.Method;

    public PromptMethodRules Rules { get; }

    /// <summary>The method's <c>[Prompt]</c>; null when it has none.</summary>
    public AttributeData? Prompt => Rules.Prompt;

    /// <summary>The <c>[SystemPrompt]</c> that applies: the method's own, else the interface's.</summary>
    public AttributeData? SystemPrompt => Rules.SystemPrompt.Attribute;
}
