using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Schema;

/// <summary>Reads DataAnnotations ([Range], [StringLength], [MinLength], [MaxLength], [Length], [RegularExpression]) into schema constraints.</summary>
internal static class ConstraintReader
{
    private const string Annotations = "System.ComponentModel.DataAnnotations.";

    public static ConstraintsModel Read(IPropertySymbol? property, IParameterSymbol? parameter)
    {
        double? minimum = null, maximum = null;
        int? minLength = null, maxLength = null;
        string? pattern = null;

        foreach (AttributeData attribute in (property?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty).AddRange(parameter?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty))
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            var arguments = attribute.ConstructorArguments;
            switch (name)
            {
                case Annotations + "RangeAttribute" when arguments.Length == 2:
                    minimum = AsDouble(arguments[0].Value);
                    maximum = AsDouble(arguments[1].Value);
                    break;
                case Annotations + "StringLengthAttribute" when arguments.Length == 1:
                    maxLength = arguments[0].Value as int?;
                    if (Named(attribute, "MinimumLength") is int minimumLength && minimumLength > 0)
                    {
                        minLength = minimumLength;
                    }

                    break;
                case Annotations + "MinLengthAttribute" when arguments.Length == 1:
                    minLength = arguments[0].Value as int?;
                    break;
                case Annotations + "MaxLengthAttribute" when arguments.Length == 1:
                    maxLength = arguments[0].Value as int?;
                    break;
                case Annotations + "LengthAttribute" when arguments.Length == 2:
                    minLength = arguments[0].Value as int?;
                    maxLength = arguments[1].Value as int?;
                    break;
                case Annotations + "RegularExpressionAttribute" when arguments.Length == 1:
                    pattern = arguments[0].Value as string;
                    break;
            }
        }

        var constraints = new ConstraintsModel(minimum, maximum, minLength, maxLength, pattern);
        return constraints.IsEmpty ? ConstraintsModel.None : constraints;
    }

    private static object? Named(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }

    private static double? AsDouble(object? value) => value switch
    {
        int number => number,
        double number => number,
        long number => number,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
        _ => null,
    };
}
