using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromptGen.Generators.Templates;

/// <summary>Where one value character of a template was written: a source range in a tree, and the piece it belongs to.</summary>
/// <param name="Piece">
/// Characters of one piece (one literal token, one text run of an interpolated string, or one constant name or hole
/// whose text cannot be followed) are contiguous in source; a span never crosses from one piece into another.
/// </param>
/// <param name="Exact">True when the character is written as itself in source (not an escape, not a constant name).</param>
/// <param name="Kind">The kind of literal that writes it, which says how an edit's text must be escaped there.</param>
internal readonly record struct SourceChar(SyntaxTree Tree, int Start, int End, int Piece, bool Exact, LiteralKind Kind = LiteralKind.Regular);

/// <summary>How a string literal writes its characters.</summary>
internal enum LiteralKind
{
    Regular,
    Verbatim,
    Raw,
    InterpolatedRegular,
    InterpolatedVerbatim,
    InterpolatedRaw,
}

/// <summary>
/// Maps a template written as more than one piece: <c>+</c> concatenations, parentheses, constant interpolated strings
/// (<c>$"…{Persona}…"</c>, verbatim and raw too) and named constants. Each value character gets a source range: its own
/// characters for text written in place, and for text that comes from a constant declared in source, its characters
/// inside that constant's literal (in whatever file declares it, followed through constants built from constants).
/// A constant from a referenced assembly, or any piece whose text cannot be followed, maps to the name or hole that
/// brings it in. The map is used only when it rebuilds exactly the constant value the compiler computed.
/// </summary>
internal sealed class ComposedTemplateMap
{
    /// <summary>Constants built from constants from constants…: beyond this depth a name maps to itself.</summary>
    private const int MaxConstantDepth = 16;

    private readonly Compilation _compilation;
    private readonly StringBuilder _value = new();
    private readonly List<SourceChar> _chars = new();
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();
    private int _pieces;
    private int _depth;

    private ComposedTemplateMap(Compilation compilation) => _compilation = compilation;

