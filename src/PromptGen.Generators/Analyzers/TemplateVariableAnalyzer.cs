using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;
using PromptGen.Generators.Templates;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// Matches each method's templates against its parameters, like LoggerMessage does with its placeholders: a
/// variable that is no parameter fails at render time (PG0101, at the exact characters inside the literal), and a
/// parameter no template uses is never seen by the model (PG0102, at the parameter). A <c>CancellationToken</c> is
/// passed to the call, never to the template, so it is neither a variable nor unused; a parameter marked
/// <c>[NotInTemplate]</c> is used otherwise by design and is not reported either, nor is a tool set (its tools go
/// to the model as tools) or a conversation history (its turns go before the user turn).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class TemplateVariableAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownTemplateVariable,
        DiagnosticDescriptors.UnusedParameter);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        // An interface-wide system prompt is shared by every method: parse it once.
        var parsedByAttribute = new Dictionary<AttributeData, TemplateVariables?>();
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (method.Prompt is null)
            {
                continue; // PG0004: nothing to match the parameters against
            }

            AnalyzeMethod(method, knownTypes, parsedByAttribute, sink, cancellationToken);
        }
    }

    private static void AnalyzeMethod(
        PromptMethod method,
        KnownTypeSymbols knownTypes,
        Dictionary<AttributeData, TemplateVariables?> parsedByAttribute,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        IParameterSymbol[] inputs = method.Symbol.Parameters.Where(parameter => !knownTypes.IsCancellationToken(parameter.Type)).ToArray();
        var parameterNames = new HashSet<string>(inputs.Select(parameter => parameter.Name), System.StringComparer.Ordinal);
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        // A parameter offered as "did you mean" for a misspelt variable is one mistake, already reported as PG0101.
        var suggested = new HashSet<string>(System.StringComparer.Ordinal);
        bool everyTemplateRead = true;

        foreach (AttributeData? attribute in new[] { method.Prompt, method.SystemPrompt })
        {
            if (attribute is null)
            {
                continue;
            }

            if (!parsedByAttribute.TryGetValue(attribute, out TemplateVariables? variables))
            {
                variables = AttributeReader.HasErrors(attribute) || AttributeReader.FirstStringArgument(attribute) is not { } template
                    ? null
                    : TemplateVariables.Read(template);
                parsedByAttribute[attribute] = variables;
            }

            if (variables is null)
            {
                everyTemplateRead = false; // a broken template is PG0100's; judging usage from half a template would mislead
                continue;
            }

            used.UnionWith(variables.Uses.Select(use => use.Name));
            ReportUnknownVariables(attribute, variables, method.Symbol.Name, parameterNames, suggested, knownTypes.Compilation, sink, cancellationToken);
        }

        if (!everyTemplateRead)
        {
            return;
        }

        foreach (IParameterSymbol parameter in inputs)
        {
            // Tools go to the model as tools, request metadata in requestMetadata, the conversation history before the
            // user turn: none of them is prompt text.
            bool optedOut = AttributeReader.Find(parameter, knownTypes.NotInTemplateAttribute) is not null
                || ToolSetReader.IsToolSet(parameter.Type, knownTypes)
                || ConversationParameters.IsHistory(parameter.Type, knownTypes)
                || AttributeReader.Find(parameter, knownTypes.RequestMetadataAttribute) is not null;
            // Media go beside the text, and binary data without a media attribute is PG0213's: neither belongs in a template.
            optedOut |= MediaAnalyzer.KindOf(parameter, knownTypes) is not null || MediaParameters.BinaryShapeOf(parameter.Type, knownTypes) is not null;
            if (!used.Contains(parameter.Name) && !suggested.Contains(parameter.Name) && !optedOut && parameter.Locations.FirstOrDefault(location => location.IsInSource) is { } location)
            {
                sink.Report(DiagnosticDescriptors.UnusedParameter, location, parameter.Name, method.Symbol.Name);
            }
        }
    }

    private static void ReportUnknownVariables(
        AttributeData attribute,
        TemplateVariables variables,
        string methodName,
        HashSet<string> parameterNames,
        HashSet<string> suggested,
        Compilation compilation,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        if (!variables.NamesAreKnowable)
        {
            return;
        }

        ExpressionSyntax? argument = AttributeReader.FirstArgumentSyntax(attribute, cancellationToken);
        if (argument is null)
        {
            return;
        }

        LiteralSourceMap map = LiteralSourceMap.For(argument, compilation);
        foreach (TemplateVariableUse use in variables.Uses)
        {
            if (!use.Checkable || parameterNames.Contains(use.Name) || variables.IsProvidedByTemplate(use.Name))
            {
                continue;
            }

            string? closest = NameSuggestion.Closest(use.Name, parameterNames);
            string advice = closest is null ? $"add a parameter named '{use.Name}' or correct the name" : $"did you mean '{closest}'?";
            if (closest is not null)
            {
                suggested.Add(closest);
            }

            Location location = Location.Create(argument.SyntaxTree, map.Map(use.Start, use.End));
            sink.Report(DiagnosticDescriptors.UnknownTemplateVariable, location, FixProperties.Replacement(FixProperties.SuggestedVariable, closest, use.Name), use.Name, methodName, advice);
        }
    }
}
