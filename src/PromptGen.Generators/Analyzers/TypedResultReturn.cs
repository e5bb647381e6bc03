using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// The typed result a prompt method asks the model for, as the generator reads its return type: T of
/// <c>Task&lt;T&gt;</c> / <c>ValueTask&lt;T&gt;</c> (also through <c>PromptResult&lt;T&gt;</c>) and of a streamed
/// <c>ResultStream&lt;T, TPartial&gt;</c>; never a text result.
/// </summary>
internal static class TypedResultReturn
{
    public static ITypeSymbol? ResultTypeOf(ITypeSymbol returnType, KnownTypeSymbols knownTypes)
    {
        if (returnType is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return null;
        }

        ITypeSymbol result;
        if (KnownTypeSymbols.IsConstructionOf(named, knownTypes.ResultStream))
        {
            result = named.TypeArguments[0];
        }
        else if (KnownTypeSymbols.IsConstructionOf(named, knownTypes.Task) || KnownTypeSymbols.IsConstructionOf(named, knownTypes.ValueTask))
        {
            result = named.TypeArguments[0];
            if (KnownTypeSymbols.IsConstructionOf(result, knownTypes.PromptResult))
            {
                result = ((INamedTypeSymbol)result).TypeArguments[0];
            }
        }
        else
        {
            return null;
        }

        return result.SpecialType == SpecialType.System_String || result.TypeKind == TypeKind.Error ? null : result;
    }

    /// <summary>Where the method's return type is written: diagnostics about the result go there.</summary>
    public static Location? ReturnTypeLocation(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
            {
                return declaration.ReturnType.GetLocation();
            }
        }

        return null;
    }
}
