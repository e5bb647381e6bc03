using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// A model id as written in source: the id, where it is written, and what the catalog knows of it. Which id a
/// method calls is <see cref="PromptMethodRules"/>' decision; this only finds the literal to report at.
/// </summary>
internal sealed record ModelReference(string Id, Location Location, ModelLookup Lookup)
{
    /// <summary>The model a method calls (its own, else the interface's, else the assembly default's), or null.</summary>
    public static ModelReference? Effective(PromptMethod method, CancellationToken cancellationToken) =>
        Of(method.Rules.Model, method.Catalog, cancellationToken);

    /// <summary>The method's own <c>[Model("…")]</c>, or null when it names none itself.</summary>
    public static ModelReference? OfMethod(PromptMethod method, CancellationToken cancellationToken) =>
        method.Rules.Model.Source == ModelSource.Method ? Of(method.Rules.Model, method.Catalog, cancellationToken) : null;

    /// <summary>The interface's <c>[PromptClient(Model = "…")]</c>, or null when it names no model.</summary>
    public static ModelReference? OfInterface(PromptDeclaration declaration, CancellationToken cancellationToken) =>
        Of(ModelChoice.WrittenOn(declaration.Rules.ClientAttribute, ModelSource.Interface), declaration.Catalog, cancellationToken);

    /// <summary><c>[assembly: PromptDefaults(Model = "…")]</c>, or null when it names no model.</summary>
    public static ModelReference? OfAssemblyDefaults(AttributeData? defaults, ModelTable catalog, CancellationToken cancellationToken) =>
        Of(ModelChoice.WrittenOn(defaults, ModelSource.AssemblyDefaults), catalog, cancellationToken);

    /// <summary>Every id written in a <c>[FallbackModels]</c>, blank ones too, each at its own literal.</summary>
    public static IReadOnlyList<ModelReference> OfFallbacks(AttributeData? attribute, ModelTable catalog, CancellationToken cancellationToken)
    {
        if (attribute is null || AttributeReader.HasErrors(attribute) || attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Array, IsNull: false } ids)
        {
            return System.Array.Empty<ModelReference>();
        }

        IReadOnlyList<Location?> locations = FallbackLocations(attribute, ids.Values.Length, cancellationToken);
        var references = new List<ModelReference>();
        for (int position = 0; position < ids.Values.Length; position++)
        {
            if (ids.Values[position].Value is string id && locations[position] is { } location)
            {
                references.Add(new ModelReference(id, location, catalog.Find(id)));
            }
        }

        return references;
    }

    /// <summary>The fallback models a method tries (<see cref="FallbackModelsChoice"/>), each at its literal.</summary>
    public static IReadOnlyList<ModelReference> EffectiveFallbacks(PromptMethod method, CancellationToken cancellationToken)
    {
        FallbackModelsChoice fallbacks = method.Rules.FallbackModels;
        if (fallbacks.Attribute is not { } attribute || fallbacks.Ids.Count == 0)
        {
            return System.Array.Empty<ModelReference>();
        }

        IReadOnlyList<Location?> locations = FallbackLocations(attribute, attribute.ConstructorArguments[0].Values.Length, cancellationToken);
        var references = new List<ModelReference>();
        foreach (FallbackModelId fallback in fallbacks.Ids)
        {
            if (locations[fallback.Position] is { } location)
            {
                references.Add(new ModelReference(fallback.Id, location, method.Catalog.Find(fallback.Id)));
            }
        }

        return references;
    }

    private static ModelReference? Of(ModelChoice? choice, ModelTable catalog, CancellationToken cancellationToken)
    {
        if (choice is not { Id: { } id, Attribute: { } attribute })
        {
            return null;
        }

        ExpressionSyntax? literal = choice.Source == ModelSource.Method
            ? AttributeReader.FirstArgumentSyntax(attribute, cancellationToken)
            : AttributeArguments.Named(attribute, "Model", cancellationToken)?.Expression;
        Location? location = literal?.GetLocation() ?? AttributeArguments.Location(attribute, cancellationToken);
        return location is null ? null : new ModelReference(id, location, catalog.Find(id));
    }

    /// <summary>
    /// Where each of the <paramref name="count"/> ids is written: written as separate arguments (params), each id has
    /// its own expression; written as one array, its elements; else (e.g. a constant array) the whole attribute.
    /// </summary>
    private static IReadOnlyList<Location?> FallbackLocations(AttributeData attribute, int count, CancellationToken cancellationToken)
    {
        List<ExpressionSyntax>? elements = null;
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
        return Enumerable.Range(0, count)
            .Select(position => elements is { } written && written.Count == count ? written[position].GetLocation() : whole)
            .ToList();
    }
}
