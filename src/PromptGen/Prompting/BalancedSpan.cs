namespace PromptGen.Prompting;

/// <summary>
/// Finds where a bracketed span ends, counting brackets outside strings and comments only: a cheap structural
/// scan, looser than parsing, used to step over a candidate that did not parse.
/// </summary>
internal static class BalancedSpan
{
    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, or -1 when it never closes.</summary>
    public static int FindEnd(string text, int open, int end)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = open; i < end; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quote = c;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
                case '/' when i + 1 < end && text[i + 1] == '/':
                    int newline = text.IndexOf('\n', i, end - i);
                    i = newline < 0 ? end : newline;
                    break;
                case '/' when i + 1 < end && text[i + 1] == '*':
                    int close = text.IndexOf("*/", i + 2, end - i - 2, System.StringComparison.Ordinal);
                    i = close < 0 ? end : close + 1;
                    break;
            }
        }

        return -1;
    }
}
