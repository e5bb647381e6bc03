using System;
using System.Collections.Generic;
using System.Text;

namespace PromptGen.Testing.KnowledgeBases;

/// <summary>
/// Splits a document into passages of at most <see cref="MaxWords"/> words, keeping paragraphs (blank-line separated)
/// whole where they fit; a longer paragraph is cut at word boundaries. Like a knowledge base's fixed-size chunking
/// (300 tokens by default), measured in words, without overlap.
/// </summary>
internal static class DocumentChunker
{
    public const int MaxWords = 200;

    public static List<string> Chunk(string text, int maxWords = MaxWords)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        int currentWords = 0;

        void Flush()
        {
            if (currentWords > 0)
            {
                chunks.Add(current.ToString().Trim());
            }

            current.Clear();
            currentWords = 0;
        }

        foreach (string paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            string[] words = paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            if (currentWords + words.Length > maxWords)
            {
                Flush();
            }

            if (words.Length > maxWords)
            {
                for (int start = 0; start < words.Length; start += maxWords)
                {
                    chunks.Add(string.Join(' ', words, start, Math.Min(maxWords, words.Length - start)));
                }

                continue;
            }

            if (currentWords > 0)
            {
                current.Append("\n\n");
            }

            current.Append(paragraph.Trim());
            currentWords += words.Length;
        }

        Flush();
        return chunks;
    }
}
