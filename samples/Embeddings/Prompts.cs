using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen;

namespace Embeddings;

/// <summary>
/// Embedding methods: the return type says one vector or one per text, the model is an embedding model, and
/// [Embedding] holds the settings, each checked against the model at build time (PG0224).
/// </summary>
[PromptClient(Model = "cohere.embed-english-v3")]
public partial interface ISearchEmbeddings
{
    // Many texts go in as few calls as the model takes (Cohere: 96 per call), in input order.
    [Embedding(InputType = EmbeddingInputType.SearchDocument)]
    Task<IReadOnlyList<Embedding<float>>> EmbedDocumentsAsync(IReadOnlyList<string> documents, CancellationToken cancellationToken = default);

    [Embedding(InputType = EmbeddingInputType.SearchQuery)]
    Task<Embedding<float>> EmbedQueryAsync(string query, CancellationToken cancellationToken = default);
}
