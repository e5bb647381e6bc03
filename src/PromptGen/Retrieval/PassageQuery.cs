using System;
using PromptGen.Bedrock;

namespace PromptGen.Retrieval;

/// <summary>What to retrieve: the query text, how many passages, and (for knowledge bases) a metadata filter.</summary>
public sealed class PassageQuery
{
    /// <param name="text">The query text.</param>
    /// <param name="count">How many passages at most, 1 to 100 (the Knowledge Bases API's range).</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside 1 to 100.</exception>
    public PassageQuery(string text, int count = 5)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, KnowledgeBaseVectorSearchConfiguration.MinNumberOfResults);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, KnowledgeBaseVectorSearchConfiguration.MaxNumberOfResults);
        Text = text;
        Count = count;
    }

    /// <summary>The query text.</summary>
    public string Text { get; }

    /// <summary>How many passages at most.</summary>
    public int Count { get; }

    /// <summary>A knowledge base metadata filter; null for none. Retrievers that cannot apply it refuse it.</summary>
    public RetrievalFilter? Filter { get; init; }
}
