using System.Collections.Generic;
using Scriban.Parsing;

namespace PromptGen.Generators.Templates;

/// <summary>
/// Finds the root cause of a template that does not read, from Scriban's tokens first and from Scriban's first error
/// last, and words it for a user (see <see cref="TemplateSyntax"/>). Scriban's messages are used only to tell which
/// kind of error it met; none of their text reaches a diagnostic.
/// </summary>
internal sealed class TemplateDiagnosis
{
    private static readonly HashSet<string> BlockOpeners = new(System.StringComparer.Ordinal)
    {
        "if", "for", "tablerow", "while", "case", "capture", "with", "wrap", "func",
    };

    private readonly string _text;
    private readonly List<TemplateToken> _tokens;
    private readonly List<LogMessage> _lexerErrors;
    private readonly bool _scribanErrors;

    public TemplateDiagnosis(string text, List<TemplateToken> tokens, List<LogMessage> lexerErrors, bool scribanErrors)
    {
        _text = text;
        _tokens = tokens;
        _lexerErrors = lexerErrors;
        _scribanErrors = scribanErrors;
    }

    /// <summary>The root cause PromptGen finds itself: lexical first, then the blocks; null when there is none.</summary>
    public TemplateProblem? Find() => Lexical() ?? Blocks();

    /// <summary>Scriban's first error, located and worded by PromptGen.</summary>
    public TemplateProblem Classify(LogMessage? error)
    {
        if (error is null)
        {
            return TemplateSyntax.Problem("PromptGen cannot read this template", 0, _text.Length);
        }

        string message = error.Message ?? string.Empty;
        int position = Clamp(error.Span.Start.Offset);
        int at = IndexAt(position);
        TemplateToken token = _tokens[at];

        if (Has(message, "<expression> | <expression>"))
        {
            return NothingAfter(Before(position, TokenType.VerticalBar) ?? at, "a pipe sends the value on its left into a function, such as '| string.upcase'; add the function or remove the '|'");
        }

        if (Has(message, "to the right of the operator") || Has(message, "<operator> <expression>"))
        {
            return NothingAfter(PreviousSignificant(position) ?? at, "write the value it applies to, or remove it");
        }

        if (Has(message, "dot operator") || (token.Type is TokenType.Dot or TokenType.QuestionDot && Has(message, "<EOL>")))
        {
            int dot = token.Type is TokenType.Dot or TokenType.QuestionDot ? at : Before(position, TokenType.Dot) ?? at;
            return Problem($"A member name must follow {Show(dot)}, as in 'ticket.title': add the name or remove {Show(dot)}", dot);
        }

        if (Has(message, "closing `)`") || Has(message, "closing parenthesis"))
        {
            int open = Unmatched(position, TokenType.OpenParen, TokenType.CloseParen) ?? at;
            return Problem($"This {Show(open)} is never closed: add ')' after what it groups", open);
        }

        if (Has(message, "Expecting ']'"))
        {
            int open = Unmatched(position, TokenType.OpenBracket, TokenType.CloseBracket) ?? at;
            return Problem($"This {Show(open)} is never closed: add ']' after the index, as in 'items[0]'", open);
        }

        if (Has(message, "<index_expression>"))
        {
            int open = Before(position + 1, TokenType.OpenBracket) ?? at;
            return Problem("'[]' needs an index between the brackets, as in 'items[0]'", open);
        }

        if (Has(message, "before `:`"))
        {
            return LiquidArguments(error);
        }

        if (Has(message, "'in' word"))
        {
            int keyword = StatementKeyword(position) ?? at;
            return Problem($"{Show(keyword)} reads 'for <name> in <collection>', as in 'for item in items'", keyword);
        }

        if (Has(message, "Expecting <expression>") || Has(message, "Expecting an <expression>"))
        {
            return MissingExpression(message, position, at);
        }

        if (Has(message, "top level assignment"))
        {
            int equal = Before(position + 1, TokenType.Equal) ?? NextOfType(position, TokenType.Equal) ?? at;
            return Problem("An assignment must stand alone in its code block, as in '{{ total = 0 }}'", equal);
        }

        if (Has(message, "without a corresponding beginning"))
        {
            int end = WordAtOrAfter(position, "end") ?? at;
            return Problem("'end' closes nothing: no 'if', 'for' or other block is open here; remove it", end);
        }

        if (Has(message, "statement was not found") || Has(message, "was not found"))
        {
            int keyword = StatementKeyword(position) ?? at;
            return Problem($"A block is never closed: add '{{{{ end }}}}' after the body of the block {Show(keyword)} belongs to", keyword);
        }

        if (Has(message, "A else condition") || Has(message, "if/else combination"))
        {
            return Problem("'else' has no 'if' before it: it belongs between '{{ if … }}' and '{{ end }}'", at);
        }

        if (Has(message, "`when`") || Has(message, "When is expecting"))
        {
            int when = WordAtOrAfter(StatementStart(position), "when") ?? at;
            return Problem("'when' is a Scriban keyword, used inside 'case … end'; a value named 'when' cannot be read by a template, so rename it", when);
        }

        if (Has(message, "<EOL>"))
        {
            return Unexpected(at);
        }

        if (Has(message, "object initializer") || Has(message, "member name"))
        {
            int brace = Before(position + 1, TokenType.OpenBrace) ?? at;
            return Problem("'{' inside code starts an object literal such as '{ name: value }'; to write a value, put it between '{{' and '}}' alone", brace);
        }

        if (Has(message, "depth limit"))
        {
            return Problem("This code nests too deeply for PromptGen to read: split it into simpler expressions", at);
        }

        if (Has(message, "loop variable"))
        {
            return Problem($"{Show(at)} is not a loop variable Scriban has: use for.index, for.rindex, for.first, for.last, for.even, for.odd or for.changed", at);
        }

        if (Has(message, "Expecting a variable") || Has(message, "Expecting only a simple name"))
        {
            int keyword = StatementKeyword(position) ?? at;
            return Problem($"{Show(keyword)} needs a plain name after it", keyword);
        }

        if (Has(message, "Unable to parse"))
        {
            return Problem($"{Show(at)} is not a number Scriban can read", at);
        }

        return token.Type == TokenType.VerticalBar
            ? NothingBefore(at)
            : Problem($"PromptGen cannot read the code at {Show(at)}: check what is written between '{{{{' and '}}}}'", at);
    }

