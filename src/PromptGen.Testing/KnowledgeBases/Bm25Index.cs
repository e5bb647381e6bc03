using System;
using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Testing.KnowledgeBases;

/// <summary>
/// Okapi BM25 over a fixed set of documents (k1 = 1.2, b = 0.75, the Lucene/Elasticsearch defaults; idf with the +1
/// that keeps it positive: ln(1 + (N − n + 0.5) / (n + 0.5))). Scores are raw BM25 sums, higher is better; documents
/// that share no term with the query score 0 and are not returned.
/// </summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly List<Dictionary<string, int>> _termCounts = new();
    private readonly List<int> _lengths = new();
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25Index(IEnumerable<string> documents)
    {
        foreach (string document in documents)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            List<string> terms = TextTerms.Of(document);
            foreach (string term in terms)
            {
                counts[term] = counts.TryGetValue(term, out int count) ? count + 1 : 1;
            }

            foreach (string term in counts.Keys)
            {
                _documentFrequency[term] = _documentFrequency.TryGetValue(term, out int frequency) ? frequency + 1 : 1;
            }

            _termCounts.Add(counts);
            _lengths.Add(terms.Count);
        }

        _averageLength = _lengths.Count == 0 ? 0 : Math.Max(1, _lengths.Average());
    }

    public int Count => _termCounts.Count;

    /// <summary>The BM25 score of document <paramref name="document"/> for the query's terms.</summary>
    public double Score(IReadOnlyCollection<string> queryTerms, int document)
    {
        Dictionary<string, int> counts = _termCounts[document];
        double score = 0;
        foreach (string term in queryTerms)
        {
            if (!counts.TryGetValue(term, out int frequency))
            {
                continue;
            }

            int documentsWithTerm = _documentFrequency[term];
            double idf = Math.Log(1 + ((Count - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5)));
            double norm = K1 * (1 - B + (B * _lengths[document] / _averageLength));
            score += idf * (frequency * (K1 + 1)) / (frequency + norm);
        }

        return score;
    }

    /// <summary>
    /// The documents that match <paramref name="query"/> and pass <paramref name="include"/>, best first (ties in
    /// document order), at most <paramref name="count"/>.
    /// </summary>
    public List<(int Document, double Score)> Search(string query, int count, Func<int, bool>? include = null)
    {
        // A term repeated in the query counts once, as in Lucene's default query parsing of a bag of words.
        string[] queryTerms = TextTerms.Of(query).Distinct(StringComparer.Ordinal).ToArray();
        var hits = new List<(int Document, double Score)>();
        for (int document = 0; document < Count; document++)
        {
            if (include is not null && !include(document))
            {
                continue;
            }

            double score = Score(queryTerms, document);
            if (score > 0)
            {
                hits.Add((document, score));
            }
        }

        return hits
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Document)
            .Take(count)
            .ToList();
    }
}
