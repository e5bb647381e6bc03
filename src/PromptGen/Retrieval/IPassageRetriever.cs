using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Retrieval;

/// <summary>
/// Where a prompt's passages come from: a Bedrock knowledge base (<see cref="KnowledgeBaseRetriever"/>), a
/// Microsoft.Extensions.VectorData collection (<see cref="VectorStorePassageRetriever{TKey, TRecord}"/>), or your own
/// store. Swapping one for another is configuration: the prompt and its template stay the same.
/// </summary>
public interface IPassageRetriever
{
    /// <summary>The passages for <paramref name="query"/>, best first, ranked from 1.</summary>
    /// <param name="query">The query text, count and filter.</param>
    /// <param name="cancellationToken">Cancels the retrieval.</param>
    Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(PassageQuery query, CancellationToken cancellationToken = default);
}
