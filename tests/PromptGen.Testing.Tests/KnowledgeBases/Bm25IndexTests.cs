using System.Linq;
using PromptGen.Testing.KnowledgeBases;
using Xunit;

namespace PromptGen.Testing.Tests.KnowledgeBases;

/// <summary>The emulator's BM25 ranker on a corpus small enough to score by hand (k1 = 1.2, b = 0.75).</summary>
public sealed class Bm25IndexTests
{
    private static readonly string[] Corpus =
    [
        "the cat sat on the mat",                     // terms: cat sat mat (3)
        "the dog chased the cat around the cat tree", // dog chased cat around cat tree (6)
        "dogs and cats",                              // dogs cats (2): no exact term of the query
        "a bird in the tree",                         // bird tree (2)
    ];

    [Fact]
    public void Ranks_by_term_frequency_rarity_and_length_in_the_expected_order()
    {
        var index = new Bm25Index(Corpus);

        var hits = index.Search("cat tree", count: 10);

        // By hand: idf(cat) = idf(tree) = ln(1 + 2.5/2.5) = ln 2; average length 13/4.
        // doc1 = ln2·(2·2.2/(2 + 1.9615)) + ln2·(2.2/(1 + 1.9615)) = 1.2848
        // doc3 = ln2·2.2/(1 + 0.8538) = 0.8226 — short, so it beats doc0 with the same single match
        // doc0 = ln2·2.2/(1 + 1.1308) = 0.7157; doc2 shares no term and is left out.
        Assert.Equal(new[] { 1, 3, 0 }, hits.Select(hit => hit.Document).ToArray());
        Assert.Equal(1.2848, hits[0].Score, precision: 3);
        Assert.Equal(0.8226, hits[1].Score, precision: 3);
        Assert.Equal(0.7157, hits[2].Score, precision: 3);
    }

    [Fact]
    public void Takes_the_top_count_and_keeps_document_order_on_ties()
    {
        var index = new Bm25Index(["alpha beta", "alpha gamma", "alpha delta"]);

        var hits = index.Search("alpha", count: 2);

        Assert.Equal(new[] { 0, 1 }, hits.Select(hit => hit.Document).ToArray());
        Assert.Equal(hits[0].Score, hits[1].Score);
    }

    [Fact]
    public void Filtered_out_documents_are_skipped_and_stopwords_do_not_match()
    {
        var index = new Bm25Index(Corpus);

        Assert.Equal(new[] { 3, 0 }, index.Search("cat tree", 10, document => document != 1).Select(hit => hit.Document).ToArray());
        Assert.Empty(index.Search("the and of", 10));
    }
}
