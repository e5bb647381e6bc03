using System.Linq;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Recognises media parameters (issue 8): PromptImage/PromptDocument/PromptVideo and their collections by type, raw
/// bytes and streams by an [Image]/[Document]/[Video] attribute. Shared by the generator and the analyzers so both
/// agree on what is media.
/// </summary>
internal static class MediaParameters
{
    public const string ImageAttribute = "PromptGen.ImageAttribute";
    public const string DocumentAttribute = "PromptGen.DocumentAttribute";
    public const string VideoAttribute = "PromptGen.VideoAttribute";

    private const string PromptImage = "PromptImage";
    private const string PromptDocument = "PromptDocument";
    private const string PromptVideo = "PromptVideo";

    /// <summary>The media attribute on the parameter and the kind it names; null when there is none.</summary>
    public static (AttributeData Attribute, MediaKind Kind)? FindAttribute(IParameterSymbol parameter)
    {
        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case ImageAttribute:
                    return (attribute, MediaKind.Image);
                case DocumentAttribute:
                    return (attribute, MediaKind.Document);
                case VideoAttribute:
                    return (attribute, MediaKind.Video);
            }
        }

        return null;
    }

    /// <summary>PromptImage/PromptDocument/PromptVideo, alone or as the element of an array or IEnumerable&lt;T&gt;.</summary>
    public static (MediaKind Kind, bool IsCollection)? MediaTypeOf(ITypeSymbol type)
    {
        if (KindOfMediaObject(type) is { } single)
        {
            return (single, false);
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return KindOfMediaObject(array.ElementType) is { } element ? (element, true) : null;
        }

        if (type.SpecialType == SpecialType.System_String || type is not INamedTypeSymbol named)
        {
            return null;
        }

        foreach (INamedTypeSymbol candidate in new[] { named }.Concat(named.AllInterfaces))
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                && KindOfMediaObject(candidate.TypeArguments[0]) is { } element)
            {
                return (element, true);
            }
        }

        return null;
    }

    /// <summary>byte[], (ReadOnly)Memory&lt;byte&gt; (nullable too) or a Stream; null for anything else.</summary>
    public static MediaValueShape? BinaryShapeOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return MediaValueShape.ByteArray;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return IsByteMemory(nullable.TypeArguments[0]) ? MediaValueShape.NullableMemory : null;
        }

        if (IsByteMemory(type))
        {
            return MediaValueShape.Memory;
        }

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == "System.IO.Stream")
            {
                return MediaValueShape.Stream;
            }
        }

        return null;
    }

    /// <summary>The enum member a constructor argument names (e.g. <c>Png</c>), or a cast when it names none.</summary>
    public static string? FormatArgument(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Enum, Type: INamedTypeSymbol enumType } argument)
        {
            return null;
        }

        IFieldSymbol? member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => field.HasConstantValue && Equals(field.ConstantValue, argument.Value));
        return member?.Name ?? $"({enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}){argument.Value}";
    }

    /// <summary>Placement = MediaPlacement.AfterText (1).</summary>
    public static bool PlacedAfterText(AttributeData attribute) =>
        attribute.NamedArguments.Any(argument => argument.Key == "Placement" && Equals(argument.Value.Value, 1));

    public static string KindName(MediaKind kind) => kind switch
    {
        MediaKind.Image => "Image",
        MediaKind.Document => "Document",
        _ => "Video",
    };

    private static MediaKind? KindOfMediaObject(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class, ContainingNamespace: { Name: "PromptGen", ContainingNamespace.IsGlobalNamespace: true } } named
            ? named.Name switch
            {
                PromptImage => MediaKind.Image,
                PromptDocument => MediaKind.Document,
                PromptVideo => MediaKind.Video,
                _ => null,
            }
            : null;

    private static bool IsByteMemory(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments: [{ SpecialType: SpecialType.System_Byte }] } named
        && named.ConstructedFrom.ToDisplayString() is "System.ReadOnlyMemory<T>" or "System.Memory<T>";
}
