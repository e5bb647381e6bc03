using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Templates;

/// <summary>
/// The parser's one call into the template compiler: compiles a method's user and system templates against its
/// parameters (and the retrieved passages), its retrieval query template against its parameters alone, and reports
/// PG0150 at the construct that keeps a template on Scriban.
/// </summary>
internal static class TemplateCompilation
{
    /// <summary>
    /// <paramref name="plan"/> with each of <paramref name="templates"/> (the method's, <see cref="PromptMethodRules.Templates"/>)
    /// compiled: the user and system templates over the parameters and, when the method retrieves, the passages; the
    /// retrieval query over the parameters alone, since it is rendered before anything is retrieved.
    /// </summary>
    public static PromptPlan CompileTemplates(
        PromptPlan plan,
        IMethodSymbol method,
        IReadOnlyList<MethodTemplate> templates,
        RetrievalChoice? retrievalChoice,
        KnownTypeSymbols knownTypes,
        List<DiagnosticInfo> diagnostics,
        Location fallbackLocation,
        CancellationToken cancellationToken)
    {
        Compilation compilation = knownTypes.Compilation;
        var parameters = method.Parameters
            .Where(parameter => !knownTypes.IsCancellationToken(parameter.Type))
            .Where(parameter => !plan.Media.Any(media => media.Identifier.TrimStart('@') == parameter.Name))
            .Select(parameter => (parameter.Name, Identifier(parameter.Name), parameter.Type))
            .ToList();

        // A retrieving method's prompts also read the retrieved passages (a local of the generated method).
        var withPassages = parameters;
        if (plan.Retrieval is not null && retrievalChoice?.PassagesType is { } passagesType)
        {
            withPassages = parameters.Append((RetrievalChoice.PassagesVariable, RetrievalChoice.PassagesVariable, passagesType)).ToList();
        }

        PromptPlan compiled = plan;
        foreach (MethodTemplate template in templates)
        {
            CompiledTemplate? Compiled(string text) =>
                Compile(text, template.ReadsPassages ? withPassages : parameters, template, compilation, diagnostics, fallbackLocation, cancellationToken);

            compiled = template.Role switch
            {
                MethodTemplateRole.User => compiled with { CompiledUserTemplate = Compiled(plan.UserTemplate) },
                MethodTemplateRole.System when plan.SystemTemplate is { } system => compiled with { CompiledSystemTemplate = Compiled(system) },
                MethodTemplateRole.Query when plan.Retrieval is { QueryTemplate: { } query } retrieval =>
                    compiled with { Retrieval = retrieval with { CompiledQueryTemplate = Compiled(query) } },
                _ => compiled,
            };
        }

        return compiled;
    }

    private static CompiledTemplate? Compile(
        string template,
        IReadOnlyList<(string, string, ITypeSymbol)> parameters,
        MethodTemplate source,
        Compilation compilation,
        List<DiagnosticInfo> diagnostics,
        Location fallbackLocation,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (CompiledTemplate? compiled, TemplateFallback? fallback) = TemplateCompiler.Compile(template, parameters);
        if (fallback is { FailsAtRunTime: false } reason)
        {
            ExpressionSyntax? argument = source.Syntax(cancellationToken);
            Location location = argument is null
                ? AttributeReader.LocationOf(source.Attribute, fallbackLocation, cancellationToken)
                : LiteralSourceMap.For(argument, compilation).Locate(reason.Start, reason.End);
            DiagnosticInfo diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.TemplateNotCompiled, location, reason.Construct);
            // An interface-wide system prompt falls back for every method alike: say so once.
            if (!diagnostics.Contains(diagnostic))
            {
                diagnostics.Add(diagnostic);
            }
        }

        return compiled;
    }

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
