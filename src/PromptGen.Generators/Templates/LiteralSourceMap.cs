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
/// to the constant's name or interpolation hole. Otherwise every offset maps to the whole expression.
/// </summary>
internal sealed class LiteralSourceMap
{
    private readonly int[]? _sourceOffsets;
    private readonly int[]? _sourceEnds;
    private readonly TextSpan _fallback;

    private LiteralSourceMap(int[]? sourceOffsets, TextSpan fallback, int[]? sourceEnds = null)
    {
        _sourceOffsets = sourceOffsets;
        _sourceEnds = sourceEnds;
        _fallback = fallback;
    }

    /// <summary>Where each value character starts in source, when the literal could be mapped.</summary>
    internal int[]? SourceOffsets => _sourceOffsets;

    /// <param name="compilation">Needed only to read constants in a composed template; without it such a template maps whole.</param>
    public static LiteralSourceMap For(ExpressionSyntax expression, Compilation? compilation = null)
    {
        TextSpan whole = expression.Span;
        if (expression is LiteralExpressionSyntax literal)
        {
            SyntaxToken token = literal.Token;
            int[]? offsets = token.Kind() switch
            {
                SyntaxKind.StringLiteralToken => token.Text.StartsWith("@", System.StringComparison.Ordinal)
                    ? MapVerbatim(token)
                    : MapRegular(token),
                SyntaxKind.SingleLineRawStringLiteralToken => MapSingleLineRaw(token),
                SyntaxKind.MultiLineRawStringLiteralToken => MapMultiLineRaw(token),
                _ => null,
            };

            return new LiteralSourceMap(offsets, whole);
        }

        if (compilation is not null && ComposedTemplateMap.TryMap(expression, compilation) is { } composed)
        {
            return new LiteralSourceMap(composed.Starts, whole, composed.Ends);
        }

        return new LiteralSourceMap(null, whole);
    }

    /// <summary>The source span of value characters [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public TextSpan Map(int start, int end)
    {
        if (_sourceOffsets is null || _sourceOffsets.Length == 0)
        {
            return _fallback;
        }

        int last = _sourceOffsets.Length - 1;
        start = Clamp(start, 0, last);
        end = Clamp(end, start + 1, last + 1);
        int sourceStart = _sourceOffsets[start];
        int sourceEnd = _sourceEnds is null ? _sourceOffsets[end - 1] + 1 : _sourceEnds[end - 1];
        return TextSpan.FromBounds(sourceStart, System.Math.Max(sourceStart + 1, sourceEnd));
    }

    private static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

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
