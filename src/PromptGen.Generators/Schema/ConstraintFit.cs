using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Schema;

/// <summary>A DataAnnotations attribute on a result member or tool parameter whose type it does not apply to (PG0305).</summary>
/// <param name="Attribute">The attribute as written, to report at.</param>
/// <param name="Member">The member, as a user names it (<c>Verdict.Reason</c>, or <c>Lookup(limit)</c> for a tool parameter).</param>
/// <param name="MemberType">The member's type as a user writes it.</param>
/// <param name="AppliesTo">What the attribute applies to, in words.</param>
/// <param name="Advice">What to do instead.</param>
internal sealed record ConstraintMisfit(AttributeData Attribute, string AttributeName, string Member, string MemberType, string AppliesTo, string Advice);

/// <summary>
/// Which DataAnnotations attribute fits which JSON shape, as the schema writer and the generated parser apply them
/// (<see cref="ConstraintReader"/>): [Range] numbers; [StringLength] and [RegularExpression] strings; [MinLength],
/// [MaxLength] and [Length] strings and lists. Anywhere else the answer is never checked against the attribute.
/// The attributes that validate text formats ([EmailAddress], [Phone], [Url], [CreditCard], [Base64String],
/// [FileExtensions]) apply to strings only; a <c>[Range(typeof(T), …)]</c> fits a member of type T. Attributes
/// that fit any type ([Required], [AllowedValues], [Compare], …) are never reported.
/// </summary>
internal static class ConstraintFit
{
    private const string Annotations = "System.ComponentModel.DataAnnotations.";

    /// <summary>The misfits on a result type's property (and the constructor parameter that sets it).</summary>
    public static IEnumerable<ConstraintMisfit> Misfits(IPropertySymbol property, IParameterSymbol? parameter, TypeRef type) =>
        Misfits(
            property.GetAttributes().AddRange(parameter?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty),
            property.ContainingType.Name + "." + property.Name,
            property.Type,
            type);

    /// <summary>The misfits on a tool's parameter, which the model's input is checked against like a result member.</summary>
    public static IEnumerable<ConstraintMisfit> Misfits(IParameterSymbol toolParameter, TypeRef type) =>
        Misfits(
            toolParameter.GetAttributes(),
            $"{toolParameter.ContainingSymbol.Name}({toolParameter.Name})",
            toolParameter.Type,
            type);

    private static IEnumerable<ConstraintMisfit> Misfits(ImmutableArray<AttributeData> attributes, string member, ITypeSymbol declaredType, TypeRef type)
    {
        bool number = type.Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal;
        bool text = type.Kind == ValueKind.String;
        bool list = type.Kind == ValueKind.List;
        string memberType = declaredType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        foreach (AttributeData attribute in attributes)
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            if (name is null || !name.StartsWith(Annotations, System.StringComparison.Ordinal))
            {
                continue;
            }

            string shortName = attribute.AttributeClass!.Name.EndsWith("Attribute", System.StringComparison.Ordinal)
                ? attribute.AttributeClass.Name.Substring(0, attribute.AttributeClass.Name.Length - "Attribute".Length)
                : attribute.AttributeClass.Name;
            string orRange = number ? ", or use [Range] for the number's range" : string.Empty;
            (bool fits, string appliesTo, string advice) = shortName switch
            {
                "Range" when RangeOperand(attribute) is { } operand => (
                    IsOperand(declaredType, operand),
                    $"values of type '{operand.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'",
                    "remove it, or name the member's type in it"),
                "Range" => (number, "numbers", "remove it" + (text ? ", or use [StringLength] for the text's length" : list ? ", or use [Length] for the list's count" : string.Empty)),
                "StringLength" => (text, "strings", "remove it" + (list ? ", or use [Length] for the list's count" : orRange)),
                "RegularExpression" => (text, "strings", "remove it, or move it to a string member"),
                "MinLength" or "MaxLength" or "Length" => (text || list, "strings and lists", "remove it" + orRange),
                "EmailAddress" or "Phone" or "Url" or "CreditCard" or "Base64String" or "FileExtensions" => (
                    text,
                    "strings",
                    "remove it, or move it to a string member" + orRange),
                _ => (true, string.Empty, string.Empty),
            };
            if (!fits)
            {
                yield return new ConstraintMisfit(attribute, shortName, member, memberType, appliesTo, advice);
            }
        }
    }

    /// <summary>The type of <c>[Range(typeof(T), "min", "max")]</c>; null for the numeric constructors.</summary>
    private static ITypeSymbol? RangeOperand(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 3 && attribute.ConstructorArguments[0].Value is ITypeSymbol operand ? operand : null;

    private static bool IsOperand(ITypeSymbol declaredType, ITypeSymbol operand)
    {
        ITypeSymbol type = declaredType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : declaredType;
        return SymbolEqualityComparer.Default.Equals(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), operand.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
    }
}