    private TemplateProblem? Lexical()
    {
        int? enter = null;
        int braces = 0;
        for (int i = 0; i < _tokens.Count; i++)
        {
            TemplateToken token = _tokens[i];
            if (token.Type != TokenType.CloseBrace && LexerErrorAt(token) is { } lexerError)
            {
                return LexerProblem(i, lexerError);
            }

            switch (token.Type)
            {
                case TokenType.CodeEnter:
                    enter = i;
                    braces = 0;
                    if (i + 1 < _tokens.Count && _tokens[i + 1].Type == TokenType.OpenBrace && _tokens[i + 1].Start == token.End)
                    {
                        return TripleBraces(i);
                    }

                    break;
                case TokenType.CodeExit:
                    enter = null;
                    break;
                case TokenType.OpenBrace when enter is not null:
                    if (i + 1 < _tokens.Count && _tokens[i + 1].Type == TokenType.OpenBrace && _tokens[i + 1].Start == token.End)
                    {
                        return Unclosed(enter.Value, nextOpening: token.Start);
                    }

                    braces++;
                    break;
                case TokenType.CloseBrace when enter is not null:
                    if (braces == 0)
                    {
                        return TemplateSyntax.Problem(
                            "'}' ends nothing here: code between '{{' and '}}' ends with two braces",
                            token.Start,
                            token.End,
                            new TemplateEdit(token.Start, token.End, "}}", "Write '}}'"));
                    }

                    braces--;
                    break;
                case TokenType.Invalid:
                    return Problem($"{Show(i)} cannot be read here", i);
                case TokenType.Eof when enter is not null:
                    return Unclosed(enter.Value, nextOpening: null);
            }
        }

        return null;
    }

