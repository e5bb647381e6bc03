using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Wraps one line of generated C# that is too long. In order of preference it breaks: at the outermost argument or
/// parameter list (all arguments on one continuation line when they fit, else one per line); before <c>||</c> and
/// <c>&amp;&amp;</c>; after <c>=</c>, before <c>=&gt;</c> or before a base type's <c>:</c>; between a member's type
/// and its name; and, for a type name longer than a line, after a type argument list's <c>&lt;</c>. Each piece is
/// wrapped again while still too long. Only whitespace is inserted, outside strings, so the code means the same. A
/// line that is long only because of string data, or a comment, is left as it is.
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
        if (list is { Arguments.Count: 1, Depth: 0 } && NameStart(line, list.Open) is { } declaration
            && width + IndentSize + line.Length - declaration <= maxLength)
        {
            // A member with one parameter and a long type: its name goes on the next line rather than the parameter.
            lines.Add((indent, line.Substring(0, declaration - 1)));
            lines.Add((indent + 1, line.Substring(declaration)));
            return;
        }

        if (list is not null && width + list.Open + 1 <= maxLength)
        {
            WrapList(line, list, column, maxLength, indent, lines);
            return;
        }

        if (scan.Operators.Count > 0)
        {
            int depth = scan.Operators.Min(op => op.Depth);
            int start = 0;
            foreach ((int at, int _) in scan.Operators.Where(op => op.Depth == depth))
            {
                Wrap(line.Substring(start, at - start), column, maxLength, start == 0 ? indent : indent + 1, lines);
                start = at + 1;
            }

            Wrap(line.Substring(start), column, maxLength, indent + 1, lines);
            return;
        }

        if (scan.Assignment is null && line.EndsWith(" =", System.StringComparison.Ordinal) && NameStart(line, line.Length - 2) is { } declared)
        {
            // "Type Name =" with the value on the next line already: the type alone is long.
            Wrap(line.Substring(0, declared - 1), column, maxLength, indent, lines);
            Wrap(line.Substring(declared), column, maxLength, indent + 1, lines);
            return;
        }

        if (scan.Assignment is { } assignment)
        {
            string left = line.Substring(0, assignment);
            if (width + left.Length + 2 > maxLength && NameStart(left, left.Length) is { } name)
            {
                // The declared type alone is long: the name and what follows go on the next line.
                Wrap(line.Substring(0, name - 1), column, maxLength, indent, lines);
                Wrap(line.Substring(name), column, maxLength, indent + 1, lines);
                return;
            }

            lines.Add((indent, left + " ="));
            Wrap(line.Substring(assignment + 3), column, maxLength, indent + 1, lines);
            return;
        }

        if ((scan.Arrow ?? scan.Colon) is { } separator)
        {
            lines.Add((indent, line.Substring(0, separator)));
            Wrap(line.Substring(separator + 1), column, maxLength, indent + 1, lines);
            return;
        }

        if (list is not null && NameStart(line, list.Open) is { } member)
        {
            // A method whose return type is long: the name and its parameters go on the next line.
            Wrap(line.Substring(0, member - 1), column, maxLength, indent, lines);
            Wrap(line.Substring(member), column, maxLength, indent + 1, lines);
            return;
        }

        if (list is not null)
        {
            WrapList(line, list, column, maxLength, indent, lines);
            return;
        }

        if (scan.TypeArguments.Count > 0)
        {
            int open = scan.TypeArguments.OrderByDescending(range => range.Close - range.Open).First().Open;
            lines.Add((indent, line.Substring(0, open + 1)));
            Wrap(line.Substring(open + 1), column, maxLength, indent + 1, lines);
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

    /// <summary>
    /// Where the member name ending at <paramref name="end"/> starts, when a type precedes it (<c>Task&lt;T&gt; I.M</c>,
    /// <c>Task&lt;T&gt; global::N.I.M</c>, <c>static readonly T Name</c>); null for a call or a <c>new</c>.
    /// </summary>
    private static int? NameStart(string line, int end)
    {
        int start = end;
        while (start > 0 && (IsIdentifierPart(line[start - 1]) || line[start - 1] is '.' or '@'
            || (line[start - 1] == ':' && ((start > 1 && line[start - 2] == ':') || (start < line.Length && line[start] == ':')))))
        {
            start--;
        }

        if (start == end || start < 2 || line[start - 1] != ' ')
        {
            return null;
        }

        string before = line.Substring(0, start - 1);
        bool afterType = before.EndsWith(">", System.StringComparison.Ordinal) || before.EndsWith("]", System.StringComparison.Ordinal)
            || before.EndsWith("?", System.StringComparison.Ordinal) || IsIdentifierPart(before[before.Length - 1]);
        string lastWord = before.Substring(before.LastIndexOf(' ') + 1);
        return afterType && lastWord is not ("new" or "return" or "await" or "throw" or "else" or "in" or "is" or "as") ? start : null;
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

    /// <summary>What a line can be broken at, outside strings, characters and a trailing comment.</summary>
    private sealed class Scan
    {
        /// <summary>The complete parenthesized lists.</summary>
        public List<ArgumentList> Lists { get; } = new();

        /// <summary>The complete type argument lists, by the indexes of their angle brackets.</summary>
        public List<(int Open, int Close)> TypeArguments { get; } = new();

        /// <summary>The spaces before <c>||</c> and <c>&amp;&amp;</c>, with how deep in brackets they are.</summary>
        public List<(int Index, int Depth)> Operators { get; } = new();

        /// <summary>How many characters of the line are string or character literals.</summary>
        public int StringLength { get; private set; }

        /// <summary>The index of the space before the first " = " outside brackets.</summary>
        public int? Assignment { get; private set; }

        /// <summary>The index of the space before the first " => " outside brackets.</summary>
        public int? Arrow { get; private set; }

        /// <summary>The index of the space before the first " : " outside brackets (a base type list).</summary>
        public int? Colon { get; private set; }

        public static Scan Of(string line)
        {
            var scan = new Scan();
            var open = new Stack<(char Bracket, int Index, List<int> Commas)>();
            var generics = new Stack<int>();
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

                bool topLevel = open.Count == 0 && generics.Count == 0;
                switch (c)
                {
                    case '(' or '[' or '{':
                        open.Push((c, i, new List<int>()));
                        break;
                    case '<' when i > 0 && IsIdentifierPart(line[i - 1]):
                        generics.Push(i); // a type argument list: its commas are not the enclosing list's
                        break;
                    case '>' when generics.Count > 0 && line[i - 1] != '=':
                        scan.TypeArguments.Add((generics.Pop(), i));
                        break;
                    case ',' when generics.Count == 0 && open.Count > 0:
                        open.Peek().Commas.Add(i);
                        break;
                    case ')' or ']' or '}' when open.Count > 0:
                        (char bracket, int start, List<int> commas) = open.Pop();
                        if (bracket == '(' && c == ')' && i > start + 1)
                        {
                            scan.Lists.Add(new ArgumentList(start, i, open.Count, Ranges(start, i, commas)));
                        }

                        break;
                    case '|' or '&' when generics.Count == 0 && (Surrounded(line, i, "||") || Surrounded(line, i, "&&")):
                        scan.Operators.Add((i - 1, open.Count));
                        i++;
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
}
