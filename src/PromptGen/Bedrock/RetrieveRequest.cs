namespace PromptGen.Bedrock;

// The Knowledge Bases runtime API (service bedrock-agent-runtime), as the official SDK models it:
// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_Retrieve.html

/// <summary>
/// The body of a knowledge base <c>Retrieve</c> request (<c>POST /knowledgebases/{knowledgeBaseId}/retrieve</c>); the
/// knowledge base id travels in the path, as the argument of <see cref="IBedrockRuntime.RetrieveAsync"/>.
/// </summary>
public sealed class RetrieveRequest
{
    /// <summary>What to search for.</summary>
    public KnowledgeBaseQuery RetrievalQuery { get; set; } = new();

    /// <summary>How many results, which search and which filter; null for the knowledge base's defaults.</summary>
    public KnowledgeBaseRetrievalConfiguration? RetrievalConfiguration { get; set; }

    /// <summary>The token of a previous answer's <see cref="RetrieveResponse.NextToken"/>, for the next page.</summary>
    public string? NextToken { get; set; }
}

/// <summary>The <c>retrievalQuery</c> of a Retrieve request.</summary>
public sealed class KnowledgeBaseQuery
{
    /// <summary>The query text.</summary>
    public string Text { get; set; } = "";
}

/// <summary><c>retrievalConfiguration</c>: how a knowledge base is searched.</summary>
public sealed class KnowledgeBaseRetrievalConfiguration
{
    /// <summary>The vector search settings (required by the API inside a retrieval configuration).</summary>
    public KnowledgeBaseVectorSearchConfiguration VectorSearchConfiguration { get; set; } = new();
}

/// <summary><c>vectorSearchConfiguration</c>: number of results, search type and metadata filter.</summary>
public sealed class KnowledgeBaseVectorSearchConfiguration
{
    /// <summary>The smallest <see cref="NumberOfResults"/> the API accepts.</summary>
    public const int MinNumberOfResults = 1;

    /// <summary>
    /// The largest <see cref="NumberOfResults"/> the API accepts
    /// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_KnowledgeBaseVectorSearchConfiguration.html).
    /// </summary>
    public const int MaxNumberOfResults = 100;

    /// <summary>How many results to return, 1 to 100; null for the service's default (5).</summary>
    public int? NumberOfResults { get; set; }

    /// <summary><c>HYBRID</c> or <c>SEMANTIC</c>; null lets Bedrock choose. See <see cref="SearchTypes"/>.</summary>
    public string? OverrideSearchType { get; set; }

    /// <summary>Only results whose metadata match; null for no filter.</summary>
    public RetrievalFilter? Filter { get; set; }

    /// <summary>Reorder the results with a reranker model; null for none.</summary>
    public VectorSearchRerankingConfiguration? RerankingConfiguration { get; set; }

    /// <summary>Let a model build a metadata filter from the query; null for none.</summary>
    public ImplicitFilterConfiguration? ImplicitFilterConfiguration { get; set; }
}

/// <summary>The values of <see cref="KnowledgeBaseVectorSearchConfiguration.OverrideSearchType"/>.</summary>
public static class SearchTypes
{
    /// <summary>Vector and lexical search combined.</summary>
    public const string Hybrid = "HYBRID";

    /// <summary>Vector search only.</summary>
    public const string Semantic = "SEMANTIC";
}