    /// <summary>
    /// Statement keywords: Liquid's and Jinja's block endings and tags always (they never mean what they say in
    /// Scriban), and, when Scriban could not read the template, an 'else' or 'end' with nothing to belong to and a block
    /// that is never closed (at the tag that opened it).
    /// </summary>
    private TemplateProblem? Blocks()
    {
        var open = new List<int>();
        bool inCode = false;
        bool statementStart = false;
        bool followed = true;
        for (int i = 0; i < _tokens.Count; i++)
        {
            TemplateToken token = _tokens[i];
            switch (token.Type)
            {
                case TokenType.CodeEnter:
                    inCode = true;
                    statementStart = true;
                    continue;
                case TokenType.CodeExit:
                    inCode = false;
                    continue;
                case TokenType.SemiColon or TokenType.NewLine when inCode:
                    statementStart = true;
                    continue;
                case TokenType.Comment or TokenType.CommentMulti:
                    continue;
            }

            if (!inCode)
            {
                continue;
            }

            bool atStart = statementStart;
            statementStart = false;
            if (token.Type != TokenType.Identifier)
            {
                continue;
            }

            string word = TextOf(i);
            if (!atStart)
            {
                // A function written inside an expression ('x = do … end') opens a block this pass does not follow.
                followed &= word is not ("do" or "func");
                continue;
            }

            bool structureKnowable = _scribanErrors && followed;
            if (StatementHabit(i, word, blockOpen: open.Count > 0 || !followed) is { } habit)
            {
                return habit;
            }

            // The blocks are followed always (a Liquid ending needs to know whether a block is open); an 'else' or
            // 'end' out of place is reported only when Scriban could not read the template either.
            if (BlockOpeners.Contains(word))
            {
                open.Add(i);
            }
            else if (word == "else" && open.Count == 0 && structureKnowable)
            {
                return Problem("'else' has no 'if' before it: it belongs between '{{ if … }}' and '{{ end }}'", i);
            }
            else if (word == "end")
            {
                if (open.Count == 0)
                {
                    if (structureKnowable)
                    {
                        return Problem("'end' closes nothing: no 'if', 'for' or other block is open here; remove it", i);
                    }

                    continue;
                }

                open.RemoveAt(open.Count - 1);
            }
        }

        if (_scribanErrors && followed && open.Count > 0)
        {
            // A Liquid or Jinja ending in the text after it ('{% endfor %}') is what was meant to close it.
            int opener = open[open.Count - 1];
            return TemplateHabits.EndingTagAfter(_text, _tokens, _tokens[opener].End)
                ?? Problem($"{Show(opener)} is never closed: add '{{{{ end }}}}' after its body", opener);
        }

        return null;
    }

