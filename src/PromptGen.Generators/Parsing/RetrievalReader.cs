using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Analyzers;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Judges a method's <c>[Retrieve]</c> (<see cref="RetrievalChoice"/>) and models it. What makes the call impossible
/// stops generation, each at the argument to change: no knowledge base (PG0500), a number of results the API refuses
/// (PG0501; with citations, more passages than a message takes documents), no query, or a query or filter that names no fitting
/// parameter (PG0502), a parameter that hides the passages (PG0504), both <c>Query</c> and <c>QueryTemplate</c> (PG0505), a
/// reranking that cannot be sent (PG0506).
/// The query template's own mistakes are its readers': syntax here in the parser, variables and members in the analyzers.
/// Streaming methods retrieve too: their stream retrieves when enumerated.
/// </summary>
internal static class RetrievalReader
{
    /// <summary>The reranker ids a PG0506 message suggests.</summary>
    private static readonly string Rerankers = string.Join(" or ", Catalog.RerankerModels.Ids.Select(id => $"'{id}'"));

    /// <summary>The Knowledge Bases API's range for <c>numberOfResults</c>:
    /// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_KnowledgeBaseVectorSearchConfiguration.html
    /// ("Valid Range: Minimum value of 1. Maximum value of 100.").</summary>
    public const int MinNumberOfResults = 1;

    public const int MaxNumberOfResults = 100;

    /// <summary>Converse takes at most 5 documents in a message (wire spec §3; PromptMediaLimits.MaxDocumentsPerMessage).</summary>
    public const int MaxCitableDocuments = 5;

    /// <summary>The model, or null with <paramref name="valid"/> false when something was reported.</summary>
    public static RetrievalModel? Read(
        RetrievalChoice? choice,
        IMethodSymbol method,
        Location fallback,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken,
        out bool valid)
    {
        valid = true;
        if (choice is null)
        {
            return null;
        }

        int before = diagnostics.Count;
        AttributeData attribute = choice.Attribute;
        Location attributeLocation = AttributeReader.LocationOf(attribute, fallback, cancellationToken);
        void Report(DiagnosticDescriptor descriptor, Location location, params string[] arguments) =>
            diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

        if (method.Parameters.FirstOrDefault(parameter => parameter.Name == RetrievalChoice.PassagesVariable) is { } clash)
        {
            Report(RetrievalDiagnostics.RetrievalNotSupported, SourceLocations.Of(clash, attributeLocation), method.Name,
                $"parameter '{clash.Name}' has the name the templates read the retrieved passages by; rename the parameter");
        }

        if (choice.HasKnowledgeBaseArgument && string.IsNullOrWhiteSpace(choice.KnowledgeBaseId))
        {
            Report(RetrievalDiagnostics.MissingKnowledgeBase, ConstructorArgumentLocation(attribute, attributeLocation, cancellationToken), method.Name,
                "its knowledge base id is empty; write the id (1 to 10 letters and digits) or a name BedrockOptions.KnowledgeBaseIds maps to one");
        }
        else if (!choice.HasKnowledgeBaseArgument && choice.RetrieverParameter is null)
        {
            Report(RetrievalDiagnostics.MissingKnowledgeBase, attributeLocation, method.Name,
                "names no knowledge base and takes no IPassageRetriever parameter; write [Retrieve(\"KB12345678\", ...)] or add a retriever parameter");
        }

        string count = choice.NumberOfResults.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (choice.NumberOfResults is < MinNumberOfResults or > MaxNumberOfResults)
        {
            Report(RetrievalDiagnostics.NumberOfResultsOutOfRange, NamedArgumentLocation(attribute, "NumberOfResults", attributeLocation, cancellationToken),
                method.Name, count, $"the Knowledge Bases API returns {MinNumberOfResults} to {MaxNumberOfResults} per Retrieve");
        }
        else if (choice.Citations && choice.NumberOfResults > MaxCitableDocuments)
        {
            Report(RetrievalDiagnostics.NumberOfResultsOutOfRange, NamedArgumentLocation(attribute, "NumberOfResults", attributeLocation, cancellationToken),
                method.Name, count, $"with Citations = true each passage is sent as a document, and a Converse message holds at most {MaxCitableDocuments} documents");
        }

        CheckQuery(choice, method, attribute, attributeLocation, diagnostics, cancellationToken);
        CheckReranking(choice, method, attribute, attributeLocation, diagnostics, cancellationToken);
        CheckFilter(choice, method, attribute, attributeLocation, diagnostics, cancellationToken);

        if (diagnostics.Count != before)
        {
            valid = false;
            return null;
        }

        bool fromKnowledgeBase = choice.HasKnowledgeBaseArgument;
        return new RetrievalModel(
            fromKnowledgeBase ? choice.KnowledgeBaseId : null,
            fromKnowledgeBase ? null : Identifier(choice.RetrieverParameter!.Name),
            choice.QueryParameter is { } query ? Identifier(query.Name) : null,
            choice.QueryParameter?.Name ?? RetrievalChoice.QueryTemplateArgument,
            choice.FilterParameter is { } filter ? Identifier(filter.Name) : null,
            choice.NumberOfResults,
            choice.SearchType,
            choice.Citations)
        {
            QueryTemplate = choice.QueryTemplate,
            RerankModel = choice.RerankModel,
            NumberOfRerankedResults = choice.NumberOfRerankedResults,
        };
    }

