using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Diagnostics;

/// <summary>The descriptors of declared retrieval (PG0500–PG0519); <see cref="DiagnosticDescriptors.All"/> includes them.</summary>
internal static class RetrievalDiagnostics
{
    private const string RetrievalCategory = "PromptGen.Retrieval";

    public static readonly DiagnosticDescriptor MissingKnowledgeBase = DiagnosticDescriptors.Create(
        DiagnosticIds.MissingKnowledgeBase,
        "Retrieval names no knowledge base",
        "Method '{0}' retrieves passages but {1}",
        RetrievalCategory);

    public static readonly DiagnosticDescriptor NumberOfResultsOutOfRange = DiagnosticDescriptors.Create(
        DiagnosticIds.NumberOfResultsOutOfRange,
        "Number of retrieved passages is out of range",
        "Method '{0}' asks for {1} passages; {2}",
        RetrievalCategory);

    public static readonly DiagnosticDescriptor UnknownRetrievalParameter = DiagnosticDescriptors.Create(
        DiagnosticIds.UnknownRetrievalParameter,
        "Retrieval names a parameter the method does not have",
        "[Retrieve] of method '{0}' {1}",
        RetrievalCategory);

    public static readonly DiagnosticDescriptor CitationsWithoutDocuments = DiagnosticDescriptors.Create(
        DiagnosticIds.CitationsWithoutDocuments,
        "Citations asked of a model that reads no documents",
        "Method '{0}' asks for citations, which are sent as documents, but model '{1}' does not read documents in Converse; choose a model that does, such as a Claude 4 model, or remove Citations = true",
        RetrievalCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RetrievalNotSupported = DiagnosticDescriptors.Create(
        DiagnosticIds.RetrievalNotSupported,
        "Retrieval is not supported on this method",
        "Method '{0}' cannot retrieve passages: {1}",
        RetrievalCategory);

    public static readonly DiagnosticDescriptor QueryGivenTwice = DiagnosticDescriptors.Create(
        DiagnosticIds.QueryGivenTwice,
        "Retrieval query is given twice",
        "[Retrieve] of method '{0}' sets both Query and QueryTemplate; the query comes from one of them: remove QueryTemplate to search for the parameter's text, or Query to search for the rendered template",
        RetrievalCategory);

    public static readonly DiagnosticDescriptor InvalidReranking = DiagnosticDescriptors.Create(
        DiagnosticIds.InvalidReranking,
        "Reranking setting cannot be sent",
        "[Retrieve] of method '{0}' {1}",
        RetrievalCategory);

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        MissingKnowledgeBase,
        NumberOfResultsOutOfRange,
        UnknownRetrievalParameter,
        CitationsWithoutDocuments,
        RetrievalNotSupported,
        QueryGivenTwice,
        InvalidReranking);
}