    /// <summary>A statement that starts with Liquid's or Jinja's keyword rather than Scriban's.</summary>
    private TemplateProblem? StatementHabit(int index, string word, bool blockOpen)
    {
        TemplateToken token = _tokens[index];
        if (TemplateHabits.IsBlockEnding(word) && !blockOpen)
        {
            return TemplateHabits.Problem(
                $"'{word}' is how Liquid and Jinja end a block, but no block is open here: remove it (Scriban ends a block with 'end')",
                token.Start,
                token.End);
        }

        if (TemplateHabits.IsBlockEnding(word))
        {
            return TemplateHabits.Problem(
                $"Scriban ends every block with 'end', not '{word}': write '{{{{ end }}}}'",
                token.Start,
                token.End,
                new TemplateEdit(token.Start, token.End, "end", $"Replace '{word}' with 'end'"));
        }

        if (word is "elsif" or "elif")
        {
            return TemplateHabits.Problem(
                $"'{word}' is {(word == "elsif" ? "Liquid" : "Jinja")}; Scriban writes 'else if'",
                token.Start,
                token.End,
                new TemplateEdit(token.Start, token.End, "else if", $"Replace '{word}' with 'else if'"));
        }

        if (word is "set" or "assign"
            && index + 2 < _tokens.Count && _tokens[index + 1].Type == TokenType.Identifier && _tokens[index + 2].Type == TokenType.Equal)
        {
            return TemplateHabits.Problem(
                $"'{word}' is {(word == "set" ? "Jinja" : "Liquid")}; Scriban assigns without a keyword, as in '{{{{ {TextOf(index + 1)} = … }}}}'",
                token.Start,
                token.End,
                new TemplateEdit(token.Start, _tokens[index + 1].Start, string.Empty, $"Remove '{word}'"));
        }

        if (word == "unless" && index + 1 < _tokens.Count && _tokens[index + 1].Type is not (TokenType.CodeExit or TokenType.Eof or TokenType.SemiColon or TokenType.NewLine))
        {
            return TemplateHabits.Problem("'unless' is Liquid; Scriban writes 'if !(…)', as in '{{ if !(ticket.closed) }}'", token.Start, token.End);
        }

        return null;
    }

    private TemplateProblem TripleBraces(int enter)
    {
        TemplateToken start = _tokens[enter];
        TemplateToken brace = _tokens[enter + 1];
        TemplateEdit? fix = null;
        int depth = 0;
        for (int i = enter + 1; i < _tokens.Count && _tokens[i].Type is not (TokenType.CodeExit or TokenType.Eof or TokenType.CodeEnter); i++)
        {
            depth += _tokens[i].Type == TokenType.OpenBrace ? 1 : _tokens[i].Type == TokenType.CloseBrace ? -1 : 0;
            if (depth == 0)
            {
                bool closedByTriple = i + 1 < _tokens.Count && _tokens[i + 1].Type == TokenType.CodeExit && _tokens[i + 1].Start == _tokens[i].End;
                if (closedByTriple)
                {
                    string inner = _text.Substring(brace.End, _tokens[i].Start - brace.End);
                    fix = new TemplateEdit(start.Start, _tokens[i + 1].End, "{{" + inner + "}}", "Write '{{ … }}'");
                }

                break;
            }
        }

        return TemplateHabits.Problem(
            "'{{{ … }}}' is Mustache's unescaped output; Scriban never escapes values, so write '{{ … }}'",
            start.Start,
            brace.End,
            fix);
    }

    private TemplateProblem Unclosed(int enter, int? nextOpening)
    {
        TemplateToken opening = _tokens[enter];
        int codeEnd = nextOpening ?? _text.Length;
        string code = _text.Substring(opening.End, codeEnd - opening.End);
        if (nextOpening is null && !HasCode(enter))
        {
            return TemplateSyntax.Problem(
                "This '{{' opens code that never comes: remove it, or write the value and close it, as in '{{ name }}'",
                opening.Start,
                opening.End,
                new TemplateEdit(opening.Start, opening.End, string.Empty, "Remove the unclosed '{{'"));
        }

        int lineBreak = code.IndexOf('\n');
        string firstLine = (lineBreak < 0 ? code : code.Substring(0, lineBreak)).TrimEnd();
        string example = firstLine.Trim();
        example = example.Length == 0 ? "name" : example.Length > 40 ? example.Substring(0, 40) + "…" : example;
        string message = nextOpening is null
            ? $"This '{{{{' is never closed: end its code with '}}}}', as in '{{{{ {example} }}}}'"
            : $"This '{{{{' is not closed before the next '{{{{': end its code with '}}}}', as in '{{{{ {example} }}}}'";

        // Closing after the first line is what the user meant when the code stops at a line break or at the end.
        TemplateEdit? fix = null;
        if (firstLine.Trim().Length > 0 && (nextOpening is null || lineBreak >= 0))
        {
            int at = opening.End + firstLine.Length;
            fix = new TemplateEdit(at, at, firstLine.EndsWith(" ", System.StringComparison.Ordinal) ? "}}" : " }}", "Close '{{' with '}}'");
        }

        return TemplateSyntax.Problem(message, opening.Start, opening.End, fix);
    }

