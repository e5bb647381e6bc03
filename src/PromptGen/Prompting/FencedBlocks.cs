using System;
using System.Collections.Generic;

namespace PromptGen.Prompting;

/// <summary>
/// Finds Markdown code fences in a model's answer: <c>```</c> (three or more backticks), an optional language tag,
/// the content, and the closing fence. An unclosed fence runs to the end of the text, since a cut-off answer
/// loses its closing fence first.
/// </summary>
/// <remarks>
/// Blocks tagged as another language (<c>```python</c>) come after untagged and JSON-tagged ones: the code in
/// them may hold a bracketed list that would otherwise be taken for the answer.
/// </remarks>
internal static class FencedBlocks
{
    /// <summary>The content ranges (start, end) of the fenced blocks: JSON-tagged and untagged ones first, each group in order.</summary>
    public static List<(int Start, int End)> Find(string text)
    {
        var likelyJson = new List<(int Start, int End)>();
        var otherLanguages = new List<(int Start, int End)>();
        int position = 0;
        while (position < text.Length)
        {
            int open = text.IndexOf("```", position, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            int tagStart = SkipBackticks(text, open);
            int contentStart = SkipLanguageTag(text, tagStart);
            ReadOnlySpan<char> tag = text.AsSpan(tagStart, contentStart - tagStart);
            var blocks = tag.IsEmpty || tag.Contains("json", StringComparison.OrdinalIgnoreCase) ? likelyJson : otherLanguages;
            int close = text.IndexOf("```", contentStart, StringComparison.Ordinal);
            if (close < 0)
            {
                blocks.Add((contentStart, text.Length));
                break;
            }

            blocks.Add((contentStart, close));
            position = SkipBackticks(text, close);
        }

        likelyJson.AddRange(otherLanguages);
        return likelyJson;
    }

    private static int SkipBackticks(string text, int position)
    {
        while (position < text.Length && text[position] == '`')
        {
            position++;
        }

        return position;
    }

    /// <summary>
    /// The tag is the word right after the backticks (<c>json</c>, <c>JSON5</c>, <c>jsonc</c>...). It stops at
    /// whitespace or at a bracket, so an inline fence such as <c>```json{"a":1}```</c> still yields its JSON.
    /// </summary>
    private static int SkipLanguageTag(string text, int position)
    {
        while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('{' or '[' or '`'))
        {
            position++;
        }

        return position;
    }
}
