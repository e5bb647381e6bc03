using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace PromptGen.Retrieval;

/// <summary>
/// Passages from a Microsoft.Extensions.VectorData collection: the query is embedded with an
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (e.g. <see cref="AI.BedrockEmbeddingGenerator"/>) and the
/// collection's vector search returns the nearest records. The selectors say which record members are the text, the
/// location and the metadata, so no reflection is involved.
/// </summary>
/// <typeparam name="TKey">The collection's key type.</typeparam>
/// <typeparam name="TRecord">The collection's record type.</typeparam>
public sealed class VectorStorePassageRetriever<TKey, TRecord> : IPassageRetriever
    where TKey : notnull
    where TRecord : class
{
    private readonly VectorStoreCollection<TKey, TRecord> _collection;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly Func<TRecord, string> _text;
    private readonly Func<TRecord, string?>? _location;
    private readonly Func<TRecord, IReadOnlyDictionary<string, string>?>? _metadata;
    private readonly VectorSearchOptions<TRecord>? _searchOptions;

    /// <param name="collection">The collection searched.</param>
    /// <param name="embeddings">Embeds the query; use the model the records were embedded with.</param>
    /// <param name="text">The passage text of a record.</param>
    /// <param name="location">Where a record comes from; null for none.</param>
    /// <param name="metadata">A record's metadata; null for none.</param>
    /// <param name="searchOptions">The collection's own search options (its filter, vector property, score threshold); null for the defaults.</param>
    public VectorStorePassageRetriever(
        VectorStoreCollection<TKey, TRecord> collection,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        Func<TRecord, string> text,
        Func<TRecord, string?>? location = null,
        Func<TRecord, IReadOnlyDictionary<string, string>?>? metadata = null,
        VectorSearchOptions<TRecord>? searchOptions = null)
    {
        _collection = collection ?? throw new ArgumentNullException(nameof(collection));
        _embeddings = embeddings ?? throw new ArgumentNullException(nameof(embeddings));
        _text = text ?? throw new ArgumentNullException(nameof(text));
        _location = location;
        _metadata = metadata;
        _searchOptions = searchOptions;
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException"><see cref="PassageQuery.Filter"/> is set: knowledge base filters do not translate to a collection's; give the collection's filter in the constructor's search options.</exception>
    public async Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(PassageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Filter is not null)
        {
            throw new NotSupportedException(
                "A vector store collection cannot apply a knowledge base RetrievalFilter; pass VectorSearchOptions with the collection's own filter to the VectorStorePassageRetriever constructor instead.");
        }

        Embedding<float> embedding = await _embeddings.GenerateAsync(query.Text, cancellationToken: cancellationToken).ConfigureAwait(false);
        var passages = new List<RetrievedPassage>(query.Count);
        await foreach (VectorSearchResult<TRecord> result in _collection.SearchAsync(embedding.Vector, query.Count, _searchOptions, cancellationToken).ConfigureAwait(false))
        {
            passages.Add(new RetrievedPassage(_text(result.Record), passages.Count + 1, result.Score, _location?.Invoke(result.Record), _metadata?.Invoke(result.Record)));
        }

        return passages;
    }
}
