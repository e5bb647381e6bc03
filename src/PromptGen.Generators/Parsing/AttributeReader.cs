using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>Reads PromptGen's attributes off a symbol, with the syntax of their arguments for precise locations.</summary>
internal static class AttributeReader
{
    /// <summary>The first application of <paramref name="attributeType"/>; null when there is none or the compilation lacks the type.</summary>
    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Every application of <paramref name="attributeType"/> without a compile error, in source order.</summary>
    public static IEnumerable<AttributeData> FindAllUsable(ISymbol symbol, INamedTypeSymbol? attributeType) =>
        attributeType is null
            ? Enumerable.Empty<AttributeData>()
            : symbol.GetAttributes().Where(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType) && !HasErrors(attribute));

    /// <summary>The attribute's first constructor argument as a string, or null when absent or not a string.</summary>
    public static string? FirstStringArgument(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Primitive
            ? attribute.ConstructorArguments[0].Value as string
            : null;

    public static string? NamedString(AttributeData? attribute, string name) =>
        attribute is null ? null : NamedArgument(attribute, name)?.Value as string;

    /// <summary>The expression written for the first constructor argument, for mapping template offsets to source.</summary>
    public static ExpressionSyntax? FirstArgumentSyntax(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
            ? syntax.ArgumentList.Arguments[0].Expression
            : null;

    /// <summary>The expression written for <c>Name = …</c>; null when it is not written in source.</summary>
    public static ExpressionSyntax? NamedArgumentSyntax(AttributeData attribute, string name, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments }
            ? arguments.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name)?.Expression
            : null;

    public static Location LocationOf(AttributeData attribute, Location fallback, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? fallback;

    public static InferenceModel ReadInference(AttributeData? attribute)
    {
        if (attribute is null)
        {
            return InferenceModel.None;
        }

        int? maxTokens = NamedArgument(attribute, "MaxTokens")?.Value as int?;
        double? temperature = NamedArgument(attribute, "Temperature")?.Value as double?;
        double? topP = NamedArgument(attribute, "TopP")?.Value as double?;
        TypedConstant? stops = NamedArgument(attribute, "StopSequences");
        EquatableArray<string> stopSequences = stops is { Kind: TypedConstantKind.Array, IsNull: false } array
            ? array.Values.Select(value => value.Value as string).Where(value => value is not null).Select(value => value!).ToEquatableArray()
            : EquatableArray<string>.Empty;
        return new InferenceModel(maxTokens, temperature, topP, stopSequences);
    }

    private static TypedConstant? NamedArgument(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>Where <c>Name = …</c> is written in the attribute; <paramref name="fallback"/> when it is not.</summary>
    public static Location NamedArgumentLocation(AttributeData attribute, string name, Location fallback, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments }
        && arguments.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name) is { } found
            ? found.GetLocation()
            : fallback;

    public static bool HasErrors(AttributeData attribute) =>
        attribute.AttributeClass is null or IErrorTypeSymbol
        || attribute.ConstructorArguments.Any(argument => argument.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(argument => argument.Value.Kind == TypedConstantKind.Error);
}
