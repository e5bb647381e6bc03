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
    public static PromptPlan CompileTemplates(
        PromptPlan plan,
        IMethodSymbol method,
        AttributeData userPrompt,
        AttributeData? systemPrompt,
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
        // The query is rendered before retrieval, so it reads the parameters only.
        RetrievalModel? retrieval = plan.Retrieval;
        RetrievalChoice? choice = retrieval is null ? null : RetrievalChoice.Read(method, knownTypes);
        if (retrieval?.QueryTemplate is { } queryTemplate && choice is not null)
        {
            ExpressionSyntax? queryArgument = AttributeReader.NamedArgumentSyntax(choice.Attribute, RetrievalChoice.QueryTemplateArgument, cancellationToken);
            retrieval = retrieval with
            {
                CompiledQueryTemplate = Compile(queryTemplate, parameters, choice.Attribute, queryArgument, compilation, diagnostics, fallbackLocation, cancellationToken),
            };
        }

        // A retrieving method's templates also read the retrieved passages (a local of the generated method).
        if (choice?.PassagesType is { } passagesType)
        {
            parameters.Add((RetrievalChoice.PassagesVariable, RetrievalChoice.PassagesVariable, passagesType));
        }

        CompiledTemplate? user = Compile(plan.UserTemplate, parameters, userPrompt, AttributeReader.FirstArgumentSyntax(userPrompt, cancellationToken), compilation, diagnostics, fallbackLocation, cancellationToken);
        CompiledTemplate? system = plan.SystemTemplate is null || systemPrompt is null
            ? null
            : Compile(plan.SystemTemplate, parameters, systemPrompt, AttributeReader.FirstArgumentSyntax(systemPrompt, cancellationToken), compilation, diagnostics, fallbackLocation, cancellationToken);
        return plan with { CompiledUserTemplate = user, CompiledSystemTemplate = system, Retrieval = retrieval };
    }

    private static CompiledTemplate? Compile(
        string template,
        IReadOnlyList<(string, string, ITypeSymbol)> parameters,
        AttributeData attribute,
        ExpressionSyntax? argument,
        Compilation compilation,
        List<DiagnosticInfo> diagnostics,
        Location fallbackLocation,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (CompiledTemplate? compiled, TemplateFallback? fallback) = TemplateCompiler.Compile(template, parameters);
        if (fallback is { FailsAtRunTime: false } reason)
        {
            Location location = argument is null
                ? AttributeReader.LocationOf(attribute, fallbackLocation, cancellationToken)
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
