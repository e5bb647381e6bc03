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
    /// <summary>The media attribute on the parameter and the kind it names; null when there is none.</summary>
    public static (AttributeData Attribute, MediaKind Kind)? FindAttribute(IParameterSymbol parameter, KnownTypeSymbols knownTypes)
    {
        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            if (KnownTypeSymbols.Is(attribute.AttributeClass, knownTypes.ImageAttribute))
            {
                return (attribute, MediaKind.Image);
            }

            if (KnownTypeSymbols.Is(attribute.AttributeClass, knownTypes.DocumentAttribute))
            {
                return (attribute, MediaKind.Document);
            }

            if (KnownTypeSymbols.Is(attribute.AttributeClass, knownTypes.VideoAttribute))
            {
                return (attribute, MediaKind.Video);
            }
        }

        return null;
    }

    /// <summary>PromptImage/PromptDocument/PromptVideo, alone or as the element of an array or IEnumerable&lt;T&gt;.</summary>
    public static (MediaKind Kind, bool IsCollection)? MediaTypeOf(ITypeSymbol type, KnownTypeSymbols knownTypes)
    {
        if (KindOfMediaObject(type, knownTypes) is { } single)
        {
            return (single, false);
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return KindOfMediaObject(array.ElementType, knownTypes) is { } element ? (element, true) : null;
        }

        if (type.SpecialType == SpecialType.System_String || type is not INamedTypeSymbol named)
        {
            return null;
        }

        foreach (INamedTypeSymbol candidate in new[] { named }.Concat(named.AllInterfaces))
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                && KindOfMediaObject(candidate.TypeArguments[0], knownTypes) is { } element)
            {
                return (element, true);
            }
        }

        return null;
    }

    /// <summary>byte[], (ReadOnly)Memory&lt;byte&gt; (nullable too) or a Stream; null for anything else.</summary>
    public static MediaValueShape? BinaryShapeOf(ITypeSymbol type, KnownTypeSymbols knownTypes)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return MediaValueShape.ByteArray;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return IsByteMemory(nullable.TypeArguments[0], knownTypes) ? MediaValueShape.NullableMemory : null;
        }

        if (IsByteMemory(type, knownTypes))
        {
            return MediaValueShape.Memory;
        }

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (KnownTypeSymbols.Is(current, knownTypes.Stream))
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

    private static MediaKind? KindOfMediaObject(ITypeSymbol type, KnownTypeSymbols knownTypes) =>
        KnownTypeSymbols.Is(type, knownTypes.PromptImage) ? MediaKind.Image
        : KnownTypeSymbols.Is(type, knownTypes.PromptDocument) ? MediaKind.Document
        : KnownTypeSymbols.Is(type, knownTypes.PromptVideo) ? MediaKind.Video
        : null;

    private static bool IsByteMemory(ITypeSymbol type, KnownTypeSymbols knownTypes) =>
        type is INamedTypeSymbol { TypeArguments: [{ SpecialType: SpecialType.System_Byte }] }
        && (KnownTypeSymbols.IsConstructionOf(type, knownTypes.ReadOnlyMemory) || KnownTypeSymbols.IsConstructionOf(type, knownTypes.Memory));
}
