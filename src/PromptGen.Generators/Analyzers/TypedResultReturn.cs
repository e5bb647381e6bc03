using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// The typed result a prompt method asks the model for, as the generator reads its return type
/// (<see cref="PromptReturnTypes"/>): T of <c>Task&lt;T&gt;</c> / <c>ValueTask&lt;T&gt;</c> (also through
/// <c>PromptResult&lt;T&gt;</c>) and of a streamed <c>ResultStream&lt;T, TPartial&gt;</c>; never a text result, nor
/// one whose type does not compile.
/// </summary>
internal static class TypedResultReturn
{
    /// <summary>
    /// T, or null for a text result. <c>Task&lt;string?&gt;</c> is a typed result (a nullable string the model answers
    /// as JSON), as the generator reads it; only <c>Task&lt;string&gt;</c> is text.
    /// </summary>
    public static ITypeSymbol? ResultTypeOf(ITypeSymbol returnType, KnownTypeSymbols knownTypes) =>
        PromptReturnTypes.Classify(returnType, knownTypes).ResultType is { TypeKind: not TypeKind.Error } result ? result : null;

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
