using System;
using System.Text;

namespace PromptGen.Media;

/// <summary>
/// Bedrock's rule for document names (wire spec §3): 1–200 characters of letters, digits, single spaces, hyphens,
/// parentheses and square brackets. Letters and digits are taken as ASCII only, the narrow reading of "alphanumeric".
/// </summary>
internal static class DocumentNames
{
    /// <summary>Why <paramref name="name"/> is refused, or null when Bedrock accepts it.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "a document name must not be empty";
        }

        if (name.Length > PromptMediaLimits.MaxDocumentNameLength)
        {
            return $"a document name has at most {PromptMediaLimits.MaxDocumentNameLength} characters, this one {name.Length}";
        }

        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == ' ' && i > 0 && name[i - 1] == ' ')
            {
                return $"a document name must not hold consecutive spaces (at {i})";
            }

            if (!IsAllowed(c))
            {
                return $"a document name may hold only letters, digits, single spaces, hyphens, parentheses and square brackets, not '{c}' (at {i})";
            }
        }

        return null;
    }

    /// <summary>
    /// A name Bedrock accepts made from any text: each run of other characters becomes one hyphen (so "Q3 report_v2.final"
    /// is "Q3 report-v2-final"), spaces are collapsed, the ends trimmed, and the length cut to 200.
    /// </summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, PromptMediaLimits.MaxDocumentNameLength));
        foreach (char c in text)
        {
            char next = char.IsWhiteSpace(c) ? ' ' : IsAllowed(c) ? c : '-';
            bool repeat = builder.Length > 0 && builder[^1] == next && next is ' ' or '-';
            if (!repeat && !(builder.Length == 0 && next is ' ' or '-'))
            {
                builder.Append(next);
            }
        }

        string name = builder.ToString().TrimEnd(' ', '-');
        if (name.Length > PromptMediaLimits.MaxDocumentNameLength)
        {
            name = name.Substring(0, PromptMediaLimits.MaxDocumentNameLength).TrimEnd(' ');
        }

        return name.Length == 0 ? "document" : name;
    }

    private static bool IsAllowed(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' ' or '-' or '(' or ')' or '[' or ']';
}