    public IReadOnlyList<SourceChar> Chars => _chars;

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
                AppendLiteral(literal, value);
                return true;
            case InterpolatedStringExpressionSyntax interpolated:
                bool escapes = interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken);
                bool raw = interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken)
                    || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);
                foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                {
                    bool appended = content switch
                    {
                        InterpolatedStringTextSyntax text => AppendText(
                            text.TextToken,
                            escapes,
                            doubledBraces: !raw,
                            raw ? LiteralKind.InterpolatedRaw : escapes ? LiteralKind.InterpolatedRegular : LiteralKind.InterpolatedVerbatim),
                        InterpolationSyntax hole => AppendConstant(hole.Expression, hole.Span.Start, hole.Span.End),
                        _ => false,
                    };
                    if (!appended)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return AppendConstant(expression, expression.SpanStart, expression.Span.End);
        }
    }

    private void AppendLiteral(LiteralExpressionSyntax literal, string value)
    {
        SourceChar[] chars = LiteralChars(literal, value, _pieces++);
        _value.Append(value);
        _chars.AddRange(chars);
    }

    /// <summary>Where each character of a string literal's value is written (all at the literal when it cannot be mapped).</summary>
    internal static SourceChar[] LiteralChars(LiteralExpressionSyntax literal, string value, int piece)
    {
        SyntaxToken token = literal.Token;
        int[]? offsets = LiteralSourceMap.OffsetsOf(token);
        bool raw = !token.IsKind(SyntaxKind.StringLiteralToken);
        bool verbatim = !raw && token.Text.StartsWith("@", System.StringComparison.Ordinal);
        var chars = new SourceChar[value.Length];
        for (int i = 0; i < value.Length; i++)
        {
            if (offsets is null)
            {
                chars[i] = new SourceChar(literal.SyntaxTree, literal.SpanStart, literal.Span.End, piece, Exact: false);
                continue;
            }

            // A character ends where the next one starts (an escape or a verbatim quote's twin is part of it), except
            // across a raw string's line break, whose indentation belongs to no character. The last character is an
            // escape or a doubled quote when the source spells it so.
            int start = offsets[i];
            char written = token.Text[start - token.SpanStart];
            bool last = i + 1 == value.Length;
            int next = last ? start + 1 : offsets[i + 1];
            bool exact = written == value[i]
                && (last ? !(written == '\\' && !verbatim && !raw) && !(written == '"' && verbatim) : next == start + 1 || value[i] == '\n');
            int end = exact || next <= start ? start + 1 : next;
            chars[i] = new SourceChar(literal.SyntaxTree, start, end, piece, exact, raw ? LiteralKind.Raw : verbatim ? LiteralKind.Verbatim : LiteralKind.Regular);
        }

        return chars;
    }

    /// <summary>
    /// A constant: followed into its declaration when that is in source (its characters are then where its literal
    /// wrote them), else each of its characters spans where the constant is named.
    /// </summary>
    private bool AppendConstant(ExpressionSyntax expression, int start, int end)
    {
        if (ConstantOf(expression) is not { } value)
        {
            return false;
        }

        if (_depth < MaxConstantDepth && DeclaredInitializer(expression) is { } initializer)
        {
            int mark = _value.Length;
            int charsMark = _chars.Count;
            _depth++;
            bool followed;
            try
            {
                followed = Append(initializer) && _value.ToString(mark, _value.Length - mark) == value;
            }
            finally
            {
                _depth--;
            }

            if (followed)
            {
                return true;
            }

            _value.Length = mark;
            _chars.RemoveRange(charsMark, _chars.Count - charsMark);
        }

        int piece = _pieces++;
        foreach (char c in value)
        {
            Add(c, expression.SyntaxTree, start, end, piece, exact: false);
        }

        return true;
    }

    /// <summary>The initializer of the constant field or local <paramref name="expression"/> names, when declared in source.</summary>
    private ExpressionSyntax? DeclaredInitializer(ExpressionSyntax expression)
    {
        if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax or QualifiedNameSyntax))
        {
            return null;
        }

        ISymbol? symbol = ModelFor(expression.SyntaxTree).GetSymbolInfo(expression).Symbol;
        bool constant = symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true };
        if (!constant)
        {
            return null;
        }

        foreach (SyntaxReference reference in symbol!.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value }
                && _compilation.ContainsSyntaxTree(value.SyntaxTree))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// The text between holes: its value (escapes and raw-string indentation resolved by the compiler; doubled braces,
    /// which the token's value keeps, resolved here) aligned with its source. A source character equal to the next value character is that character; an
    /// escape sequence (regular strings only) stands for the characters it produces; anything else (a doubled brace's
    /// twin, indentation) produces nothing.
    /// </summary>
    private bool AppendText(SyntaxToken token, bool escapes, bool doubledBraces, LiteralKind kind)
    {
        string source = token.Text;
        string value = doubledBraces ? token.ValueText.Replace("{{", "{").Replace("}}", "}") : token.ValueText;
        int origin = token.SpanStart;
        SyntaxTree tree = token.SyntaxTree!;
        int piece = _pieces++;
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
                    Add(value[j], tree, origin + i, origin + i + length, piece, exact: false, kind);
                }

                i += length;
                continue;
            }

            if (source[i] == value[j])
            {
                // A doubled brace is one value character written twice: not a character a fix can edit alone.
                bool doubled = doubledBraces && (value[j] == '{' || value[j] == '}') && i + 1 < source.Length && source[i + 1] == value[j];
                Add(value[j], tree, origin + i, origin + i + (doubled ? 2 : 1), piece, exact: !doubled, kind);
                j++;
                i += doubled ? 2 : 1;
                continue;
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

    private void Add(char c, SyntaxTree tree, int start, int end, int piece, bool exact, LiteralKind kind = LiteralKind.Regular)
    {
        _value.Append(c);
        _chars.Add(new SourceChar(tree, start, end, piece, exact, kind));
    }

    private SemanticModel ModelFor(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out SemanticModel? model))
        {
            model = _compilation.GetSemanticModel(tree);
            _models[tree] = model;
        }

        return model;
    }

    private string? ConstantOf(ExpressionSyntax expression)
    {
        Optional<object?> constant = ModelFor(expression.SyntaxTree).GetConstantValue(expression);
        return constant.HasValue ? constant.Value as string : null;
    }
}
