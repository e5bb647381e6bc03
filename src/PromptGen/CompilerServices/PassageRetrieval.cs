using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Retrieval;

namespace PromptGen.CompilerServices;

/// <summary>
/// The retrieval step of a method with <see cref="RetrieveAttribute"/>: one knowledge base <c>Retrieve</c> (through
/// <see cref="KnowledgeBaseRetriever"/>, so the client's id mapping, signing, retries and spans apply) or one call of the
/// method's own <see cref="IPassageRetriever"/>, before the method's one Converse; and, when citations are asked for,
/// the passages as documents with citations turned on.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class PassageRetrieval
{
    /// <summary>Retrieves from the knowledge base the spec names.</summary>
    /// <exception cref="ArgumentException">The query is empty.</exception>
    /// <exception cref="BedrockServiceException">The service refused the call (an unknown knowledge base is <see cref="BedrockResourceNotFoundException"/>).</exception>
    public static Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(
        IBedrockRuntime bedrock, RetrievalSpec spec, string? query, RetrievalFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.KnowledgeBaseId is not { } knowledgeBaseId)
        {
            throw new ArgumentException("The retrieval names no knowledge base.", nameof(spec));
        }

        var retriever = new KnowledgeBaseRetriever(bedrock, knowledgeBaseId, spec.SearchType)
        {
            Reranking = spec.RerankModel is { } rerankModel
                ? VectorSearchRerankingConfiguration.WithBedrockModel(rerankModel, spec.NumberOfRerankedResults)
                : null,
        };
        return retriever.RetrieveAsync(Query(spec, query, filter), cancellationToken);
    }

    /// <summary>Retrieves with the method's own retriever.</summary>
    /// <exception cref="ArgumentNullException">The retriever argument is null.</exception>
    /// <exception cref="ArgumentException">The query is empty.</exception>
    public static Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(
        IPassageRetriever retriever, RetrievalSpec spec, string? query, RetrievalFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        ArgumentNullException.ThrowIfNull(spec);
        return retriever.RetrieveAsync(Query(spec, query, filter), cancellationToken);
    }

    /// <summary>
    /// The user turn with each passage put before its text as a plain-text document named <c>passage {rank}</c> with
    /// citations turned on (documents first, as Bedrock reads documents only beside a text block).
    /// </summary>
    public static Message WithCitableDocuments(Message userTurn, IReadOnlyList<RetrievedPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(userTurn);
        ArgumentNullException.ThrowIfNull(passages);
        var documents = new List<ContentBlock>(passages.Count);
        foreach (RetrievedPassage passage in passages)
        {
            documents.Add(new ContentBlock
            {
                Document = new DocumentBlock
                {
                    Format = "txt",
                    Name = DocumentName(passage),
                    Source = new DocumentSource { Bytes = Encoding.UTF8.GetBytes(passage.Text.Length == 0 ? " " : passage.Text) },
                    Citations = new CitationsConfig { Enabled = true },
                },
            });
        }

        userTurn.Content.InsertRange(0, documents);
        return userTurn;
    }

    /// <summary>The result with the passages it was answered from (<see cref="PromptResult{T}.Passages"/>).</summary>
    public static PromptResult<T> WithPassages<T>(PromptResult<T> result, IReadOnlyList<RetrievedPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Passages = passages ?? throw new ArgumentNullException(nameof(passages));
        return result;
    }

    /// <summary>
    /// A document's name, which is what a citation's title says: its rank (names allow letters, digits, single spaces,
    /// hyphens, parentheses and brackets, so a location such as an S3 URI cannot be one; ranks are unique per request).
    /// </summary>
    public static string DocumentName(RetrievedPassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return "passage " + passage.Rank.ToString(CultureInfo.InvariantCulture);
    }

    private static PassageQuery Query(RetrievalSpec spec, string? query, RetrievalFilter? filter)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException($"The retrieval query '{spec.QueryParameter}' is empty; a retrieval needs text to search for.", spec.QueryParameter);
        }

        return new PassageQuery(query, spec.NumberOfResults) { Filter = filter };
    }
}
