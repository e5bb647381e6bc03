using System.Linq;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Templates;

/// <summary>How Scriban writes a value of a given type.</summary>
internal enum OutputKind
{
    /// <summary>No compiled form: objects, collections, types whose rendering depends on the run-time value.</summary>
    None,
    Text,
    Boolean,
    /// <summary>IFormattable with the invariant culture (numbers, enums, Guid, TimeSpan, DateTimeOffset, char).</summary>
    Formatted,
    /// <summary>DateTime: Scriban's date format <c>%d %b %Y</c>.</summary>
    Date,
}

/// <summary>What the compiler knows about an expression's static type.</summary>
internal sealed class ValueKind
{
    public static readonly ValueKind Null = new(null, OutputKind.None, "null");
    public static readonly ValueKind Boolean = new(null, OutputKind.Boolean, "bool");
    public static readonly ValueKind Int32 = new(null, OutputKind.Formatted, "int") { IsNumber = true };
    public static readonly ValueKind Int64 = new(null, OutputKind.Formatted, "long") { IsNumber = true };
    public static readonly ValueKind Double = new(null, OutputKind.Formatted, "double") { IsNumber = true, IsFloating = true };
    public static readonly ValueKind String = new(null, OutputKind.Text, "string") { IsReference = true };

    private ValueKind(ITypeSymbol? type, OutputKind output, string displayName)
    {
        Type = type;
        Output = output;
        DisplayName = displayName;
    }

    public ITypeSymbol? Type { get; }

    public OutputKind Output { get; }

    public string DisplayName { get; }

    public bool IsReference { get; private init; }

    /// <summary>Nullable&lt;T&gt;; <see cref="Output"/> is T's.</summary>
    public bool IsNullableValue { get; private init; }

    public bool IsNumber { get; private init; }

    public bool IsDecimal { get; private init; }

    /// <summary>float or double: C# has no comparison between them and decimal.</summary>
    public bool IsFloating { get; private init; }

    /// <summary>The element type when Scriban's <c>for</c> and array functions can iterate the value.</summary>
    public ITypeSymbol? ElementType { get; private init; }

    /// <summary>The C# member behind Scriban's <c>.size</c>: Length or Count.</summary>
    public string? SizeMember { get; private init; }

    public static ValueKind Of(ITypeSymbol type)
    {
        bool nullableValue = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        ITypeSymbol underlying = nullableValue ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        ITypeSymbol? element = TemplateObjectMembers.ElementType(type);
        return new ValueKind(type, OutputOf(underlying), type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))
        {
            IsReference = type.IsReferenceType,
            IsNullableValue = nullableValue,
            IsNumber = IsNumeric(underlying.SpecialType),
            IsDecimal = underlying.SpecialType == SpecialType.System_Decimal,
            IsFloating = underlying.SpecialType is SpecialType.System_Single or SpecialType.System_Double,
            ElementType = element,
            SizeMember = SizeMemberOf(type, element),
        };
    }

    private static OutputKind OutputOf(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return OutputKind.Text;
            case SpecialType.System_Boolean:
                return OutputKind.Boolean;
            case SpecialType.System_DateTime:
                return OutputKind.Date;
            case SpecialType.System_Char:
                return OutputKind.Formatted;
        }

        if (IsNumeric(type.SpecialType) || type.TypeKind == TypeKind.Enum)
        {
            return OutputKind.Formatted;
        }

        return type.ToDisplayString() is "System.DateTimeOffset" or "System.TimeSpan" or "System.Guid"
            ? OutputKind.Formatted
            : OutputKind.None;
    }

    private static bool IsNumeric(SpecialType type) => type is SpecialType.System_SByte or SpecialType.System_Byte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_Decimal;

    private static string? SizeMemberOf(ITypeSymbol type, ITypeSymbol? element)
    {
        if (type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol)
        {
            return "Length";
        }

        if (element is null)
        {
            return null;
        }

        bool hasCount = new[] { type }.Concat(type.AllInterfaces).Any(candidate => candidate
            .GetMembers("Count")
            .OfType<IPropertySymbol>()
            .Any(property => !property.IsStatic && !property.IsIndexer && property.Type.SpecialType == SpecialType.System_Int32 && property.DeclaredAccessibility == Accessibility.Public));
        return hasCount && CountIsUnambiguous(type) ? "Count" : null;
    }

    /// <summary>An interface inheriting Count from two bases (IList&lt;T&gt; + IReadOnlyList&lt;T&gt;) makes <c>.Count</c> ambiguous in C#.</summary>
    private static bool CountIsUnambiguous(ITypeSymbol type) =>
        type.TypeKind != TypeKind.Interface
        || type.GetMembers("Count").Any()
        || type.AllInterfaces.Count(i => i.GetMembers("Count").Any()) == 1;
}
