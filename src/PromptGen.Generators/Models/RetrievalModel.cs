namespace PromptGen.Generators.Models;

/// <summary>
/// What a method with <c>[Retrieve]</c> retrieves before its Converse call, as the emitter writes it. No symbols.
/// </summary>
/// <param name="KnowledgeBaseId">The knowledge base id or configured name; null when <paramref name="RetrieverParameter"/> retrieves.</param>
/// <param name="RetrieverParameter">The identifier of the method's <c>IPassageRetriever</c> parameter; null for a knowledge base.</param>
/// <param name="QueryParameter">The identifier of the string parameter whose text is the query; null when <see cref="QueryTemplate"/> renders it.</param>
/// <param name="QueryParameterName">Its name (or <c>QueryTemplate</c>), for the error an empty query raises.</param>
/// <param name="FilterParameter">The identifier of the <c>RetrievalFilter</c> parameter; null for none.</param>
/// <param name="NumberOfResults">How many passages at most (1 to 100).</param>
/// <param name="SearchType">The search type sent; null lets Bedrock choose.</param>
/// <param name="Citations">The passages also go to the model as documents with citations turned on.</param>
internal sealed record RetrievalModel(
    string? KnowledgeBaseId,
    string? RetrieverParameter,
    string? QueryParameter,
    string QueryParameterName,
    string? FilterParameter,
    int NumberOfResults,
    string? SearchType,
    bool Citations)
{
    /// <summary>The Scriban template the query is rendered from; null when <see cref="QueryParameter"/> is the query.</summary>
    public string? QueryTemplate { get; init; }

    /// <summary>The query template compiled to C#; null when there is none or it renders with Scriban at run time.</summary>
    public Templates.CompiledTemplate? CompiledQueryTemplate { get; init; }

    /// <summary>The reranker model id the knowledge base reorders its results with; null for none.</summary>
    public string? RerankModel { get; init; }

    /// <summary>How many results the reranker keeps; null leaves it to the service.</summary>
    public int? NumberOfRerankedResults { get; init; }

    /// <summary>The query template renders with Scriban at run time (which reads the parameters' members by reflection).</summary>
    public bool QueryUsesScriban => QueryTemplate is not null && CompiledQueryTemplate is null;
}
