using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PromptGen.Generators.Templates;

/// <summary>
/// Maps offsets in a string's value back to source positions inside the literal that wrote it, so a template
/// error squiggles the exact characters even through escapes (<c>\n</c>), verbatim quotes (<c>""</c>) or a raw
/// string's indentation. A template composed of literals, constants and constant interpolated strings
/// (<c>"…" + Shared</c>, <c>$"You are {Persona}. {{{{ name }}}}"</c>) is mapped piece by piece when a compilation is
/// given (<see cref="ComposedTemplateMap"/>): characters from a literal map to themselves, characters from a constant
/// declared in source to themselves inside the constant's literal (possibly in another file), characters from any other
/// constant to its name or interpolation hole. Otherwise every offset maps to the whole expression.
/// </summary>
internal sealed class LiteralSourceMap
{
    private readonly IReadOnlyList<SourceChar>? _chars;
    private readonly Location _whole;

    private LiteralSourceMap(IReadOnlyList<SourceChar>? chars, Location whole)
    {
        _chars = chars;
        _whole = whole;
    }

    /// <param name="compilation">Needed only to read constants in a composed template; without it such a template maps whole.</param>
    public static LiteralSourceMap For(ExpressionSyntax expression, Compilation? compilation = null)
    {
        Location whole = expression.GetLocation();
        if (compilation is not null && ComposedTemplateMap.TryMap(expression, compilation) is { } composed)
        {
            return new LiteralSourceMap(composed.Chars, whole);
        }

        if (expression is LiteralExpressionSyntax { Token.Value: string value } literal && OffsetsOf(literal.Token) is not null)
        {
            return new LiteralSourceMap(ComposedTemplateMap.LiteralChars(literal, value, piece: 0), whole);
        }

        return new LiteralSourceMap(null, whole);
    }

    /// <summary>Where each value character is written, when the template could be mapped.</summary>
    internal IReadOnlyList<SourceChar>? Chars => _chars;

    /// <summary>
    /// The source location of value characters [<paramref name="start"/>, <paramref name="end"/>): inside the literal
    /// (or the constant's literal) that wrote them. A range that crosses from one piece into another (a literal into a
    /// constant) is narrowed to its first piece; an unmapped template is located whole.
    /// </summary>
    public Location Locate(int start, int end)
    {
        if (_chars is null || _chars.Count == 0)
        {
            return LocateWhole();
        }

        int last = _chars.Count - 1;
        start = Clamp(start, 0, last);
        end = Clamp(end, start + 1, last + 1);
        SourceChar first = _chars[start];
        int sourceEnd = first.End;
        for (int i = start + 1; i < end && _chars[i].Piece == first.Piece && _chars[i].Tree == first.Tree; i++)
        {
            sourceEnd = System.Math.Max(sourceEnd, _chars[i].End);
        }

        return Location.Create(first.Tree, TextSpan.FromBounds(first.Start, System.Math.Max(first.Start + 1, sourceEnd)));
    }

    /// <summary>
    /// The whole template: the one literal that writes all of it (also inside a constant), else the expression written
    /// in the attribute.
    /// </summary>
    public Location LocateWhole()
    {
        if (_chars is { Count: > 0 } && AllOnePiece(_chars))
        {
            SourceChar first = _chars[0];
            TextSpan span = TextSpan.FromBounds(first.Start, _chars[_chars.Count - 1].End);
            SyntaxNode? literal = first.Tree.GetRoot().FindNode(span, getInnermostNodeForTie: true);
            while (literal is not null and not LiteralExpressionSyntax and not InterpolatedStringExpressionSyntax)
            {
                literal = literal.Parent;
            }

            return literal is null ? _whole : literal.GetLocation();
        }

        return _whole;
    }

