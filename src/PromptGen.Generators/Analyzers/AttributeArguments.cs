using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromptGen.Generators.Analyzers;

/// <summary>Finds the syntax of one attribute argument, so a diagnostic can underline exactly that argument.</summary>
internal static class AttributeArguments
{
    /// <summary>The <c>Name = value</c> argument, or null when the attribute does not set it.</summary>
    public static AttributeArgumentSyntax? Named(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } arguments })
        {
            return null;
        }

        foreach (AttributeArgumentSyntax argument in arguments.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>Where the attribute is written: the fallback when an argument cannot be found.</summary>
    public static Location? Location(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
}
