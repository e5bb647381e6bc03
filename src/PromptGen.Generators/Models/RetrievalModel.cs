namespace PromptGen.Generators.Models;

/// <summary>
/// What a method with <c>[Retrieve]</c> retrieves before its Converse call, as the emitter writes it. No symbols.
/// </summary>
/// <param name="KnowledgeBaseId">The knowledge base id or configured name; null when <paramref name="RetrieverParameter"/> retrieves.</param>
/// <param name="RetrieverParameter">The identifier of the method's <c>IPassageRetriever</c> parameter; null for a knowledge base.</param>
/// <param name="QueryParameter">The identifier of the string parameter whose text is the query.</param>
/// <param name="QueryParameterName">Its name, for the error an empty query raises.</param>
/// <param name="FilterParameter">The identifier of the <c>RetrievalFilter</c> parameter; null for none.</param>
/// <param name="NumberOfResults">How many passages at most (1 to 100).</param>
/// <param name="SearchType">The search type sent; null lets Bedrock choose.</param>
/// <param name="Citations">The passages also go to the model as documents with citations turned on.</param>
internal sealed record RetrievalModel(
    string? KnowledgeBaseId,
    string? RetrieverParameter,
    string QueryParameter,
    string QueryParameterName,
    string? FilterParameter,
    int NumberOfResults,
    string? SearchType,
    bool Citations);