    /// <summary>
    /// The exact source span of value characters [<paramref name="start"/>, <paramref name="end"/>) for a code fix to
    /// replace: every character written as itself, one after the other, in one piece of one file. An empty range is
    /// an insertion point after character <paramref name="start"/> - 1 (or before <paramref name="start"/>).
    /// </summary>
    public bool TryLocateExact(int start, int end, out Location location, out LiteralKind kind)
    {
        location = Location.None;
        kind = LiteralKind.Regular;
        if (_chars is null || start < 0 || end > _chars.Count || end < start)
        {
            return false;
        }

        if (start == end)
        {
            if (start > 0 && _chars[start - 1].Exact)
            {
                SourceChar before = _chars[start - 1];
                location = Location.Create(before.Tree, new TextSpan(before.End, 0));
                kind = before.Kind;
                return true;
            }

            if (start < _chars.Count && _chars[start].Exact)
            {
                SourceChar after = _chars[start];
                location = Location.Create(after.Tree, new TextSpan(after.Start, 0));
                kind = after.Kind;
                return true;
            }

            return false;
        }

        SourceChar first = _chars[start];
        for (int i = start; i < end; i++)
        {
            SourceChar c = _chars[i];
            if (!c.Exact || c.Piece != first.Piece || c.Tree != first.Tree || (i > start && c.Start != _chars[i - 1].End))
            {
                return false;
            }
        }

        location = Location.Create(first.Tree, TextSpan.FromBounds(first.Start, _chars[end - 1].End));
        kind = first.Kind;
        return true;
    }

    /// <summary>
    /// <paramref name="value"/> as a literal of <paramref name="kind"/> must spell it; null when it cannot be written
    /// there simply (braces inside a raw interpolated string, a line break in a raw string).
    /// </summary>
    public static string? Escape(string value, LiteralKind kind)
    {
        bool interpolated = kind is LiteralKind.InterpolatedRegular or LiteralKind.InterpolatedVerbatim or LiteralKind.InterpolatedRaw;
        if (kind is LiteralKind.Raw or LiteralKind.InterpolatedRaw)
        {
            return value.IndexOf('\n') >= 0 || value.IndexOf("\"\"\"", System.StringComparison.Ordinal) >= 0 || (interpolated && (value.IndexOf('{') >= 0 || value.IndexOf('}') >= 0))
                ? null
                : value;
        }

        string escaped = kind is LiteralKind.Verbatim or LiteralKind.InterpolatedVerbatim
            ? value.Replace("\"", "\"\"")
            : value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
        return interpolated ? escaped.Replace("{", "{{").Replace("}", "}}") : escaped;
    }

    private static bool AllOnePiece(IReadOnlyList<SourceChar> chars)
    {
        for (int i = 1; i < chars.Count; i++)
        {
            if (chars[i].Piece != chars[0].Piece || chars[i].Tree != chars[0].Tree)
            {
                return false;
            }
        }

        return true;
    }

    private static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

    /// <summary>Where each value character of a string literal token starts in source; null when it cannot be mapped.</summary>
    internal static int[]? OffsetsOf(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.StringLiteralToken => token.Text.StartsWith("@", System.StringComparison.Ordinal)
            ? MapVerbatim(token)
            : MapRegular(token),
        SyntaxKind.SingleLineRawStringLiteralToken => MapSingleLineRaw(token),
        SyntaxKind.MultiLineRawStringLiteralToken => MapMultiLineRaw(token),
        _ => null,
    };

    private static int[]? Verified(List<int> offsets, List<char> chars, SyntaxToken token)
    {
        // Belt and braces: only trust the map when it rebuilds exactly the value the compiler sees.
        return new string(chars.ToArray()) == token.ValueText ? offsets.ToArray() : null;
    }

