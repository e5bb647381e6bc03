using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen.Retrieval;

/// <summary>Passages from a Bedrock knowledge base: one <c>Retrieve</c> call per query.</summary>
public sealed class KnowledgeBaseRetriever : IPassageRetriever
{
    private readonly IBedrockRuntime _runtime;

    /// <param name="runtime">The client (a <see cref="BedrockRuntimeClient"/>, instrumented or not).</param>
    /// <param name="knowledgeBaseId">The knowledge base id.</param>
    /// <param name="searchType"><see cref="SearchTypes.Hybrid"/> or <see cref="SearchTypes.Semantic"/>; null lets Bedrock choose.</param>
    public KnowledgeBaseRetriever(IBedrockRuntime runtime, string knowledgeBaseId, string? searchType = null)
    {
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        ArgumentException.ThrowIfNullOrWhiteSpace(knowledgeBaseId);
        KnowledgeBaseId = knowledgeBaseId;
        SearchType = searchType;
    }

    /// <summary>The knowledge base queried.</summary>
    public string KnowledgeBaseId { get; }

    /// <summary>The search type sent, or null.</summary>
    public string? SearchType { get; }

    /// <summary>
    /// The reranking sent with every search (its model may be a model id: the client sends it as the foundation-model
    /// ARN of its region); null for none.
    /// </summary>
    public VectorSearchRerankingConfiguration? Reranking { get; init; }

    /// <inheritdoc />
    /// <exception cref="BedrockServiceException">The service refused the call (an unknown knowledge base is <see cref="BedrockResourceNotFoundException"/>).</exception>
    public async Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(PassageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        RetrieveResponse response = await _runtime.RetrieveAsync(
                KnowledgeBaseId,
                new RetrieveRequest
                {
                    RetrievalQuery = { Text = query.Text },
                    RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration
                    {
                        VectorSearchConfiguration =
                        {
                            NumberOfResults = query.Count, OverrideSearchType = SearchType, Filter = query.Filter, RerankingConfiguration = Reranking,
                        },
                    },
                },
                cancellationToken)
            .ConfigureAwait(false);

        var passages = new List<RetrievedPassage>(response.RetrievalResults.Count);
        foreach (KnowledgeBaseRetrievalResult result in response.RetrievalResults)
        {
            passages.Add(RetrievedPassage.FromKnowledgeBase(result, passages.Count + 1));
        }

        return passages;
    }
}
