using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.VectorData;

namespace Rag;

/// <summary>A record of <see cref="InMemoryVectorCollection"/>: a passage, where it comes from, and its embedding.</summary>
public sealed class DocumentChunk
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public required string Source { get; init; }

    public ReadOnlyMemory<float> Embedding { get; set; }
}

/// <summary>
/// A tiny in-memory <see cref="VectorStoreCollection{TKey, TRecord}"/> (no in-memory connector package is
/// used here): exact cosine-similarity search over the records' embeddings, best first.
/// </summary>
public sealed class InMemoryVectorCollection : VectorStoreCollection<string, DocumentChunk>
{
    private readonly ConcurrentDictionary<string, DocumentChunk> _records = new(StringComparer.Ordinal);

    public override string Name => "chunks";

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        _records.Clear();
        return Task.CompletedTask;
    }

    public override Task<DocumentChunk?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.GetValueOrDefault(key));

    public override async IAsyncEnumerable<DocumentChunk> GetAsync(
        Expression<Func<DocumentChunk, bool>> filter, int top, FilteredRecordRetrievalOptions<DocumentChunk>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (DocumentChunk record in _records.Values.Where(filter.Compile()).Take(top))
        {
            yield return record;
        }
    }

    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        _records.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public override Task UpsertAsync(DocumentChunk record, CancellationToken cancellationToken = default)
    {
        _records[record.Id] = record;
        return Task.CompletedTask;
    }

    public override async Task UpsertAsync(IEnumerable<DocumentChunk> records, CancellationToken cancellationToken = default)
    {
        foreach (DocumentChunk record in records)
        {
            await UpsertAsync(record, cancellationToken);
        }
    }

    public override async IAsyncEnumerable<VectorSearchResult<DocumentChunk>> SearchAsync<TInput>(
        TInput searchValue, int top, VectorSearchOptions<DocumentChunk>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (searchValue is not ReadOnlyMemory<float> query)
        {
            throw new NotSupportedException($"This collection searches by ReadOnlyMemory<float>, not {typeof(TInput)}.");
        }

        await Task.Yield();
        IEnumerable<VectorSearchResult<DocumentChunk>> ranked = _records.Values
            .Select(record => new VectorSearchResult<DocumentChunk>(record, Cosine(query.Span, record.Embedding.Span)))
            .OrderByDescending(result => result.Score)
            .ThenBy(result => result.Record.Id, StringComparer.Ordinal)
            .Skip(options?.Skip ?? 0)
            .Take(top);
        foreach (VectorSearchResult<DocumentChunk> result in ranked)
        {
            yield return result;
        }
    }

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Embeddings of {a.Length} and {b.Length} dimensions cannot be compared.");
        }

        double dot = 0, normA = 0, normB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }

        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) => null;
}
