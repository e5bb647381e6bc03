using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Diagnostics;
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

    /// <summary>
    /// The arguments object of <paramref name="method"/>; null, with the parameter and why, when a parameter has no
    /// JSON shape (all three null when a type does not compile: the compiler says so).
    /// </summary>
    public static (ResultModel? Model, IParameterSymbol? Culprit, string? Problem) ReadArguments(IMethodSymbol method, int index, KnownTypeSymbols knownTypes, CancellationToken cancellationToken)
    {
        var inputs = new List<IParameterSymbol>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (knownTypes.IsCancellationToken(parameter.Type))
            {
                continue;
            }

            // A PromptImage, PromptDocument or PromptVideo is read by the runtime from {"format","base64"} (not a JSON
            // shape of its own), so it is left out of the generated arguments object.
            if (MediaParameters.MediaTypeOf(parameter.Type, knownTypes) is { IsCollection: false })
            {
                continue;
            }

            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                return (null, parameter, parameter.IsParams ? "a params parameter is not one JSON value" : "a ref, out or in parameter is not one JSON value");
            }

            // A conversation history is read by the runtime from [{"role","text"}] (ReadHistory), like media.
            if (ConversationParameters.IsHistory(parameter.Type, knownTypes))
            {
                if (ReadHistory(parameter, knownTypes) is null)
                {
                    return (null, parameter, $"a conversation history of type '{parameter.Type.ToDisplayString()}' is not one the descriptor can build; take a list, an array or an interface List<T> implements, of Message or ChatMessage");
                }

                continue;
            }

            inputs.Add(parameter);
        }

        // Overloads get the method's position in the name, so each has its own arguments class.
        bool overloaded = method.ContainingType.GetMembers(method.Name).Length > 1;
        string typeName = method.Name + (overloaded ? index.ToString(CultureInfo.InvariantCulture) : string.Empty) + "Arguments";
        string id = "prompt-arguments:" + method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name + index.ToString(CultureInfo.InvariantCulture);
        return ResultShapeReader.ReadArguments(inputs, typeName, id, cancellationToken);
    }

    /// <summary>
    /// The method's conversation-history parameter as its descriptor reads it; null when it has none, or when its type
    /// cannot take the <c>List&lt;T&gt;</c> (or array) of turns the runtime reads.
    /// </summary>
    public static DescriptorHistoryModel? ReadHistory(IMethodSymbol method, KnownTypeSymbols knownTypes)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.None && ConversationParameters.IsHistory(parameter.Type, knownTypes))
            {
                return ReadHistory(parameter, knownTypes);
            }
        }

        return null;
    }

    // The interfaces List<T> implements, whose turns are T: a List<T> can be passed as any of them.
    private static readonly string[] ListInterfaces =
    {
        "System.Collections.Generic.IEnumerable<T>", "System.Collections.Generic.IReadOnlyList<T>", "System.Collections.Generic.IReadOnlyCollection<T>",
        "System.Collections.Generic.IList<T>", "System.Collections.Generic.ICollection<T>", "System.Collections.Generic.List<T>",
    };

    private static DescriptorHistoryModel? ReadHistory(IParameterSymbol parameter, KnownTypeSymbols knownTypes)
    {
        ITypeSymbol? element;
        bool isArray = false;
        if (parameter.Type is IArrayTypeSymbol { Rank: 1 } array)
        {
            element = array.ElementType;
            isArray = true;
        }
        else if (parameter.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && System.Array.IndexOf(ListInterfaces, named.ConstructedFrom.ToDisplayString()) >= 0)
        {
            element = named.TypeArguments[0];
        }
        else
        {
            return null;
        }

        bool chat = KnownTypeSymbols.Is(element, knownTypes.ChatMessage);
        if (!chat && !KnownTypeSymbols.Is(element, knownTypes.ConversationMessage))
        {
            return null;
        }

        string identifier = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(parameter.Name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            ? "@" + parameter.Name
            : parameter.Name;
        bool required = !parameter.HasExplicitDefaultValue && parameter.NullableAnnotation != NullableAnnotation.Annotated;
        return new DescriptorHistoryModel(identifier, parameter.Name, parameter.Type.ToDisplayString(), chat, isArray, required);
    }

    /// <summary>
    /// PG0023 for a method of an opted-in interface that gets no descriptor: at the parameter that cannot be read from
    /// JSON, or at the method for what it does. Nothing for a method that cannot be generated (its error says why) or
    /// whose signature does not compile.
    /// </summary>
    public static DiagnosticInfo? WhyNoDescriptor(
        IMethodSymbol method, PromptMethodModel parsed, (ResultModel? Model, IParameterSymbol? Culprit, string? Problem) arguments, Location fallback)
    {
        if ((parsed.Plan is null && parsed.Embedding is null) || parsed.ReturnKind == ReturnKind.Unsupported)
        {
            return null;
        }

        if (DescriptorSupport.KindProblem(parsed) is { } kind)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.MethodWithoutDescriptor, SourceLocations.Of(method, fallback), method.Name, kind);
        }

        return arguments.Model is null && arguments.Culprit is { } culprit
            ? DiagnosticInfo.Create(
                DiagnosticDescriptors.MethodWithoutDescriptor,
                SourceLocations.Of(culprit, fallback),
                method.Name,
                $"parameter '{culprit.Name}' cannot be read from JSON: {arguments.Problem}")
            : null;
    }
}
