using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// A prompt method's <see cref="RetrieveAttribute"/> as the generated method passes it on.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RetrievalSpec
{
    /// <summary>The knowledge base id or configured name; null when a retriever parameter retrieves.</summary>
    public string? KnowledgeBaseId { get; init; }

    /// <summary>
    /// The name of the parameter the query text comes from, or <c>QueryTemplate</c> when the query is rendered from
    /// <see cref="RetrieveAttribute.QueryTemplate"/>, for error messages.
    /// </summary>
    public string QueryParameter { get; init; } = "query";

    /// <summary>How many passages at most (1 to 100).</summary>
    public int NumberOfResults { get; init; } = RetrieveAttribute.DefaultNumberOfResults;

    /// <summary>The search type sent to a knowledge base; null lets Bedrock choose.</summary>
    public string? SearchType { get; init; }

    /// <summary>The reranker model id the knowledge base reorders its results with; null for none.</summary>
    public string? RerankModel { get; init; }

    /// <summary>How many results the reranker keeps; null leaves it to the service.</summary>
    public int? NumberOfRerankedResults { get; init; }
}
