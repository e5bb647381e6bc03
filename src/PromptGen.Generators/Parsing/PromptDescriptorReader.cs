using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Reads what a prompt method's descriptor needs from its symbol: whether the interface asks for descriptors, and
/// the method's parameters as one JSON object (the shape tools' arguments have), whose schema builds a form and whose
/// generated parser reads the arguments a tool hands in.
/// </summary>
internal static class PromptDescriptorReader
{
    public const string PromptDescriptorsAttribute = "PromptGen.PromptDescriptorsAttribute";

    public static bool IsOptedIn(INamedTypeSymbol symbol) =>
        symbol.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString() == PromptDescriptorsAttribute);

    /// <summary>The arguments object of <paramref name="method"/>; null when a parameter has no JSON shape or does not compile.</summary>
    public static ResultModel? ReadArguments(IMethodSymbol method, int index, KnownTypeSymbols knownTypes, CancellationToken cancellationToken)
    {
        var inputs = new List<IParameterSymbol>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (knownTypes.IsCancellationToken(parameter.Type))
            {
                continue;
            }

            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                return null;
            }

            inputs.Add(parameter);
        }

        // Overloads get the method's position in the name, so each has its own arguments class.
        bool overloaded = method.ContainingType.GetMembers(method.Name).Length > 1;
        string typeName = method.Name + (overloaded ? index.ToString(CultureInfo.InvariantCulture) : string.Empty) + "Arguments";
        string id = "prompt-arguments:" + method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name + index.ToString(CultureInfo.InvariantCulture);
        return ResultShapeReader.ReadArguments(inputs, typeName, id, cancellationToken).Model;
    }
}
