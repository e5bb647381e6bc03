using System.Collections.Generic;
using PromptGen.Generators.Templates;
using Scriban;
using Scriban.Syntax;

namespace PromptGen.Generators.Analyzers;

/// <summary>One read of a global variable in a template, as offsets into the template text (end exclusive).</summary>
/// <param name="Checkable">False inside <c>with</c>, where a name may be a member of the object in scope.</param>
internal readonly record struct TemplateVariableUse(string Name, int Start, int End, bool Checkable);

/// <summary>
/// The global variables a template reads, found by walking Scriban's syntax tree (the same Scriban the runtime
/// renders with). Names the template defines itself — assignments, loop variables, captures, functions and their
/// parameters — and Scriban's builtins are not inputs, so they are set apart.
/// </summary>
internal sealed class TemplateVariables
{
    /// <summary>Scriban's builtin globals (<c>array</c>, <c>string</c>, <c>date</c>, …), asked of Scriban itself.</summary>
    private static readonly HashSet<string> Builtins = CreateBuiltins();

    private readonly HashSet<string> _defined = new(System.StringComparer.Ordinal);
    private readonly List<TemplateVariableUse> _uses = new();
    private bool _importsNames;

    private TemplateVariables()
    {
    }

    public IReadOnlyList<TemplateVariableUse> Uses => _uses;

    /// <summary>
    /// False when the template could bring in names no analysis can know (<c>import</c>): then no name is reported
    /// as unknown.
    /// </summary>
    public bool NamesAreKnowable => !_importsNames;

    /// <summary>Null when the template has a problem: PG0100 or PG0106 reports it, and nothing else can be judged.</summary>
    public static TemplateVariables? Read(string template) => Read(TemplateSyntax.Check(template));

    public static TemplateVariables? Read(TemplateCheck check)
    {
        if (check.Page is not { } page)
        {
            return null;
        }

        var variables = new TemplateVariables();
        variables.Walk(page, insideWith: false);
        return variables;
    }

    /// <summary>True when <paramref name="name"/> is not an input: a builtin or something the template defines.</summary>
    public bool IsProvidedByTemplate(string name) => Builtins.Contains(name) || _defined.Contains(name);

    private void Walk(ScriptNode? node, bool insideWith)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptVariableGlobal variable:
                _uses.Add(new TemplateVariableUse(variable.Name, variable.Span.Start.Offset, variable.Span.End.Offset + 1, !insideWith));
                return;
            case ScriptMemberExpression member:
                Walk(member.Target, insideWith); // the member's name is not a variable
                return;
            case ScriptObjectMember objectMember:
                Walk(objectMember.Value, insideWith); // nor is an object literal's key
                return;
            case ScriptNamedArgument namedArgument:
                Walk(namedArgument.Value, insideWith);
                return;
            case ScriptAssignExpression { Target: ScriptVariableGlobal assigned } assignment:
                _defined.Add(assigned.Name);
                Walk(assignment.Value, insideWith);
                return;
            case ScriptForStatement loop: // also tablerow
                Define(loop.Variable);
                Walk(loop.Iterator, insideWith);
                Walk(loop.NamedArguments, insideWith);
                Walk(loop.Body, insideWith);
                Walk(loop.Else, insideWith);
                return;
            case ScriptCaptureStatement capture:
                Define(capture.Target);
                Walk(capture.Body, insideWith);
                return;
            case ScriptFunction function:
                Define(function.NameOrDoToken);
                if (function.Parameters is { } parameters)
                {
                    foreach (ScriptParameter parameter in parameters)
                    {
                        Define(parameter.Name);
                    }
                }

                Walk(function.Body, insideWith);
                return;
            case ScriptWithStatement with:
                Walk(with.Name, insideWith);
                Walk(with.Body, insideWith: true);
                return;
            case ScriptImportStatement import:
                _importsNames = true;
                Walk(import.Expression, insideWith);
                return;
            case ScriptVariableLocal:
                return; // $locals and $0 are the template's own
            default:
                for (int i = 0; i < node.ChildrenCount; i++)
                {
                    Walk(node.GetChildren(i), insideWith);
                }

                return;
        }
    }

    private void Define(ScriptNode? node)
    {
        if (node is ScriptVariableGlobal variable)
        {
            _defined.Add(variable.Name);
        }
    }

    /// <summary>Whether <paramref name="name"/> is one of Scriban's builtins or loop objects.</summary>
    public static bool IsBuiltin(string name) => Builtins.Contains(name);

    private static HashSet<string> CreateBuiltins()
    {
        var names = new HashSet<string>(new TemplateContext().BuiltinObject.Keys, System.StringComparer.Ordinal)
        {
            // Loop state objects: {{ for.index }}, {{ tablerow.col }}, {{ while.index }}.
            "for",
            "tablerow",
            "while",
        };
        return names;
    }
}