    private static int[]? MapRegular(SyntaxToken token)
    {
        string text = token.Text;
        int origin = token.SpanStart;
        var offsets = new List<int>(text.Length);
        var chars = new List<char>(text.Length);
        for (int i = 1; i < text.Length - 1; i++)
        {
            int start = i;
            if (text[i] != '\\')
            {
                Add(text[i], origin + start);
                continue;
            }

            char kind = text[++i];
            switch (kind)
            {
                case 'n': Add('\n', origin + start); break;
                case 'r': Add('\r', origin + start); break;
                case 't': Add('\t', origin + start); break;
                case '0': Add('\0', origin + start); break;
                case 'a': Add('\a', origin + start); break;
                case 'b': Add('\b', origin + start); break;
                case 'f': Add('\f', origin + start); break;
                case 'v': Add('\v', origin + start); break;
                case 'e': Add('\u001b', origin + start); break;
                case 'u':
                    Add((char)int.Parse(text.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture), origin + start);
                    i += 4;
                    break;
                case 'U':
                    string utf32 = char.ConvertFromUtf32(int.Parse(text.Substring(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    foreach (char c in utf32)
                    {
                        Add(c, origin + start);
                    }

                    i += 8;
                    break;
                case 'x':
                    int digits = 0;
                    while (digits < 4 && i + 1 + digits < text.Length - 1 && System.Uri.IsHexDigit(text[i + 1 + digits]))
                    {
                        digits++;
                    }

                    Add((char)int.Parse(text.Substring(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture), origin + start);
                    i += digits;
                    break;
                default: Add(kind, origin + start); break;
            }
        }

        return Verified(offsets, chars, token);

        void Add(char c, int sourceOffset)
        {
            chars.Add(c);
            offsets.Add(sourceOffset);
        }
    }

    private static int[]? MapVerbatim(SyntaxToken token)
    {
        string text = token.Text;
        int origin = token.SpanStart;
        var offsets = new List<int>(text.Length);
        var chars = new List<char>(text.Length);
        for (int i = 2; i < text.Length - 1; i++)
        {
            chars.Add(text[i]);
            offsets.Add(origin + i);
            if (text[i] == '"')
            {
                i++; // "" stands for one quote
            }
        }

        return Verified(offsets, chars, token);
    }

    private static int[]? MapSingleLineRaw(SyntaxToken token)
    {
        string text = token.Text;
        int quotes = CountLeadingQuotes(text);
        var offsets = new List<int>(text.Length);
        var chars = new List<char>(text.Length);
        for (int i = quotes; i < text.Length - quotes; i++)
        {
            chars.Add(text[i]);
            offsets.Add(token.SpanStart + i);
        }

        return Verified(offsets, chars, token);
    }

    private static int[]? MapMultiLineRaw(SyntaxToken token)
    {
        string text = token.Text;
        int quotes = CountLeadingQuotes(text);
        int firstLineEnd = text.IndexOf('\n', quotes);
        int closingLineStart = text.LastIndexOf('\n') + 1;
        if (firstLineEnd < 0 || closingLineStart <= firstLineEnd)
        {
            return null;
        }

        int indentation = 0;
        while (closingLineStart + indentation < text.Length && (text[closingLineStart + indentation] == ' ' || text[closingLineStart + indentation] == '\t'))
        {
            indentation++;
        }

        // Content runs from the line after the opening quotes to the line break before the closing line.
        int contentEnd = closingLineStart - 1;
        if (contentEnd > 0 && text[contentEnd - 1] == '\r')
        {
            contentEnd--;
        }

        var offsets = new List<int>(text.Length);
        var chars = new List<char>(text.Length);
        int lineStart = firstLineEnd + 1;
        while (lineStart <= contentEnd)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > contentEnd)
            {
                lineEnd = contentEnd;
            }

            int contentStart = System.Math.Min(lineStart + indentation, lineEnd);
            for (int i = contentStart; i < lineEnd; i++)
            {
                chars.Add(text[i]);
                offsets.Add(token.SpanStart + i);
            }

            if (lineEnd < contentEnd)
            {
                chars.Add('\n');
                offsets.Add(token.SpanStart + lineEnd);
            }

            lineStart = lineEnd + 1;
        }

        return Verified(offsets, chars, token);
    }

    private static int CountLeadingQuotes(string text)
    {
        int count = 0;
        while (count < text.Length && text[count] == '"')
        {
            count++;
        }

        return count;
    }
}
