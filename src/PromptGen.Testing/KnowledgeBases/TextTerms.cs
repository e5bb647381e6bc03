using System;
using System.Collections.Generic;

namespace PromptGen.Testing.KnowledgeBases;

/// <summary>
/// Splits text into lower-case terms for lexical ranking: runs of letters and digits; a few very common English words
/// are dropped so they do not decide a ranking on their own.
/// </summary>
internal static class TextTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "is", "it", "its", "of", "on", "or",
        "that", "the", "this", "to", "was", "what", "when", "where", "which", "who", "why", "with", "does", "do", "can",
    };

    public static List<string> Of(string text)
    {
        var terms = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                string term = text[start..i].ToLowerInvariant();
                if (!StopWords.Contains(term))
                {
                    terms.Add(term);
                }

                start = -1;
            }
        }

        return terms;
    }
}
