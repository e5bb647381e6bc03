using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PromptGen.Bedrock;

namespace PromptGen;

/// <summary>
/// Which source supports which part of an answer, the same whether it came from Converse document citations
/// (<c>citationsContent</c> blocks) or from a knowledge base's RetrieveAndGenerate citations.
/// </summary>
public sealed class PromptCitation
{
    /// <param name="citedText">The part of the answer the source supports.</param>
    /// <param name="source">The source: a document's title, an S3 URI, a URL; null when unknown.</param>
    /// <param name="sourceText">The cited text of the source; null when not given.</param>
    /// <param name="location">Where in the source, e.g. <c>document 0, characters 12-80</c>; null when not given.</param>
    public PromptCitation(string citedText, string? source, string? sourceText, string? location)
    {
        CitedText = citedText ?? throw new ArgumentNullException(nameof(citedText));
        Source = source;
        SourceText = sourceText;
        Location = location;
    }

    /// <summary>The part of the answer the source supports.</summary>
    public string CitedText { get; }

    /// <summary>The source: a document's title, an S3 URI, a URL; null when unknown.</summary>
    public string? Source { get; }

    /// <summary>The cited text of the source (the passage); null when not given.</summary>
    public string? SourceText { get; }

    /// <summary>Where in the source, e.g. <c>document 0, characters 12-80</c>; null when not given.</summary>
    public string? Location { get; }

    /// <summary>The citations of a Converse answer's <c>citationsContent</c> blocks, one per cited source, in order.</summary>
    /// <param name="message">The assistant message; null gives none.</param>
    public static IReadOnlyList<PromptCitation> FromMessage(Message? message) => FromMessage(message, null);

    /// <summary>
    /// As <see cref="FromMessage(Message?)"/>, with a citation of a retrieved passage's document (named
    /// <c>passage {rank}</c> by <see cref="CompilerServices.PassageRetrieval"/>) naming the passage's location as its source.
    /// </summary>
    internal static IReadOnlyList<PromptCitation> FromMessage(Message? message, IReadOnlyList<Retrieval.RetrievedPassage>? passages)
    {
        var citations = new List<PromptCitation>();
        foreach (ContentBlock block in message?.Content ?? [])
        {
            if (block?.CitationsContent is not { } content)
            {
                continue;
            }

            string cited = string.Concat((content.Content ?? []).Select(part => part?.Text));
            foreach (ConverseCitation? citation in content.Citations ?? [])
            {
                if (citation is null)
                {
                    continue;
                }

                citations.Add(new PromptCitation(
                    cited,
                    PassageSource(citation.Title, passages) ?? citation.Title ?? citation.Source,
                    citation.SourceContent is { Count: > 0 } source ? string.Concat(source.Select(part => part?.Text)) : null,
                    Describe(citation.Location)));
            }
        }

        return citations;
    }

    private static string? PassageSource(string? title, IReadOnlyList<Retrieval.RetrievedPassage>? passages)
    {
        if (title is null || passages is null)
        {
            return null;
        }

        foreach (Retrieval.RetrievedPassage passage in passages)
        {
            if (passage.Location is { } location && CompilerServices.PassageRetrieval.DocumentName(passage) == title)
            {
                return location;
            }
        }

        return null;
    }

    /// <summary>The citations of a RetrieveAndGenerate answer: one per cited passage, in order.</summary>
    /// <param name="response">The answer.</param>
    public static IReadOnlyList<PromptCitation> FromKnowledgeBase(RetrieveAndGenerateResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var citations = new List<PromptCitation>();
        foreach (KnowledgeBaseCitation citation in response.Citations ?? [])
        {
            TextResponsePart? part = citation?.GeneratedResponsePart?.TextResponsePart;
            string cited = part?.Text ?? "";
            string? span = part?.Span is { } s ? string.Create(CultureInfo.InvariantCulture, $"answer characters {s.Start}-{s.End}") : null;
            foreach (RetrievedReference? reference in citation?.RetrievedReferences ?? [])
            {
                if (reference is not null)
                {
                    citations.Add(new PromptCitation(cited, reference.Location?.Address, reference.Content?.Text, span));
                }
            }
        }

        return citations;
    }

    /// <inheritdoc />
    public override string ToString() => $"\"{CitedText}\" ← {Source ?? "?"}{(Location is null ? "" : " (" + Location + ")")}";

    private static string? Describe(CitationLocation? location) => location switch
    {
        { DocumentChar: { } range } => Range("characters", range),
        { DocumentPage: { } range } => Range("pages", range),
        { DocumentChunk: { } range } => Range("chunks", range),
        { OtherMembers.Count: > 0 } other => other.OtherMembers!.Keys.First(),
        _ => null,
    };

    private static string Range(string unit, DocumentRangeLocation range) =>
        string.Create(CultureInfo.InvariantCulture, $"document {range.DocumentIndex ?? 0}, {unit} {range.Start}-{range.End}");
}
