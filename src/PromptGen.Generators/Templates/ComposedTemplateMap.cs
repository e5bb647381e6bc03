using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromptGen.Generators.Templates;

/// <summary>
/// Maps a template written as more than one piece: <c>+</c> concatenations, parentheses, constant interpolated strings
/// (<c>$"…{Persona}…"</c>, verbatim and raw too) and named constants. Each value character gets a source span: its own
/// characters for text written in place, the whole name or interpolation hole for text that comes from a constant.
/// The map is used only when it rebuilds exactly the constant value the compiler computed.
/// </summary>
internal sealed class ComposedTemplateMap
{
    private readonly Compilation _compilation;
    private readonly StringBuilder _value = new();
    private readonly List<int> _starts = new();
    private readonly List<int> _ends = new();
    private SemanticModel? _model;

    private ComposedTemplateMap(Compilation compilation) => _compilation = compilation;

    public int[] Starts => _starts.ToArray();

    public int[] Ends => _ends.ToArray();

    public static ComposedTemplateMap? TryMap(ExpressionSyntax expression, Compilation compilation)
    {
        var map = new ComposedTemplateMap(compilation);
        try
        {
            return map.Append(expression) && map.ConstantOf(expression) == map._value.ToString() ? map : null;
        }
        catch (System.ArgumentException)
        {
            return null; // the tree is not part of this compilation: nothing to read constants from
        }
    }

    private bool Append(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Append(parenthesized.Expression);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Append(binary.Left) && Append(binary.Right);
            case LiteralExpressionSyntax literal when literal.Token.Value is string value:
                int[]? offsets = LiteralSourceMap.For(literal).SourceOffsets;
                for (int i = 0; i < value.Length; i++)
                {
                    Add(value[i], offsets is null ? literal.SpanStart : offsets[i], offsets is null ? literal.Span.End : offsets[i] + 1);
                }

                return true;
            case InterpolatedStringExpressionSyntax interpolated:
                bool escapes = interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken);
                bool raw = interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken)
                    || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);
                foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                {
                    bool appended = content switch
                    {
                        InterpolatedStringTextSyntax text => AppendText(text.TextToken, escapes, doubledBraces: !raw),
                        InterpolationSyntax hole => AppendWhole(hole.Expression, hole.Span.Start, hole.Span.End),
                        _ => false,
                    };
                    if (!appended)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return AppendWhole(expression, expression.SpanStart, expression.Span.End);
        }
    }

    /// <summary>A constant's characters, each spanning where the constant is named.</summary>
    private bool AppendWhole(ExpressionSyntax expression, int start, int end)
    {
        if (ConstantOf(expression) is not { } value)
        {
            return false;
        }

        foreach (char c in value)
        {
            Add(c, start, end);
        }

        return true;
    }

    /// <summary>
    /// The text between holes: its value (escapes and raw-string indentation resolved by the compiler; doubled braces,
    /// which the token's value keeps, resolved here) aligned with its source. A source character equal to the next value character is that character; an
    /// escape sequence (regular strings only) stands for the characters it produces; anything else (a doubled brace's
    /// twin, indentation) produces nothing.
    /// </summary>
    private bool AppendText(SyntaxToken token, bool escapes, bool doubledBraces)
    {
        string source = token.Text;
        string value = doubledBraces ? token.ValueText.Replace("{{", "{").Replace("}}", "}") : token.ValueText;
        int origin = token.SpanStart;
        int i = 0;
        for (int j = 0; j < value.Length;)
        {
            if (i >= source.Length)
            {
                return false;
            }

            if (escapes && source[i] == '\\' && i + 1 < source.Length)
            {
                int length = EscapeLength(source, i);
                int produced = source[i + 1] == 'U' ? 2 : 1;
                for (int k = 0; k < produced && j < value.Length; k++, j++)
                {
                    Add(value[j], origin + i, origin + i + length);
                }

                i += length;
                continue;
            }

            if (source[i] == value[j])
            {
                Add(value[j], origin + i, origin + i + 1);
                j++;
            }

            i++;
        }

        return true;
    }

    private static int EscapeLength(string source, int backslash)
    {
        switch (source[backslash + 1])
        {
            case 'u':
                return 6;
            case 'U':
                return 10;
            case 'x':
                int digits = 0;
                while (digits < 4 && backslash + 2 + digits < source.Length && System.Uri.IsHexDigit(source[backslash + 2 + digits]))
                {
                    digits++;
                }

                return 2 + digits;
            default:
                return 2;
        }
    }

    private void Add(char c, int start, int end)
    {
        _value.Append(c);
        _starts.Add(start);
        _ends.Add(end);
    }

    private string? ConstantOf(ExpressionSyntax expression)
    {
        _model ??= _compilation.GetSemanticModel(expression.SyntaxTree);
        Optional<object?> constant = _model.GetConstantValue(expression);
        return constant.HasValue ? constant.Value as string : null;
    }
}