    private bool HasCode(int enter)
    {
        for (int i = enter + 1; i < _tokens.Count && _tokens[i].Type != TokenType.Eof; i++)
        {
            if (_tokens[i].Type is not (TokenType.NewLine or TokenType.Comment or TokenType.CommentMulti or TokenType.Whitespace or TokenType.WhitespaceFull))
            {
                return true;
            }
        }

        return false;
    }

    private TemplateProblem LexerProblem(int index, LogMessage error)
    {
        TemplateToken token = _tokens[index];
        string message = error.Message ?? string.Empty;
        if (Has(message, "not terminated"))
        {
            int from = index > 0 ? _tokens[index - 1].End : 0;
            int quote = from;
            while (quote < _text.Length && _text[quote] is not ('"' or '\'' or '`'))
            {
                quote++;
            }

            quote = quote < _text.Length ? quote : token.Start;
            string kind = _text[quote] switch { '\'' => "single quote", '`' => "backquote", _ => "double quote" };
            return TemplateSyntax.Problem($"This string is never closed: end it with another {kind}", quote, quote + 1);
        }

        if (Has(message, "escape character"))
        {
            int at = Clamp(error.Span.Start.Offset);
            int backslash = at > 0 && _text[at - 1] == '\\' ? at - 1 : at;
            string escape = _text.Substring(backslash, System.Math.Min(2, _text.Length - backslash));
            return TemplateSyntax.Problem(
                $"'{escape}' is not an escape Scriban knows in a string: write '\\\\' for a backslash, or one of \\n, \\t, \\\", \\' and \\\\",
                backslash,
                backslash + escape.Length);
        }

        if (Has(message, "number") || Has(message, "digit"))
        {
            // Scriban stops after the number ('1e' ends at the space): underline the number as written.
            int end = System.Math.Max(token.End, token.Start + 1);
            int start = token.Start;
            while (start > 0 && (char.IsLetterOrDigit(_text[start - 1]) || _text[start - 1] == '.'))
            {
                start--;
            }

            end = start < token.Start && char.IsWhiteSpace(_text[token.Start]) ? token.Start : end;
            return TemplateSyntax.Problem($"'{_text.Substring(start, end - start)}' is not a number Scriban can read", start, end);
        }

        return Problem($"{Show(index)} cannot be read here", index);
    }

    /// <summary>Liquid's 'filter: argument' with a Scriban function: the ':' goes.</summary>
    private TemplateProblem LiquidArguments(LogMessage error)
    {
        int functionStart = Clamp(error.Span.Start.Offset);
        int functionEnd = System.Math.Max(functionStart + 1, Clamp(error.Span.End.Offset + 1));
        int colon = NextOfType(functionEnd - 1, TokenType.Colon) ?? IndexAt(functionEnd);
        TemplateToken token = _tokens[colon];
        string function = _text.Substring(functionStart, functionEnd - functionStart).Trim();
        string argument = colon + 1 < _tokens.Count && _tokens[colon + 1].Type is not (TokenType.CodeExit or TokenType.Eof) ? " " + TextOf(colon + 1) : string.Empty;
        bool spaced = token.End < _text.Length && _text[token.End] == ' ';
        return TemplateHabits.Problem(
            $"Scriban passes a function's arguments after a space, not after ':' as Liquid does: write '{function}{argument}'",
            token.Start,
            token.End,
            token.Type == TokenType.Colon ? new TemplateEdit(token.Start, token.End, spaced ? string.Empty : " ", "Remove ':'") : null);
    }

