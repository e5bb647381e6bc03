using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Writes JSON (the compact schemas <c>JsonSchemaWriter</c> makes) as a multi-line raw string literal a person can
/// read: two-space indentation, and a value on one line when it fits in the width left. The runtime compacts it
/// again before sending it, so the text Bedrock sees is unchanged.
/// </summary>
internal static class JsonLiteral
{
    private const int MinimumWidth = 60;

    /// <summary>Writes <c>{declaration} = """</c>, the pretty JSON, and the closing delimiter with <c>;</c>.</summary>
    public static void WriteRawString(CodeWriter writer, string declaration, string json)
    {
        List<string> lines = Pretty(json, System.Math.Max(MinimumWidth, CodeWriter.MaxLineLength - ((writer.Indent + 1) * 4)));
        string quotes = new('"', System.Math.Max(3, LongestQuoteRun(json) + 1));
        writer.WriteLine($"{declaration} = {quotes}");
        writer.Indent++;
        foreach (string line in lines)
        {
            writer.WriteUnwrapped(line);
        }

        writer.WriteUnwrapped(quotes + ";");
        writer.Indent--;
    }

    /// <summary>
    /// The JSON as indented lines no wider than <paramref name="width"/> where a value allows. A schema's
    /// <c>properties</c> with more than one member are listed one per line, as a reader looks for them.
    /// </summary>
    public static List<string> Pretty(string json, int width)
    {
        int position = 0;
        Node root = Parse(json, ref position);
        var lines = new List<string>();
        Write(root, 0, string.Empty, string.Empty, width, lines);
        return lines;
    }

    private static int LongestQuoteRun(string text)
    {
        int longest = 0;
        int run = 0;
        foreach (char c in text)
        {
            run = c == '"' ? run + 1 : 0;
            longest = System.Math.Max(longest, run);
        }

        return longest;
    }

    private static void Write(Node node, int depth, string prefix, string suffix, int width, List<string> lines)
    {
        string indent = new(' ', depth * 2);
        string inline = Inline(node);
        bool listsProperties = prefix == "\"properties\": " && node.Children is { Count: > 1 };
        if (node.Children is null || (!listsProperties && indent.Length + prefix.Length + inline.Length + suffix.Length <= width))
        {
            lines.Add(indent + prefix + inline + suffix);
            return;
        }

        lines.Add(indent + prefix + (node.IsObject ? "{" : "["));
        for (int i = 0; i < node.Children.Count; i++)
        {
            (string? key, Node child) = node.Children[i];
            Write(child, depth + 1, key is null ? string.Empty : key + ": ", i < node.Children.Count - 1 ? "," : string.Empty, width, lines);
        }

        lines.Add(indent + (node.IsObject ? "}" : "]") + suffix);
    }

    private static string Inline(Node node)
    {
        if (node.Children is null)
        {
            return node.Text!;
        }

        if (node.Children.Count == 0)
        {
            return node.IsObject ? "{}" : "[]";
        }

        string items = string.Join(", ", node.Children.Select(child => (child.Key is null ? string.Empty : child.Key + ": ") + Inline(child.Value)));
        return node.IsObject ? "{ " + items + " }" : "[" + items + "]";
    }

    private static Node Parse(string json, ref int position)
    {
        SkipWhitespace(json, ref position);
        char c = json[position];
        if (c is '{' or '[')
        {
            bool isObject = c == '{';
            char close = isObject ? '}' : ']';
            var children = new List<(string?, Node)>();
            position++;
            SkipWhitespace(json, ref position);
            while (json[position] != close)
            {
                string? key = null;
                if (isObject)
                {
                    key = ReadString(json, ref position);
                    SkipWhitespace(json, ref position);
                    position++; // ':'
                }

                children.Add((key, Parse(json, ref position)));
                SkipWhitespace(json, ref position);
                if (json[position] == ',')
                {
                    position++;
                    SkipWhitespace(json, ref position);
                }
            }

            position++;
            return new Node(isObject, children, null);
        }

        if (c == '"')
        {
            return new Node(false, null, ReadString(json, ref position));
        }

        int start = position;
        while (position < json.Length && json[position] is not (',' or '}' or ']' or ' ' or '\t' or '\r' or '\n'))
        {
            position++;
        }

        return new Node(false, null, json.Substring(start, position - start));
    }

    /// <summary>A string token exactly as written, quotes and escapes included.</summary>
    private static string ReadString(string json, ref int position)
    {
        var text = new StringBuilder().Append('"');
        for (position++; position < json.Length; position++)
        {
            char c = json[position];
            text.Append(c);
            if (c == '\\')
            {
                text.Append(json[++position]);
            }
            else if (c == '"')
            {
                position++;
                break;
            }
        }

        return text.ToString();
    }

    private static void SkipWhitespace(string json, ref int position)
    {
        while (position < json.Length && json[position] is ' ' or '\t' or '\r' or '\n')
        {
            position++;
        }
    }

    private sealed record Node(bool IsObject, List<(string? Key, Node Value)>? Children, string? Text);
}
