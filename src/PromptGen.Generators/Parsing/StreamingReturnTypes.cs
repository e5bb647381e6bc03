using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// The streaming return types: <c>IAsyncEnumerable&lt;string&gt;</c>, <c>PromptStream</c> and
/// <c>ResultStream&lt;T, TPartial&gt;</c>, whose <c>TPartial</c> is generated (nested in the interface) and so is
/// not yet a type when the generator runs: it is recognised by name.
/// </summary>
internal static class StreamingReturnTypes
{
    /// <summary>False when <paramref name="returnType"/> is not a streaming type (the caller tries Task&lt;T&gt;...).</summary>
    public static bool TryClassify(ITypeSymbol returnType, KnownTypeSymbols knownTypes, out ReturnKind kind, out ITypeSymbol? resultType, out ITypeSymbol? partialType)
    {
        kind = ReturnKind.Unsupported;
        resultType = null;
        partialType = null;
        if (returnType is not INamedTypeSymbol named)
        {
            return false;
        }

        if (KnownTypeSymbols.Is(named, knownTypes.PromptStream))
        {
            kind = ReturnKind.PromptStream;
            return true;
        }

        if (KnownTypeSymbols.IsConstructionOf(named, knownTypes.AsyncEnumerable))
        {
            // Only text streams; a stream of complete values of T would need a different answer format.
            ITypeSymbol element = named.TypeArguments[0];
            kind = element.SpecialType == SpecialType.System_String && element.NullableAnnotation != NullableAnnotation.Annotated
                ? ReturnKind.TextStream
                : ReturnKind.Unsupported;
            return true;
        }

        if (KnownTypeSymbols.IsConstructionOf(named, knownTypes.ResultStream))
        {
            kind = ReturnKind.ResultStream;
            resultType = named.TypeArguments[0];
            partialType = named.TypeArguments[1];
            return true;
        }

        return false;
    }

    /// <summary>The name of the partial type generated for <paramref name="resultType"/>.</summary>
    public static string PartialTypeName(ITypeSymbol resultType) => resultType.Name + "Partial";

    /// <summary>Why <paramref name="result"/> cannot be streamed as partial values, or null when it can.</summary>
    public static string? StreamingProblem(ResultModel result) =>
        result.Root.Kind == ValueKind.Object && !result.IsWrapped && !result.Root.IsNullable
            ? null
            : "partial values are streamed for a record or class result; wrap the value in a record to stream it";
}