    private TemplateProblem MissingExpression(string message, int position, int at)
    {
        int keyword = StatementKeyword(position) ?? at;
        if (Has(message, "in: if ") || Has(message, "else if"))
        {
            return Problem($"{Show(keyword)} needs a condition, as in 'if ticket.urgent'", keyword);
        }

        if (Has(message, "in: for "))
        {
            int @in = WordBefore(position, "in") ?? keyword;
            return NothingAfter(@in, "write the collection to loop over, as in 'for item in items'");
        }

        if (Has(message, "in: while "))
        {
            return Problem($"{Show(keyword)} needs a condition, as in 'while count > 0'", keyword);
        }

        if (Has(message, "in: case "))
        {
            return Problem($"{Show(keyword)} needs the value to compare, as in 'case ticket.kind'", keyword);
        }

        if (Has(message, "<target_expression> = <value_expression>"))
        {
            return NothingAfter(Before(position, TokenType.Equal) ?? at, "write the value to assign");
        }

        int previous = PreviousSignificant(position) ?? at;
        return _tokens[previous].Type is TokenType.CodeEnter
            ? Problem($"A value is missing before {Show(at)}", at)
            : NothingAfter(previous, "write the value that belongs there, or remove it");
    }

    private TemplateProblem Unexpected(int at)
    {
        TemplateToken token = _tokens[at];
        switch (token.Type)
        {
            case TokenType.Comma:
                return Problem(
                    "',' separates nothing here: Scriban passes a function's arguments after spaces, as in 'array.join items \", \"', and writes two values as '{{ a }} {{ b }}'",
                    at);
            case TokenType.CloseParen or TokenType.CloseBracket or TokenType.CloseBrace:
                char opener = token.Type == TokenType.CloseParen ? '(' : token.Type == TokenType.CloseBracket ? '[' : '{';
                return Problem($"{Show(at)} closes nothing: there is no '{opener}' before it in this code", at);
            case TokenType.Colon:
                return Problem("':' cannot stand here: Scriban passes a function's arguments after a space, as in 'string.truncate 20'", at);
            case TokenType.VerticalBar:
                return NothingBefore(at);
            default:
                return Problem(
                    $"{Show(at)} cannot follow a complete value here: end the code with '}}}}', or join the two with an operator such as '+' or '==', or with a pipe '|'",
                    at);
        }
    }

    private TemplateProblem NothingBefore(int index) =>
        Problem("Nothing comes before this '|': a pipe sends the value on its left into a function, as in 'name | string.upcase'", index);

    private TemplateProblem NothingAfter(int index, string advice) =>
        Problem($"Nothing follows {Show(index)}: {advice}", index);

    private TemplateProblem Problem(string message, int index) =>
        TemplateSyntax.Problem(message, _tokens[index].Start, System.Math.Max(_tokens[index].End, _tokens[index].Start + 1));

