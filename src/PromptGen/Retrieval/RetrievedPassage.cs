using System;
using System.Collections.Generic;
using System.Text.Json;
using PromptGen.Bedrock;

namespace PromptGen.Retrieval;

/// <summary>
/// A passage retrieved for a prompt, as a template sees it: <c>{{ for p in passages }}[{{ p.rank }}] {{ p.text }}
/// ({{ p.location }}){{ end }}</c>. A plain typed value, so the generator checks its members at build time (a typo such
/// as <c>p.txt</c> is PG0103) and the compiled template reads them without reflection.
/// </summary>
public sealed class RetrievedPassage
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    /// <param name="text">The passage text.</param>
    /// <param name="rank">Its 1-based place in the results (1 is the best).</param>
    /// <param name="score">The store's relevance score, higher is better; null when the store gives none.</param>
    /// <param name="location">Where it comes from (an S3 URI, URL, file or document id); null when unknown.</param>
    /// <param name="metadata">Its metadata attributes as text; null for none.</param>
    public RetrievedPassage(string text, int rank, double? score = null, string? location = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        Text = text;
        Rank = rank;
        Score = score;
        Location = location;
        Metadata = metadata ?? NoMetadata;
    }

    /// <summary>The passage text.</summary>
    public string Text { get; }

    /// <summary>Its 1-based place in the results (1 is the best).</summary>
    public int Rank { get; }

    /// <summary>The store's relevance score, higher is better; null when the store gives none. Scales differ between stores.</summary>
    public double? Score { get; }

    /// <summary>Where it comes from: an S3 URI, a URL, a file or a document id; null when unknown.</summary>
    public string? Location { get; }

    /// <summary>Its metadata attributes as text (strings as they are, other JSON values as JSON).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>A knowledge base result as a passage.</summary>
    /// <param name="result">The result, from <see cref="RetrieveResponse.RetrievalResults"/>.</param>
    /// <param name="rank">Its 1-based place in the results.</param>
    public static RetrievedPassage FromKnowledgeBase(KnowledgeBaseRetrievalResult result, int rank)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RetrievedPassage(result.Content?.Text ?? "", rank, result.Score, result.Location?.Address, MetadataText(result.Metadata));
    }

    /// <summary>Metadata attributes as text: strings as they are, other values as their JSON.</summary>
    internal static IReadOnlyDictionary<string, string>? MetadataText(IDictionary<string, JsonElement>? metadata)
    {
        if (metadata is null)
        {
            return null;
        }

        var text = new Dictionary<string, string>(metadata.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonElement> attribute in metadata)
        {
            text[attribute.Key] = attribute.Value.ValueKind == JsonValueKind.String ? attribute.Value.GetString()! : attribute.Value.GetRawText();
        }

        return text;
    }

    /// <inheritdoc />
    public override string ToString() => Location is null ? $"[{Rank}] {Text}" : $"[{Rank}] {Location}: {Text}";
}
