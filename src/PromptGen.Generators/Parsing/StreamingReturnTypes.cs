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

    /// <summary>
    /// The generated partial type a streamed result's partial values are made of: the root object's, or a list's
    /// object element's (<c>{Step}Partial</c>); null for a list of scalars, whose partial values are the scalars.
    /// </summary>
    public static string? GeneratedPartialName(ITypeSymbol resultType, ResultModel result) =>
        result.Root.Kind == ValueKind.Object ? PartialTypeName(resultType)
        : result.Root.Element is { Kind: ValueKind.Object } && ElementOf(resultType) is { } element ? PartialTypeName(element)
        : null;

    /// <summary>
    /// The <c>TPartial</c> of <c>ResultStream&lt;T, TPartial&gt;</c> for <paramref name="resultType"/>, as written in the
    /// interface: <c>PlanPartial</c>, <c>IReadOnlyList&lt;StepPartial&gt;</c>, <c>IReadOnlyList&lt;string&gt;</c>.
    /// </summary>
    public static string ExpectedPartialType(ITypeSymbol resultType, ResultModel result) =>
        result.Root.Kind == ValueKind.Object
            ? PartialTypeName(resultType)
            : $"IReadOnlyList<{GeneratedPartialName(resultType, result) ?? ElementOf(resultType)?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}>";

    /// <summary>Whether <paramref name="partialType"/> is the <see cref="ExpectedPartialType"/> of the result.</summary>
    public static bool IsExpectedPartialType(ITypeSymbol resultType, ITypeSymbol partialType, ResultModel result)
    {
        if (result.Root.Kind == ValueKind.Object)
        {
            return partialType.Name == PartialTypeName(resultType);
        }

        if (partialType is not INamedTypeSymbol { IsGenericType: true } list
            || list.OriginalDefinition.ToDisplayString() != "System.Collections.Generic.IReadOnlyList<T>"
            || ElementOf(resultType) is not { } element)
        {
            return false;
        }

        ITypeSymbol partialElement = list.TypeArguments[0];
        return GeneratedPartialName(resultType, result) is { } name
            ? partialElement.Name == name
            : SymbolEqualityComparer.Default.Equals(partialElement, element);
    }

    /// <summary>Why <paramref name="result"/> cannot be streamed as partial values, or null when it can.</summary>
    public static string? StreamingProblem(ResultModel result)
    {
        TypeRef root = result.Root;
        if (root.IsNullable)
        {
            return "partial values are streamed for a result that cannot be null; make it non-nullable, or wrap it in a record";
        }

        return root.Kind == ValueKind.Object
            || (root.Kind == ValueKind.List && root.Element is { IsNullable: false, Kind: not (ValueKind.List or ValueKind.Dictionary) })
            ? null
            : "partial values are streamed for a record or class result, or a list of records or scalars; wrap the value in a record to stream it";
    }

    /// <summary>The element type of a list or array result type.</summary>
    private static ITypeSymbol? ElementOf(ITypeSymbol resultType) => resultType switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { IsGenericType: true } named => named.TypeArguments[0],
        _ => null,
    };
}
