using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromptGen.Generators.Parsing;

/// <summary>Which template of a method: the user turn, the system prompt, or the retrieval query.</summary>
internal enum MethodTemplateRole
{
    User,
    System,
    Query,
}

/// <summary>
/// One template of a prompt method as written: its text, the attribute and the argument that write it (for locations
/// inside the literal), and what it reads. Every reader of a method's templates (the parser's syntax check and
/// compilation, the variable, member and media analyzers) walks <see cref="PromptMethodRules.Templates"/>, so a
/// template is judged the same wherever it is written: <c>[Prompt]</c>, <c>[SystemPrompt]</c> or
/// <c>[Retrieve(QueryTemplate = …)]</c>. Holds symbols: lives for one transform or analyzer callback.
/// </summary>
internal sealed class MethodTemplate
{
    private readonly string? _namedArgument;

    private MethodTemplate(AttributeData attribute, MethodTemplateRole role, string? text, string? namedArgument)
    {
        Attribute = attribute;
        Role = role;
        Text = text;
        _namedArgument = namedArgument;
    }

    public AttributeData Attribute { get; }

    public MethodTemplateRole Role { get; }

    /// <summary>The template text; null when it is not a string constant.</summary>
    public string? Text { get; }

    /// <summary>
    /// Whether the template reads the retrieved passages: the prompts do; the query is rendered before the
    /// passages are retrieved, so <c>passages</c> is no variable of it.
    /// </summary>
    public bool ReadsPassages => Role != MethodTemplateRole.Query;

    /// <summary>How the template is named in messages.</summary>
    public string DisplayName => Role switch
    {
        MethodTemplateRole.User => "[Prompt]",
        MethodTemplateRole.System => "[SystemPrompt]",
        _ => "[Retrieve(QueryTemplate)]",
    };

    /// <summary>The expression that writes the template, to map template offsets into source; null when not in source.</summary>
    public ExpressionSyntax? Syntax(CancellationToken cancellationToken) =>
        _namedArgument is null
            ? AttributeReader.FirstArgumentSyntax(Attribute, cancellationToken)
            : AttributeReader.NamedArgumentSyntax(Attribute, _namedArgument, cancellationToken);

    /// <summary>The method's templates, in the order the parser and analyzers judge them: user, system, query.</summary>
    public static IReadOnlyList<MethodTemplate> Of(AttributeData? prompt, AttributeData? systemPrompt, RetrievalChoice? retrieval)
    {
        var templates = new List<MethodTemplate>(3);
        if (prompt is not null)
        {
            templates.Add(new MethodTemplate(prompt, MethodTemplateRole.User, AttributeReader.FirstStringArgument(prompt), namedArgument: null));
        }

        if (systemPrompt is not null)
        {
            templates.Add(new MethodTemplate(systemPrompt, MethodTemplateRole.System, AttributeReader.FirstStringArgument(systemPrompt), namedArgument: null));
        }

        if (retrieval?.QueryTemplate is { } query)
        {
            templates.Add(new MethodTemplate(retrieval.Attribute, MethodTemplateRole.Query, query, RetrievalChoice.QueryTemplateArgument));
        }

        return templates;
    }
}
