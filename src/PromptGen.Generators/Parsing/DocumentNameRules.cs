using System.Text;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Bedrock's rule for document names, as the runtime's <c>PromptDocument</c> applies it: 1–200 characters of ASCII
/// letters and digits, single spaces, hyphens, parentheses and square brackets. The generator checks constant names
/// and turns parameter names into document names with it.
/// </summary>
internal static class DocumentNameRules
{
    private const int MaxLength = 200;

    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "a document name must not be empty";
        }

        if (name.Length > MaxLength)
        {
            return $"a document name has at most {MaxLength} characters, this one {name.Length}";
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] == ' ' && i > 0 && name[i - 1] == ' ')
            {
                return "a document name must not hold consecutive spaces";
            }

            if (!IsAllowed(name[i]))
            {
                return $"a document name may hold only letters, digits, single spaces, hyphens, parentheses and square brackets, not '{name[i]}'";
            }
        }

        return null;
    }

    /// <summary>Same as the runtime's <c>PromptDocument.SanitizeName</c>: other characters become one hyphen per run.</summary>
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            char next = char.IsWhiteSpace(c) ? ' ' : IsAllowed(c) ? c : '-';
            bool repeat = builder.Length > 0 && builder[builder.Length - 1] == next && next is ' ' or '-';
            if (!repeat && !(builder.Length == 0 && next is ' ' or '-'))
            {
                builder.Append(next);
            }
        }

        string name = builder.ToString().TrimEnd(' ', '-');
        if (name.Length > MaxLength)
        {
            name = name.Substring(0, MaxLength).TrimEnd(' ');
        }

        return name.Length == 0 ? "document" : name;
    }

    private static bool IsAllowed(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' ' or '-' or '(' or ')' or '[' or ']';
}