    private LogMessage? LexerErrorAt(TemplateToken token)
    {
        foreach (LogMessage error in _lexerErrors)
        {
            int offset = error.Span.Start.Offset;
            if ((offset >= token.Start && offset < token.End) || (token.End == token.Start && offset == token.Start))
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>The token at <paramref name="position"/>, else the first one after it (the end of the template at worst).</summary>
    private int IndexAt(int position)
    {
        for (int i = 0; i < _tokens.Count; i++)
        {
            if (_tokens[i].End > position || _tokens[i].Type == TokenType.Eof)
            {
                return i;
            }
        }

        return _tokens.Count - 1;
    }

    /// <summary>The last token of <paramref name="type"/> before <paramref name="position"/> in the same code block.</summary>
    private int? Before(int position, TokenType type)
    {
        for (int i = IndexAt(position); i >= 0; i--)
        {
            if (_tokens[i].Start < position && _tokens[i].Type == type)
            {
                return i;
            }

            if (_tokens[i].Type == TokenType.CodeEnter && _tokens[i].Start < position)
            {
                return null;
            }
        }

        return null;
    }

    private int? NextOfType(int position, TokenType type)
    {
        for (int i = IndexAt(position); i < _tokens.Count; i++)
        {
            if (_tokens[i].Type == type)
            {
                return i;
            }

            if (_tokens[i].Type is TokenType.CodeExit or TokenType.Eof)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The last token before <paramref name="position"/> that is not a line break or a comment.</summary>
    private int? PreviousSignificant(int position)
    {
        for (int i = IndexAt(position); i >= 0; i--)
        {
            if (_tokens[i].Start < position && _tokens[i].Type is not (TokenType.NewLine or TokenType.Comment or TokenType.CommentMulti))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>An opening bracket before <paramref name="position"/> in its code block that nothing closes.</summary>
    private int? Unmatched(int position, TokenType open, TokenType close)
    {
        var stack = new Stack<int>();
        int start = StatementStart(position);
        for (int i = start; i < _tokens.Count && _tokens[i].Start < position + 1 && _tokens[i].Type is not (TokenType.CodeExit or TokenType.Eof); i++)
        {
            if (_tokens[i].Type == open)
            {
                stack.Push(i);
            }
            else if (_tokens[i].Type == close && stack.Count > 0)
            {
                stack.Pop();
            }
        }

        return stack.Count > 0 ? stack.Peek() : null;
    }

    /// <summary>The index of the first token of the code block holding <paramref name="position"/>.</summary>
    private int StatementStart(int position)
    {
        for (int i = IndexAt(position); i >= 0; i--)
        {
            if (_tokens[i].Type == TokenType.CodeEnter && _tokens[i].Start <= position)
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>The keyword that starts the statement holding <paramref name="position"/> (if, for, while, …).</summary>
    private int? StatementKeyword(int position)
    {
        int keyword = -1;
        bool atStart = false;
        for (int i = StatementStart(position) - 1; i < _tokens.Count && i <= IndexAt(position); i++)
        {
            if (i < 0)
            {
                continue;
            }

            TemplateToken token = _tokens[i];
            if (token.Type is TokenType.CodeEnter or TokenType.SemiColon or TokenType.NewLine)
            {
                atStart = true;
                continue;
            }

            if (atStart && token.Type == TokenType.Identifier && TextOf(i) is "if" or "for" or "tablerow" or "while" or "case" or "when" or "func" or "capture" or "with" or "wrap" or "else")
            {
                keyword = TextOf(i) == "else" && i + 1 < _tokens.Count && TextOf(i + 1) == "if" ? i + 1 : i;
            }

            atStart = false;
        }

        return keyword < 0 ? null : keyword;
    }

    private int? WordAtOrAfter(int position, string word)
    {
        for (int i = IndexAt(position); i < _tokens.Count; i++)
        {
            if (_tokens[i].Type == TokenType.Identifier && TextOf(i) == word)
            {
                return i;
            }
        }

        for (int i = IndexAt(position); i >= 0; i--)
        {
            if (_tokens[i].Type == TokenType.Identifier && TextOf(i) == word)
            {
                return i;
            }
        }

        return null;
    }

    private int? WordBefore(int position, string word)
    {
        for (int i = IndexAt(position); i >= 0; i--)
        {
            if (_tokens[i].Start < position && _tokens[i].Type == TokenType.Identifier && TextOf(i) == word)
            {
                return i;
            }
        }

        return null;
    }

    private string TextOf(int index) => _text.Substring(_tokens[index].Start, _tokens[index].End - _tokens[index].Start);

    /// <summary>A token as a user reads it in a message: quoted, or in words for the ends.</summary>
    private string Show(int index)
    {
        TemplateToken token = _tokens[index];
        if (token.Type == TokenType.Eof || token.Start >= _text.Length)
        {
            return "the end of the template";
        }

        string text = TextOf(index);
        text = text.Length > 30 ? text.Substring(0, 30) + "…" : text;
        return token.Type == TokenType.NewLine ? "the line break" : "'" + text + "'";
    }

    private int Clamp(int offset) => offset < 0 ? 0 : offset > _text.Length ? _text.Length : offset;

    private static bool Has(string message, string fragment) => message.IndexOf(fragment, System.StringComparison.Ordinal) >= 0;
}
