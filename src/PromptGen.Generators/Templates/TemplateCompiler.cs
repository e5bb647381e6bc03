using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;
using Scriban.Syntax;

namespace PromptGen.Generators.Templates;

/// <summary>Why a template stays with Scriban: the first construct the compiler does not handle, as template offsets.</summary>
/// <param name="FailsAtRunTime">
/// The construct fails when Scriban renders it (a name nothing provides, a member nothing has), which an analyzer
/// reports as an error: saying it renders at run time as well would be a second diagnostic for one mistake.
/// </param>
internal readonly record struct TemplateFallback(string Construct, int Start, int End, bool FailsAtRunTime = false);

/// <summary>
/// Compiles a Scriban template into <see cref="CompiledTemplate"/> steps: text, values (members of parameters,
/// <c>.size</c>, a few pipe functions), <c>if</c>/<c>else</c> and <c>for</c> over enumerables. Anything else makes the
/// whole template fall back to Scriban at run time; <see cref="TemplateFallback"/> says what and where.
/// The output must equal Scriban's rendering byte for byte (the equivalence tests render both).
/// </summary>
internal sealed class TemplateCompiler
{
    private readonly TemplateExpressions _expressions;

    private TemplateCompiler(TemplateExpressions expressions) => _expressions = expressions;

    /// <param name="parameters">Template name → (C# identifier, type) of each parameter a template can read.</param>
    public static (CompiledTemplate? Compiled, TemplateFallback? Fallback) Compile(
        string source,
        IReadOnlyList<(string TemplateName, string Identifier, ITypeSymbol Type)> parameters)
    {
        if (TemplateSyntax.Check(source).Page is not { } page)
        {
            return (null, null); // PG0100 or PG0106 reports it; nothing is generated for the method
        }

        var compiler = new TemplateCompiler(new TemplateExpressions(parameters));
        try
        {
            EquatableArray<TemplateStep> steps = compiler.Statements(page.Body);
            return (new CompiledTemplate(source, steps), null);
        }
        catch (NotCompilableException notCompilable)
        {
            if (notCompilable.Node is not { } node)
            {
                return (null, new TemplateFallback(notCompilable.Construct, 0, source.Length, notCompilable.FailsAtRunTime));
            }

            // Scriban's end offset is inclusive.
            int start = System.Math.Max(0, node.Span.Start.Offset);
            int end = System.Math.Min(source.Length, System.Math.Max(start + 1, node.Span.End.Offset + 1));
            return (null, new TemplateFallback(notCompilable.Construct, start, end, notCompilable.FailsAtRunTime));
        }
    }

    private EquatableArray<TemplateStep> Statements(ScriptBlockStatement? block)
    {
        var steps = new List<TemplateStep>();
        if (block is not null)
        {
            foreach (ScriptStatement statement in block.Statements)
            {
                Statement(statement, steps);
            }
        }

        return MergeText(steps).ToEquatableArray();
    }

    private void Statement(ScriptStatement statement, List<TemplateStep> steps)
    {
        switch (statement)
        {
            case ScriptRawStatement raw:
                steps.Add(new TextStep(raw.Text.ToString()));
                break;
            case ScriptEscapeStatement or ScriptEndStatement or ScriptNopStatement:
                break;
            case ScriptExpressionStatement { Expression: { } expression }:
                steps.Add(_expressions.Output(expression));
                break;
            case ScriptIfStatement branch:
                steps.Add(If(branch));
                break;
            case ScriptForStatement loop when loop.GetType() == typeof(ScriptForStatement):
                steps.Add(For(loop));
                break;
            default:
                throw new NotCompilableException(statement, StatementName(statement));
        }
    }

    private IfStep If(ScriptIfStatement branch)
    {
        string condition = _expressions.Condition(branch.Condition);
        EquatableArray<TemplateStep> then = Statements(branch.Then);
        EquatableArray<TemplateStep> otherwise = branch.Else switch
        {
            null => EquatableArray<TemplateStep>.Empty,
            ScriptIfStatement elseIf => new TemplateStep[] { If(elseIf) }.ToEquatableArray(),
            ScriptElseStatement @else => Statements(@else.Body),
            ScriptConditionStatement other => throw new NotCompilableException(other, StatementName(other)),
        };
        return new IfStep(condition, then, otherwise);
    }

    private ForStep For(ScriptForStatement loop)
    {
        if (loop.NamedArguments is { Count: > 0 } arguments)
        {
            throw new NotCompilableException(arguments[0], "a 'for' parameter (offset, limit, reversed)");
        }

        if (loop.Else is not null)
        {
            throw new NotCompilableException(loop.Else, "'else' after 'for'");
        }

        if (loop.Variable is not ScriptVariableGlobal variable)
        {
            throw new NotCompilableException(loop.Variable, "a loop variable that is not a plain name");
        }

        (string source, ITypeSymbol elementType) = _expressions.Enumerable(loop.Iterator);
        string local = _expressions.PushLoopVariable(variable.Name, elementType);
        try
        {
            return new ForStep(local, source, Statements(loop.Body));
        }
        finally
        {
            _expressions.PopLoopVariable(variable.Name);
        }
    }

    private static IEnumerable<TemplateStep> MergeText(List<TemplateStep> steps)
    {
        string? pending = null;
        foreach (TemplateStep step in steps)
        {
            if (step is TextStep text)
            {
                pending = pending is null ? text.Text : pending + text.Text;
                continue;
            }

            if (!string.IsNullOrEmpty(pending))
            {
                yield return new TextStep(pending!);
            }

            pending = null;
            yield return step;
        }

        if (!string.IsNullOrEmpty(pending))
        {
            yield return new TextStep(pending!);
        }
    }

    private static string StatementName(ScriptNode node)
    {
        string name = node.GetType().Name;
        string keyword = name.StartsWith("Script", System.StringComparison.Ordinal) && name.EndsWith("Statement", System.StringComparison.Ordinal)
            ? name.Substring(6, name.Length - 6 - 9).ToLowerInvariant()
            : name;
        return keyword switch
        {
            "tablerow" => "the 'tablerow' statement",
            "while" => "the 'while' statement",
            "case" => "the 'case' statement",
            "capture" => "the 'capture' statement",
            "function" => "a function definition",
            "break" or "continue" => $"'{keyword}'",
            "with" or "wrap" or "import" or "readonly" => $"the '{keyword}' statement",
            _ => $"the '{keyword}' statement",
        };
    }
}

/// <summary>Thrown inside the compiler only: the construct at <see cref="Node"/> has no compiled form.</summary>
internal sealed class NotCompilableException : System.Exception
{
    public NotCompilableException(ScriptNode? node, string construct, bool failsAtRunTime = false)
        : base(construct)
    {
        Node = node;
        Construct = construct;
        FailsAtRunTime = failsAtRunTime;
    }

    /// <summary>Scriban fails on the construct too, and an analyzer reports that as an error.</summary>
    public bool FailsAtRunTime { get; }

    /// <summary>Null when Scriban's tree has no node there; the whole template is then the location.</summary>
    public ScriptNode? Node { get; }

    public string Construct { get; }
}
