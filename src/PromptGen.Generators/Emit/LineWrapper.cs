using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Wraps one line of generated C# that is too long at its outermost argument or parameter list: all arguments on
/// one continuation line when they fit, otherwise one per line (each wrapped again if still too long). Only
/// whitespace is inserted, after an opening parenthesis or a comma outside strings, so the code means the same.
/// A line with no list to break (string data, a comment) is left as it is.
/// </summary>
internal static class LineWrapper
{
    private const int IndentSize = 4;

    /// <summary>The lines to write for <paramref name="line"/>, each with its extra indentation in levels.</summary>
    public static IReadOnlyList<(int Indent, string Text)> Wrap(string line, int column, int maxLength)
    {
        var lines = new List<(int, string)>();
        Wrap(line, column, maxLength, 0, lines);
        return lines;
    }

    private static void Wrap(string line, int column, int maxLength, int indent, List<(int, string)> lines)
    {
        int width = column + (indent * IndentSize);
        if (width + line.Length <= maxLength || line.StartsWith("//", System.StringComparison.Ordinal))
        {
            lines.Add((indent, line));
            return;
        }

        // Long only because of string data (a template, a JSON literal): breaking the code around it would not help.
        Scan scan = Scan.Of(line);
        if (width + line.Length - scan.StringLength <= maxLength)
        {
            lines.Add((indent, line));
            return;
        }

        ArgumentList? list = FindList(line, scan.Lists);
        if (list is not null && width + list.Open + 1 <= maxLength)
        {
            WrapList(line, list, column, maxLength, indent, lines);
            return;
        }

        // The text before the list is too long already: break after '=' (a declaration or an assignment), before
        // '=>' (an expression body) or before ':' (a base type list) instead, and wrap what follows.
        if (scan.Assignment is { } assignment)
        {
            lines.Add((indent, line.Substring(0, assignment + 2)));
            Wrap(line.Substring(assignment + 3), column, maxLength, indent + 1, lines);
            return;
        }

        if ((scan.Arrow ?? scan.Colon) is { } separator)
        {
            lines.Add((indent, line.Substring(0, separator)));
            Wrap(line.Substring(separator + 1), column, maxLength, indent + 1, lines);
            return;
        }

        if (list is not null)
        {
            WrapList(line, list, column, maxLength, indent, lines);
            return;
        }

        lines.Add((indent, line));
    }

    private static void WrapList(string line, ArgumentList list, int column, int maxLength, int indent, List<(int, string)> lines)
    {
        int width = column + (indent * IndentSize);
        string head = line.Substring(0, list.Open + 1);
        string tail = line.Substring(list.Close);
        List<string> arguments = list.Arguments.Select(range => line.Substring(range.Start, range.End - range.Start).Trim()).ToList();
        lines.Add((indent, head));
        string together = string.Join(", ", arguments) + tail;
        if (width + IndentSize + together.Length <= maxLength)
        {
            lines.Add((indent + 1, together));
            return;
        }

        for (int i = 0; i < arguments.Count; i++)
        {
            Wrap(arguments[i] + (i < arguments.Count - 1 ? "," : tail), column, maxLength, indent + 1, lines);
        }
    }

    /// <summary>
    /// The parenthesized list to break: the least nested of the lists with two items or more and the argument or
    /// parameter lists (not the condition of an <c>if</c> or a <c>while</c>); of those, one with two items or more,
    /// then the longest.
    /// </summary>
    private static ArgumentList? FindList(string line, List<ArgumentList> lists) =>
        lists.Where(list => list.Arguments.Count >= 2 || (list.Open > 0 && (IsIdentifierPart(line[list.Open - 1]) || line[list.Open - 1] == '>')))
            .OrderBy(list => list.Depth)
            .ThenByDescending(list => list.Arguments.Count >= 2)
            .ThenByDescending(list => list.Close - list.Open)
            .FirstOrDefault();

