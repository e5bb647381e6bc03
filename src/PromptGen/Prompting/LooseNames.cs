using System;

namespace PromptGen.Prompting;

/// <summary>
/// Name comparison that forgives how models spell names: case is ignored, and <c>_</c>, <c>-</c> and spaces
/// between words are optional, so <c>first_name</c>, <c>First-Name</c> and <c>firstName</c> are one name. A
/// backslash is ignored too: some models escape underscores as Markdown does (<c>first\_name</c>).
/// </summary>
internal static class LooseNames
{
    public static bool Equal(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0;
        int j = 0;
        while (true)
        {
            while (i < a.Length && IsSeparator(a[i]))
            {
                i++;
            }

            while (j < b.Length && IsSeparator(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (char.ToUpperInvariant(a[i]) != char.ToUpperInvariant(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    /// <summary>Strips what models wrap a bare word in: whitespace, quotes, backticks, brackets, end punctuation.</summary>
    public static ReadOnlySpan<char> TrimDecoration(ReadOnlySpan<char> text)
    {
        int start = 0;
        int end = text.Length;
        while (start < end && IsDecoration(text[start]))
        {
            start++;
        }

        while (end > start && IsDecoration(text[end - 1]))
        {
            end--;
        }

        return text.Slice(start, end - start);
    }

    private static bool IsSeparator(char c) => c is '_' or '-' or ' ' or '\\';

    private static bool IsDecoration(char c) =>
        char.IsWhiteSpace(c)
        || c is '"' or '\'' or '`' or '\u2018' or '\u2019' or '\u201C' or '\u201D'
            or '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '[' or ']' or '*' or '_' or '-';
}
