using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// A method's <c>[Retrieve]</c> as written: where passages come from (a knowledge base id, or the method's
/// <c>IPassageRetriever</c> parameter), how many, and which parameters give the query and the filter. The generator's
/// <see cref="RetrievalReader"/> judges it and the template analyzers read it, so both agree on what the template's
/// <c>passages</c> is and which parameters retrieval uses. Holds symbols: lives for one transform or analyzer callback.
/// </summary>
internal sealed class RetrievalChoice
{
    /// <summary>The name templates read the passages by (<c>RetrieveAttribute.PassagesVariable</c>).</summary>
    public const string PassagesVariable = "passages";

    public const int DefaultNumberOfResults = 5;

    /// <summary>The attribute's property holding the query template.</summary>
    public const string QueryTemplateArgument = "QueryTemplate";

    public const string RerankModelArgument = "RerankModel";

    public const string NumberOfRerankedResultsArgument = "NumberOfRerankedResults";

    private RetrievalChoice(AttributeData attribute, IMethodSymbol method, KnownTypeSymbols knownTypes)
    {
        Attribute = attribute;
        HasKnowledgeBaseArgument = attribute.ConstructorArguments.Length > 0;
        KnowledgeBaseId = AttributeReader.FirstStringArgument(attribute);
        Query = AttributeReader.NamedString(attribute, "Query");
        QueryTemplate = AttributeReader.NamedString(attribute, QueryTemplateArgument);
        Filter = AttributeReader.NamedString(attribute, "Filter");
        SearchType = AttributeReader.NamedString(attribute, "SearchType");
        RerankModel = AttributeReader.NamedString(attribute, RerankModelArgument);
        NumberOfRerankedResults = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == NumberOfRerankedResultsArgument).Value.Value as int?;
        NumberOfResults = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == "NumberOfResults").Value.Value as int? ?? DefaultNumberOfResults;
        Citations = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == "Citations").Value.Value as bool? ?? false;
        QueryParameter = Query is null ? null : method.Parameters.FirstOrDefault(parameter => parameter.Name == Query);
        FilterParameter = Filter is null ? null : method.Parameters.FirstOrDefault(parameter => parameter.Name == Filter);
        RetrieverParameter = knownTypes.PassageRetriever is null
            ? null
            : method.Parameters.FirstOrDefault(parameter => SymbolEqualityComparer.Default.Equals(parameter.Type, knownTypes.PassageRetriever));
        FilterFits = FilterParameter is not null && SymbolEqualityComparer.Default.Equals(FilterParameter.Type, knownTypes.RetrievalFilter);
        PassagesType = knownTypes.RetrievedPassage is { } passage && knownTypes.ReadOnlyList is { } list ? list.Construct(passage) : null;
    }

    public AttributeData Attribute { get; }

    /// <summary>The constructor with a knowledge base id was used (whatever its value).</summary>
    public bool HasKnowledgeBaseArgument { get; }

    public string? KnowledgeBaseId { get; }

    public string? Query { get; }

    /// <summary>The Scriban template the query is rendered from; null when <see cref="Query"/> names a parameter.</summary>
    public string? QueryTemplate { get; }

    public string? Filter { get; }

    public string? SearchType { get; }

    /// <summary>The reranker model id; null without reranking.</summary>
    public string? RerankModel { get; }

    /// <summary>How many results the reranker keeps, when written.</summary>
    public int? NumberOfRerankedResults { get; }

    public int NumberOfResults { get; }

    public bool Citations { get; }

    public IParameterSymbol? QueryParameter { get; }

    public IParameterSymbol? FilterParameter { get; }

    /// <summary>The filter parameter is a <c>RetrievalFilter</c>.</summary>
    public bool FilterFits { get; }

    /// <summary>The method's <c>IPassageRetriever</c> parameter; null when it has none.</summary>
    public IParameterSymbol? RetrieverParameter { get; }

    /// <summary><c>IReadOnlyList&lt;RetrievedPassage&gt;</c>: the type of <c>passages</c> in the templates.</summary>
    public ITypeSymbol? PassagesType { get; }

    /// <summary>The method's retrieval; null without <c>[Retrieve]</c> or when the attribute does not compile.</summary>
    public static RetrievalChoice? Read(IMethodSymbol method, KnownTypeSymbols knownTypes) =>
        AttributeReader.Find(method, knownTypes.RetrieveAttribute) is { } attribute && !AttributeReader.HasErrors(attribute)
            ? new RetrievalChoice(attribute, method, knownTypes)
            : null;

    /// <summary>Whether retrieval uses <paramref name="parameter"/> (query, filter or retriever), so no template needs to.</summary>
    public bool Uses(IParameterSymbol parameter) =>
        SymbolEqualityComparer.Default.Equals(parameter, QueryParameter)
        || SymbolEqualityComparer.Default.Equals(parameter, FilterParameter)
        || SymbolEqualityComparer.Default.Equals(parameter, RetrieverParameter);

    /// <summary>The template variables retrieval adds: <c>passages</c>, unless a parameter has that name (PG0504).</summary>
    public void AddTemplateVariables(IDictionary<string, ITypeSymbol?> variables)
    {
        if (!variables.ContainsKey(PassagesVariable))
        {
            variables[PassagesVariable] = PassagesType;
        }
    }
}
