using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Schema;

/// <summary>A DataAnnotations attribute on a result member whose type it does not apply to (PG0305).</summary>
/// <param name="Attribute">The attribute as written, to report at.</param>
/// <param name="Member">The member, as a user names it (<c>Verdict.Reason</c>).</param>
/// <param name="MemberType">The member's type as a user writes it.</param>
/// <param name="AppliesTo">What the attribute applies to, in words.</param>
/// <param name="Advice">What to do instead.</param>
internal sealed record ConstraintMisfit(AttributeData Attribute, string AttributeName, string Member, string MemberType, string AppliesTo, string Advice);

/// <summary>
/// Which DataAnnotations attribute fits which JSON shape, as the schema writer and the generated parser apply them
/// (<see cref="ConstraintReader"/>): [Range] numbers; [StringLength] and [RegularExpression] strings; [MinLength],
/// [MaxLength] and [Length] strings and lists. Anywhere else the answer is never checked against the attribute.
/// </summary>
internal static class ConstraintFit
{
    private const string Annotations = "System.ComponentModel.DataAnnotations.";

    public static IEnumerable<ConstraintMisfit> Misfits(IPropertySymbol property, IParameterSymbol? parameter, TypeRef type)
    {
        bool number = type.Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal;
        bool text = type.Kind == ValueKind.String;
        bool list = type.Kind == ValueKind.List;
        string member = property.ContainingType.Name + "." + property.Name;
        string memberType = property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        ImmutableArray<AttributeData> attributes = property.GetAttributes().AddRange(parameter?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty);
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
            (bool fits, string appliesTo, string advice) = shortName switch
            {
                "Range" => (number, "numbers", "remove it" + (text ? ", or use [StringLength] for the text's length" : list ? ", or use [Length] for the list's count" : string.Empty)),
                "StringLength" => (text, "strings", "remove it" + (list ? ", or use [Length] for the list's count" : number ? ", or use [Range] for the number's range" : string.Empty)),
                "RegularExpression" => (text, "strings", "remove it, or move it to a string member"),
                "MinLength" or "MaxLength" or "Length" => (text || list, "strings and lists", "remove it" + (number ? ", or use [Range] for the number's range" : string.Empty)),
                _ => (true, string.Empty, string.Empty),
            };
            if (!fits)
            {
                yield return new ConstraintMisfit(attribute, shortName, member, memberType, appliesTo, advice);
            }
        }
    }
}