    /// <summary>What a line can be broken at: its complete parenthesized lists, and its separators outside brackets.</summary>
    private sealed class Scan
    {
        public List<ArgumentList> Lists { get; } = new();

        /// <summary>How many characters of the line are string or character literals.</summary>
        public int StringLength { get; private set; }

        /// <summary>The index of the space before the first " = " outside brackets, strings and comments.</summary>
        public int? Assignment { get; private set; }

        /// <summary>The index of the space before the first " => " outside brackets.</summary>
        public int? Arrow { get; private set; }

        /// <summary>The index of the space before the first " : " outside brackets (a base type list).</summary>
        public int? Colon { get; private set; }

        public static Scan Of(string line)
        {
            var scan = new Scan();
            var open = new Stack<(char Bracket, int Index, List<int> Commas)>();
            int generics = 0;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '"' || c == '\'')
                {
                    int end = EndOfLiteral(line, i);
                    scan.StringLength += end - i + 1;
                    i = end;
                    continue;
                }

                if (c == '/' && i + 1 < line.Length && line[i + 1] == '/')
                {
                    break; // a trailing comment
                }

                bool topLevel = open.Count == 0 && generics == 0;
                switch (c)
                {
                    case '(' or '[' or '{':
                        open.Push((c, i, new List<int>()));
                        break;
                    case '<' when i > 0 && IsIdentifierPart(line[i - 1]):
                        generics++; // a type argument list: its commas are not the enclosing list's
                        break;
                    case '>' when generics > 0 && line[i - 1] != '=':
                        generics--;
                        break;
                    case ',' when generics == 0 && open.Count > 0:
                        open.Peek().Commas.Add(i);
                        break;
                    case ')' or ']' or '}' when open.Count > 0:
                        (char bracket, int start, List<int> commas) = open.Pop();
                        if (bracket == '(' && c == ')' && i > start + 1)
                        {
                            scan.Lists.Add(new ArgumentList(start, i, open.Count, Ranges(start, i, commas)));
                        }

                        break;
                    case '=' when topLevel && Surrounded(line, i, "=") && scan.Assignment is null:
                        scan.Assignment = i - 1;
                        break;
                    case '=' when topLevel && Surrounded(line, i, "=>") && scan.Arrow is null:
                        scan.Arrow = i - 1;
                        break;
                    case ':' when topLevel && Surrounded(line, i, ":") && scan.Colon is null:
                        scan.Colon = i - 1;
                        break;
                }
            }

            return scan;
        }

        /// <summary>Whether <paramref name="token"/> starts at <paramref name="index"/> with a space on each side.</summary>
        private static bool Surrounded(string line, int index, string token) =>
            index > 0 && line[index - 1] == ' '
            && string.CompareOrdinal(line, index, token, 0, token.Length) == 0
            && index + token.Length < line.Length && line[index + token.Length] == ' ';
    }

    private static List<(int Start, int End)> Ranges(int open, int close, List<int> commas)
    {
        var ranges = new List<(int, int)>();
        int start = open + 1;
        foreach (int comma in commas)
        {
            ranges.Add((start, comma));
            start = comma + 1;
        }

        ranges.Add((start, close));
        return ranges;
    }

    /// <summary>The index of the closing quote of the string or character literal opening at <paramref name="start"/>.</summary>
    private static int EndOfLiteral(string line, int start)
    {
        char quote = line[start];
        bool verbatim = quote == '"' && start > 0 && (line[start - 1] == '@' || (start > 1 && line[start - 1] == '$' && line[start - 2] == '@'));
        for (int i = start + 1; i < line.Length; i++)
        {
            char c = line[i];
            if (verbatim)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        i++;
                        continue;
                    }

                    return i;
                }
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                return i;
            }
        }

        return line.Length - 1;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private sealed record ArgumentList(int Open, int Close, int Depth, List<(int Start, int End)> Arguments);
}
