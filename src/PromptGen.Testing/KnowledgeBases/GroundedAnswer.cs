using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PromptGen.Testing.Wire.KnowledgeBases;

namespace PromptGen.Testing.KnowledgeBases;

/// <summary>
/// What RetrieveAndGenerate does around the model call: the prompt built from the retrieved passages, and the
/// citations of the answer — each sentence cites the retrieved passages that share a term with it (sentences that
/// share none are not cited), so citations always point at chunks this request retrieved.
/// </summary>
internal static class GroundedAnswer
{
    /// <summary>The emulator's default template (Bedrock's own default is not published verbatim; this one has the same placeholders).</summary>
    public const string DefaultTemplate =
        "Answer the question using only the search results below, and say so when they do not contain the answer.\n\n"
        + "<search_results>\n$search_results$\n</search_results>\n\nQuestion: $query$";

    public static string Prompt(string? template, string question, IReadOnlyList<KnowledgeBaseChunk> passages)
    {
        var results = new StringBuilder();
        for (int i = 0; i < passages.Count; i++)
        {
            results.Append("<search_result index=\"").Append(i + 1).Append("\" source=\"").Append(passages[i].SourceUri).Append("\">\n")
                .Append(passages[i].Text).Append("\n</search_result>\n");
        }

        return (template ?? DefaultTemplate)
            .Replace("$search_results$", results.ToString().TrimEnd(), StringComparison.Ordinal)
            .Replace("$query$", question, StringComparison.Ordinal);
    }

    public static List<AnswerCitation> Cite(string answer, IReadOnlyList<KnowledgeBaseChunk> passages)
    {
        var passageTerms = passages.Select(passage => new HashSet<string>(TextTerms.Of(passage.Text), StringComparer.Ordinal)).ToList();
        var citations = new List<AnswerCitation>();
        foreach ((int start, int length) in Sentences(answer))
        {
            string sentence = answer.Substring(start, length);
            List<string> terms = TextTerms.Of(sentence);
            var references = new List<KnowledgeBaseChunk>();
            for (int i = 0; i < passages.Count; i++)
            {
                if (terms.Exists(passageTerms[i].Contains))
                {
                    references.Add(passages[i]);
                }
            }

            if (references.Count > 0)
            {
                citations.Add(new AnswerCitation(start, start + length - 1, sentence, references));
            }
        }

        return citations;
    }

    /// <summary>Sentences: runs ending in '.', '!' or '?' followed by white space, or in a line break; trimmed.</summary>
    private static IEnumerable<(int Start, int Length)> Sentences(string text)
    {
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            bool end = i == text.Length || text[i] == '\n'
                || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end)
            {
                continue;
            }

            int stop = i < text.Length && text[i] != '\n' ? i + 1 : i;
            while (start < stop && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            int last = stop;
            while (last > start && char.IsWhiteSpace(text[last - 1]))
            {
                last--;
            }

            if (last > start)
            {
                yield return (start, last - start);
            }

            start = stop;
        }
    }
}
