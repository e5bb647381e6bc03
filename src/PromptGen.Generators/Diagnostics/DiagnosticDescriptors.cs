using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Diagnostics;

/// <summary>The descriptors, one place; each links to its page under docs/diagnostics.</summary>
internal static class DiagnosticDescriptors
{
    public const string HelpLinkBase = "https://github.com/promptgen/promptgen/blob/main/docs/diagnostics/";

    private const string DeclarationCategory = "PromptGen.Declaration";
    private const string TemplateCategory = "PromptGen.Template";
    private const string ModelCategory = "PromptGen.Model";
    private const string ResultCategory = "PromptGen.Result";

    public static readonly DiagnosticDescriptor PromptClientNotPartial = Create(
        DiagnosticIds.PromptClientNotPartial,
        "Prompt client interface must be partial",
        "Interface '{0}' has [PromptClient] but is not partial; add the 'partial' modifier so PromptGen can add its Create method",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        DiagnosticIds.UnsupportedReturnType,
        "Prompt method return type is not supported",
        "Method '{0}' returns '{1}', which PromptGen cannot produce; return Task<T> or ValueTask<T>, where T is string or a type with a JSON shape",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor MissingPromptAttribute = Create(
        DiagnosticIds.MissingPromptAttribute,
        "Prompt client method has no [Prompt]",
        "Method '{0}' of prompt client '{1}' has no [Prompt] template; add [Prompt(\"...\")] or give it a default implementation",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor UnsupportedPromptClientShape = Create(
        DiagnosticIds.UnsupportedPromptClientShape,
        "Prompt client declaration is not supported",
        "Prompt client '{0}' cannot be generated: {1}",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
        DiagnosticIds.UnsupportedParameter,
        "Prompt method parameter is not supported",
        "Parameter '{0}' of method '{1}' is a '{2}' parameter; prompt methods take their inputs by value, so remove the modifier",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor InternalError = Create(
        DiagnosticIds.InternalError,
        "PromptGen failed on this interface",
        "PromptGen could not process '{0}' because of an internal error ({1}); please report it with the declaration",
        DeclarationCategory);

    public static readonly DiagnosticDescriptor TemplateSyntaxError = Create(
        DiagnosticIds.TemplateSyntaxError,
        "Prompt template has a syntax error",
        "Template syntax error: {0}",
        TemplateCategory);

    public static readonly DiagnosticDescriptor NoModel = Create(
        DiagnosticIds.NoModel,
        "No Bedrock model for prompt method",
        "Method '{0}' has no model: set [PromptClient(Model = \"...\")] on the interface or [Model(\"...\")] on the method",
        ModelCategory);

    public static readonly DiagnosticDescriptor UnsupportedResultType = Create(
        DiagnosticIds.UnsupportedResultType,
        "Prompt result type has no JSON shape",
        "Method '{0}' returns '{1}', which PromptGen cannot describe as JSON: {2}",
        ResultCategory);

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        PromptClientNotPartial,
        UnsupportedReturnType,
        MissingPromptAttribute,
        UnsupportedPromptClientShape,
        UnsupportedParameter,
        InternalError,
        TemplateSyntaxError,
        NoModel,
        UnsupportedResultType);

    public static DiagnosticDescriptor ById(string id) => All.First(descriptor => descriptor.Id == id);

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
