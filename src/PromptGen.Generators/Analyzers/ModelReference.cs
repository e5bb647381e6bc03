using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>A model id as written in source: the id, where it is written, and what the catalog knows of it.</summary>
internal sealed record ModelReference(string Id, Location Location, ModelLookup Lookup)
{
    /// <summary>The interface's <c>[PromptClient(Model = "…")]</c>, or null when it names no model.</summary>
    public static ModelReference? OfInterface(PromptDeclaration declaration, CancellationToken cancellationToken)
    {
        if (AttributeReader.HasErrors(declaration.Client) || AttributeReader.NamedString(declaration.Client, "Model") is not { } id)
        {
            return null;
        }

        Location? location = AttributeArguments.Named(declaration.Client, "Model", cancellationToken)?.Expression.GetLocation()
            ?? AttributeArguments.Location(declaration.Client, cancellationToken);
        return location is null ? null : new ModelReference(id, location, ModelCatalog.Find(id));
    }

    /// <summary>The method's <c>[Model("…")]</c>, or null when it names none itself.</summary>
    public static ModelReference? OfMethod(PromptMethod method, CancellationToken cancellationToken)
    {
        if (method.Model is not { } attribute || AttributeReader.HasErrors(attribute) || AttributeReader.FirstStringArgument(attribute) is not { } id)
        {
            return null;
        }

        Location? location = AttributeReader.FirstArgumentSyntax(attribute, cancellationToken)?.GetLocation()
            ?? AttributeArguments.Location(attribute, cancellationToken);
        return location is null ? null : new ModelReference(id, location, ModelCatalog.Find(id));
    }

    /// <summary><c>[assembly: PromptDefaults(Model = "…")]</c>, or null when it names no model.</summary>
    public static ModelReference? OfAssemblyDefaults(AttributeData? defaults, CancellationToken cancellationToken)
    {
        if (defaults is null || AttributeReader.HasErrors(defaults) || AttributeReader.NamedString(defaults, "Model") is not { } id)
        {
            return null;
        }

        Location? location = AttributeArguments.Named(defaults, "Model", cancellationToken)?.Expression.GetLocation()
            ?? AttributeArguments.Location(defaults, cancellationToken);
        return location is null ? null : new ModelReference(id, location, ModelCatalog.Find(id));
    }

    /// <summary>The model a method calls: its own, else the interface's, else the assembly default.</summary>
    public static ModelReference? Effective(PromptDeclaration declaration, PromptMethod method, CancellationToken cancellationToken)
    {
        if (method.Model is not null)
        {
            return OfMethod(method, cancellationToken);
        }

        return SetsModel(declaration.Client, cancellationToken)
            ? OfInterface(declaration, cancellationToken)
            : OfAssemblyDefaults(declaration.AssemblyDefaults, cancellationToken);
    }

    /// <summary>Each id of a <c>[FallbackModels]</c>, located at its own literal.</summary>
    public static IReadOnlyList<ModelReference> OfFallbacks(AttributeData? attribute, CancellationToken cancellationToken)
    {
        if (attribute is null || AttributeReader.HasErrors(attribute) || attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Array, IsNull: false } ids)
        {
            return System.Array.Empty<ModelReference>();
        }

        // Written as separate arguments (params), each id has its own expression; written as one array, its elements.
        IReadOnlyList<ExpressionSyntax>? elements = null;
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            ExpressionSyntax? single = arguments.Arguments.Count == 1 ? arguments.Arguments[0].Expression : null;
            elements = single switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToList(),
                ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToList(),
                CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(element => element.Expression).ToList(),
                _ => arguments.Arguments.Select(argument => argument.Expression).ToList(),
            };
        }

        Location? whole = AttributeArguments.Location(attribute, cancellationToken);
        var references = new List<ModelReference>();
        for (int i = 0; i < ids.Values.Length; i++)
        {
            Location? location = elements is { } written && written.Count == ids.Values.Length ? written[i].GetLocation() : whole;
            if (ids.Values[i].Value is string id && location is not null)
            {
                references.Add(new ModelReference(id, location, ModelCatalog.Find(id)));
            }
        }

        return references;
    }

    /// <summary>The fallback models a method calls: its own <c>[FallbackModels]</c>, else the interface's.</summary>
    public static IReadOnlyList<ModelReference> EffectiveFallbacks(PromptDeclaration declaration, PromptMethod method, CancellationToken cancellationToken) =>
        OfFallbacks(method.FallbackModels ?? declaration.FallbackModels, cancellationToken);

    /// <summary>Whether the interface writes a model at all (a broken one still hides the assembly default).</summary>
    private static bool SetsModel(AttributeData client, CancellationToken cancellationToken) =>
        AttributeReader.NamedString(client, "Model") is not null || AttributeArguments.Named(client, "Model", cancellationToken) is not null;
}
