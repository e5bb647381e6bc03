using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Recognises the parameter that carries a conversation's prior turns: one whose type is, or implements,
/// <c>IEnumerable&lt;PromptGen.Message&gt;</c> or <c>IEnumerable&lt;Microsoft.Extensions.AI.ChatMessage&gt;</c>
/// (a list, an array, a read-only list...). It goes before the rendered user turn, not into the template.
/// </summary>
internal static class ConversationParameters
{
    public static bool IsHistory(ITypeSymbol type, KnownTypeSymbols knownTypes)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (IsEnumerableOfTurns(type, knownTypes))
        {
            return true;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (IsEnumerableOfTurns(implemented, knownTypes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The history parameter's identifier, or null; a second one is PG0020 (one conversation per call).</summary>
    public static string? Find(IMethodSymbol method, KnownTypeSymbols knownTypes, Location methodLocation, List<DiagnosticInfo> diagnostics)
    {
        IParameterSymbol? history = null;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (!IsHistory(parameter.Type, knownTypes))
            {
                continue;
            }

            if (history is null)
            {
                history = parameter;
                continue;
            }

            Location location = parameter.Locations.Length > 0 && parameter.Locations[0].IsInSource ? parameter.Locations[0] : methodLocation;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultipleHistoryParameters, location, method.Name, history.Name, parameter.Name));
        }

        if (history is null)
        {
            return null;
        }

        return SyntaxFacts.GetKeywordKind(history.Name) != SyntaxKind.None ? "@" + history.Name : history.Name;
    }

    private static bool IsEnumerableOfTurns(ITypeSymbol type, KnownTypeSymbols knownTypes) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
        && named.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
        && (KnownTypeSymbols.Is(named.TypeArguments[0], knownTypes.ConversationMessage) || KnownTypeSymbols.Is(named.TypeArguments[0], knownTypes.ChatMessage));
}
