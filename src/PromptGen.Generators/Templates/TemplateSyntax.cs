using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace PromptGen.Generators.Templates;

/// <summary>
/// An edit to a template that removes a problem, as template offsets (an empty range inserts). A code fix applies it
/// only where the characters are written as themselves in source.
/// </summary>
internal sealed record TemplateEdit(int Start, int End, string Replacement, string Title);

/// <summary>One problem of a template, in PromptGen's words, as template offsets (end exclusive).</summary>
/// <param name="Id">The diagnostic: PG0100 (syntax) or PG0106 (another template language's syntax).</param>
internal sealed record TemplateProblem(string Id, string Message, int Start, int End)
{
    public TemplateEdit? Fix { get; init; }
}

/// <summary>A template as PromptGen reads it: Scriban's tree when it can be used, else the one problem to report.</summary>
internal sealed class TemplateCheck
{
    public TemplateCheck(Template? parsed, TemplateProblem? problem, IReadOnlyList<TemplateToken> tokens)
    {
        Parsed = problem is null ? parsed : null;
        Problem = problem;
        Tokens = tokens;
    }

    /// <summary>Scriban's tree; null when the template has a problem (nothing else about it can be judged then).</summary>
    public Template? Parsed { get; }

    public ScriptPage? Page => Parsed?.Page;

    /// <summary>The root cause to report, or null for a template that renders.</summary>
    public TemplateProblem? Problem { get; }

    /// <summary>Scriban's tokens, for text between the code blocks.</summary>
    public IReadOnlyList<TemplateToken> Tokens { get; }
}

/// <summary>A token of Scriban's lexer as template offsets (end exclusive).</summary>
internal readonly record struct TemplateToken(TokenType Type, int Start, int End);

/// <summary>
/// Reads templates with the same Scriban the runtime renders with, so what passes here renders there, and says what
/// is wrong in PromptGen's own words, at the characters that opened the problem, once per template.
/// <list type="bullet">
/// <item>First the lexical shape, which Scriban reports where it gave up, or not at all: an unclosed <c>{{</c> (at the
/// end of the template, before the next <c>{{</c>), a code block ended by one <c>}</c>, Mustache's <c>{{{ }}}</c>, an
/// unterminated string, an escape or a number Scriban cannot read.</item>
/// <item>Then the blocks: Liquid's and Jinja's <c>endif</c>, <c>elsif</c>, <c>set</c>…, an <c>end</c> or <c>else</c>
/// with nothing to belong to, a block never closed (at its opening tag).</item>
/// <item>Last Scriban's own first error, located at the token that caused it and worded here: Scriban's text is never
/// shown. Nothing after the first error is reported: what follows it is read out of step and would only cascade.</item>
/// </list>
/// </summary>
internal static class TemplateSyntax
{
    public const string SyntaxErrorId = DiagnosticIds.TemplateSyntaxError;

    /// <summary>
    /// The generator, the compiler and several analyzers read the same template: an attribute's string is one
    /// instance per compilation, so it is read once. Keyed weakly by the instance, so nothing outlives it.
    /// </summary>
    private static readonly ConditionalWeakTable<string, TemplateCheck> Checked = new();

    public static TemplateCheck Check(string template) =>
        Checked.GetValue(template, static text => Read(text));

    private static TemplateCheck Read(string template)
    {
        List<TemplateToken> tokens;
        List<LogMessage> lexerErrors;
        Template parsed;
        try
        {
            (tokens, lexerErrors) = Lex(template);
            parsed = Template.Parse(template);
        }
        catch (System.Exception)
        {
            // Scriban reports errors as messages; an exception is its own bug, but PromptGen must not throw.
            return new TemplateCheck(null, Problem("PromptGen cannot read this template", 0, template.Length), new List<TemplateToken>());
        }

        bool scribanErrors = parsed.HasErrors || parsed.Page is null;
        TemplateProblem? problem = new TemplateDiagnosis(template, tokens, lexerErrors, scribanErrors).Find();
        if (problem is null && scribanErrors)
        {
            problem = new TemplateDiagnosis(template, tokens, lexerErrors, scribanErrors).Classify(FirstError(parsed));
        }

        return new TemplateCheck(parsed, problem, tokens);
    }

    internal static TemplateProblem Problem(string message, int start, int end, TemplateEdit? fix = null) =>
        new(SyntaxErrorId, message, start, end) { Fix = fix };

    private static (List<TemplateToken> Tokens, List<LogMessage> Errors) Lex(string template)
    {
        var lexer = new Lexer(template);
        var tokens = new List<TemplateToken>();
        foreach (Token token in lexer)
        {
            if (token.Type == TokenType.Eof)
            {
                tokens.Add(new TemplateToken(TokenType.Eof, template.Length, template.Length));
                break;
            }

            int start = System.Math.Max(0, System.Math.Min(token.Start.Offset, template.Length));
            int end = System.Math.Max(start, System.Math.Min(token.End.Offset + 1, template.Length)); // Scriban's end is inclusive
            tokens.Add(new TemplateToken(token.Type, start, end));
        }

        var errors = new List<LogMessage>();
        if (lexer.HasErrors)
        {
            foreach (LogMessage error in lexer.Errors)
            {
                if (error.Type == ParserMessageType.Error)
                {
                    errors.Add(error);
                }
            }
        }

        return (tokens, errors);
    }

    /// <summary>Scriban's first error by position; of two at one place, the one it logged first.</summary>
    private static LogMessage? FirstError(Template parsed)
    {
        LogMessage? first = null;
        foreach (LogMessage message in parsed.Messages)
        {
            if (message.Type == ParserMessageType.Error && (first is null || message.Span.Start.Offset < first.Span.Start.Offset))
            {
                first = message;
            }
        }

        return first;
    }
}

/// <summary>Where a template problem goes in source, with the properties its code fix needs.</summary>
internal static class TemplateProblemLocation
{
    public static (Location Location, ImmutableDictionary<string, string?> Properties) Of(TemplateProblem problem, LiteralSourceMap map, string template)
    {
        Location location = map.Locate(problem.Start, problem.End);
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        if (problem.Fix is { } fix
            && fix.Start >= 0 && fix.End <= template.Length && fix.Start <= fix.End
            && map.TryLocateExact(fix.Start, fix.End, out Location edit, out LiteralKind kind)
            && edit.SourceTree == location.SourceTree
            && LiteralSourceMap.Escape(fix.Replacement, kind) is { } replacement)
        {
            properties = FixProperties.Edit(edit.SourceSpan.Start, edit.SourceSpan.Length, template.Substring(fix.Start, fix.End - fix.Start), replacement, fix.Title);
        }

        return (location, properties);
    }
}