    /// <summary>
    /// Reranking is a knowledge base's (a retriever parameter orders its own passages), names a reranker model (a model
    /// the catalog knows as a chat, image or embedding model is not one), and keeps 1 to 100 results (PG0501), as
    /// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_VectorSearchBedrockRerankingConfiguration.html
    /// says. The reranker ids it suggests are <see cref="Catalog.RerankerModels"/>.
    /// </summary>
    private static void CheckReranking(
        RetrievalChoice choice, IMethodSymbol method, AttributeData attribute, Location attributeLocation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        Location modelLocation = NamedArgumentLocation(attribute, RetrievalChoice.RerankModelArgument, attributeLocation, cancellationToken);
        Location countLocation = NamedArgumentLocation(attribute, RetrievalChoice.NumberOfRerankedResultsArgument, attributeLocation, cancellationToken);
        void Report(Location location, string says) => diagnostics.Add(DiagnosticInfo.Create(RetrievalDiagnostics.InvalidReranking, location, method.Name, says));

        if (choice.RerankModel is { } model)
        {
            if (!choice.HasKnowledgeBaseArgument)
            {
                Report(modelLocation, "reranks, but its passages come from its IPassageRetriever parameter; reranking is a knowledge base's, so order the passages in your retriever or remove RerankModel");
            }
            else if (string.IsNullOrWhiteSpace(model))
            {
                Report(modelLocation, $"names an empty reranker model; write a reranker model id such as {Rerankers}, or remove RerankModel");
            }
            else if (Catalog.ModelCatalog.Find(model).Model is { } known)
            {
                // The catalog lists chat, image and embedding models, no rerankers: a model it knows is not one.
                string kind = known.Modality switch
                {
                    Catalog.ModelModality.Image => "an image model",
                    Catalog.ModelModality.Embedding => "an embedding model",
                    _ => "a chat model",
                };
                Report(modelLocation, $"reranks with '{model}', which is {kind}, not a reranker; write a reranker model id such as {Rerankers}");
            }
        }
        else if (choice.NumberOfRerankedResults is not null)
        {
            Report(countLocation, "sets NumberOfRerankedResults without a RerankModel; set RerankModel to the reranker that keeps them, or remove NumberOfRerankedResults");
            return;
        }

        if (choice.NumberOfRerankedResults is { } count and (< MinNumberOfResults or > MaxNumberOfResults))
        {
            diagnostics.Add(DiagnosticInfo.Create(RetrievalDiagnostics.NumberOfResultsOutOfRange, countLocation, method.Name,
                count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"the reranker keeps {MinNumberOfResults} to {MaxNumberOfResults} results"));
        }
    }

    /// <summary>
    /// The query comes from exactly one place: the string parameter <c>Query</c> names, or the text
    /// <c>QueryTemplate</c> renders (its variables and members are checked like any template's, by the analyzers).
    /// </summary>
    private static void CheckQuery(
        RetrievalChoice choice, IMethodSymbol method, AttributeData attribute, Location attributeLocation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (choice.Query is null && choice.QueryTemplate is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(RetrievalDiagnostics.UnknownRetrievalParameter, attributeLocation, method.Name,
                "names no query; set Query = nameof(parameter) to the string parameter whose text is searched for, or QueryTemplate to a template over the parameters"));
            return;
        }

        if (choice.Query is not null && choice.QueryTemplate is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(RetrievalDiagnostics.QueryGivenTwice,
                NamedArgumentLocation(attribute, RetrievalChoice.QueryTemplateArgument, attributeLocation, cancellationToken), method.Name));
            return;
        }

        if (choice.QueryTemplate is not null)
        {
            return;
        }

        Location location = NamedArgumentLocation(attribute, "Query", attributeLocation, cancellationToken);
        if (choice.QueryParameter is not { } parameter)
        {
            diagnostics.Add(DiagnosticInfo.Create(RetrievalDiagnostics.UnknownRetrievalParameter, location, method.Name,
                $"searches for parameter '{choice.Query}', which the method does not have{Suggestion(choice.Query!, method)}"));
        }
        else if (parameter.Type.SpecialType != SpecialType.System_String)
        {
            diagnostics.Add(DiagnosticInfo.Create(RetrievalDiagnostics.UnknownRetrievalParameter, location, method.Name,
                $"searches for parameter '{parameter.Name}', which is '{parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'; the query is a string parameter"));
        }
    }

    private static void CheckFilter(
        RetrievalChoice choice, IMethodSymbol method, AttributeData attribute, Location attributeLocation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (choice.Filter is null)
        {
            return;
        }

        Location location = NamedArgumentLocation(attribute, "Filter", attributeLocation, cancellationToken);
        if (choice.FilterParameter is not { } parameter)
        {
            diagnostics.Add(DiagnosticInfo.Create(RetrievalDiagnostics.UnknownRetrievalParameter, location, method.Name,
                $"filters by parameter '{choice.Filter}', which the method does not have{Suggestion(choice.Filter, method)}"));
        }
        else if (!choice.FilterFits)
        {
            diagnostics.Add(DiagnosticInfo.Create(RetrievalDiagnostics.UnknownRetrievalParameter, location, method.Name,
                $"filters by parameter '{parameter.Name}', which is '{parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'; the filter is a RetrievalFilter parameter"));
        }
    }

    private static string Suggestion(string written, IMethodSymbol method) =>
        NameSuggestion.Closest(written, method.Parameters.Select(parameter => parameter.Name).ToList()) is { } closest ? $"; did you mean '{closest}'?" : string.Empty;

    /// <summary>Where the value of <c>Name = …</c> is written (the expression, e.g. <c>nameof(question)</c>).</summary>
    private static Location NamedArgumentLocation(AttributeData attribute, string name, Location fallback, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments }
        && arguments.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name) is { } found
            ? found.Expression.GetLocation()
            : fallback;

    private static Location ConstructorArgumentLocation(AttributeData attribute, Location fallback, CancellationToken cancellationToken) =>
        AttributeReader.FirstArgumentSyntax(attribute, cancellationToken)?.GetLocation() ?? fallback;

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
