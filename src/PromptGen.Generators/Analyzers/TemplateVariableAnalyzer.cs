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
using Scriban.Syntax;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// Matches each method's templates against its parameters, like LoggerMessage does with its placeholders: a
/// variable that is no parameter fails at render time (PG0101, at the exact characters inside the literal), and a
/// parameter no template uses is never seen by the model (PG0102, at the parameter). A <c>CancellationToken</c> is
/// passed to the call, never to the template, so it is neither a variable nor unused; a parameter marked
/// <c>[NotInTemplate]</c> is used otherwise by design and is not reported either, nor is a tool set (its tools go
/// to the model as tools) or a conversation history (its turns go before the user turn). A retrieval's query template
/// (<c>[Retrieve(QueryTemplate = …)]</c>) is judged like the prompts, without <c>passages</c>, and what it reads is used. A template that renders no
/// text is PG0105, and Liquid's, Jinja's and format strings' syntax in a template Scriban reads is PG0106, with the
/// Scriban way to write it (the habits that stop Scriban reading the template are the generator's PG0106).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class TemplateVariableAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownTemplateVariable,
        DiagnosticDescriptors.UnusedParameter,
        DiagnosticDescriptors.EmptyTemplate,
        DiagnosticDescriptors.OtherTemplateLanguageSyntax);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        // An interface-wide system prompt is shared by every method: read it once.
        var checks = new Dictionary<AttributeData, TemplateCheck?>();
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (method.Prompt is null)
            {
                continue; // PG0004: nothing to match the parameters against
            }

            AnalyzeMethod(method, knownTypes, checks, sink, cancellationToken);
        }
    }

    private static void AnalyzeMethod(
        PromptMethod method,
        KnownTypeSymbols knownTypes,
        Dictionary<AttributeData, TemplateCheck?> checks,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        IParameterSymbol[] inputs = method.Symbol.Parameters.Where(parameter => !knownTypes.IsCancellationToken(parameter.Type)).ToArray();
        var parameterNames = new HashSet<string>(inputs.Select(parameter => parameter.Name), System.StringComparer.Ordinal);
        var namesWithPassages = new HashSet<string>(parameterNames, System.StringComparer.Ordinal);
        if (method.Rules.Retrieval is not null)
        {
            namesWithPassages.Add(RetrievalChoice.PassagesVariable); // the retrieved passages: a variable of every template but the query
        }
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        // A parameter offered as "did you mean" for a misspelt variable is one mistake, already reported as PG0101.
        var suggested = new HashSet<string>(System.StringComparer.Ordinal);
        bool usageKnowable = true;

        foreach (MethodTemplate methodTemplate in method.Rules.Templates)
        {
            AttributeData attribute = methodTemplate.Attribute;
            HashSet<string> names = methodTemplate.ReadsPassages ? namesWithPassages : parameterNames;
            // Each attribute writes one template (the query is [Retrieve]'s), so the attribute keys the shared read.
            if (!checks.TryGetValue(attribute, out TemplateCheck? check))
            {
                check = AttributeReader.HasErrors(attribute) || methodTemplate.Text is not { } text
                    ? null
                    : TemplateSyntax.Check(text);
                checks[attribute] = check;
            }

            string? template = methodTemplate.Text;
            if (check is null || template is null || TemplateVariables.Read(check) is not { } variables)
            {
                usageKnowable = false; // a broken template is PG0100's; judging usage from half a template would mislead
                continue;
            }

            ExpressionSyntax? argument = methodTemplate.Syntax(cancellationToken);
            LiteralSourceMap? map = argument is null ? null : LiteralSourceMap.For(argument, knownTypes.Compilation);
            if (IsEmpty(check, template))
            {
                // Every parameter is unused then: one mistake, reported once, here.
                usageKnowable = false;
                ReportEmpty(method, methodTemplate, knownTypes, map, sink);
                continue;
            }

            TemplateHabitFindings habits = TemplateHabits.Find(
                check,
                template,
                name => variables.NamesAreKnowable && !names.Contains(name) && !variables.IsProvidedByTemplate(name),
                names);
            if (map is not null)
            {
                foreach (TemplateProblem habit in habits.Problems)
                {
                    (Location location, ImmutableDictionary<string, string?> properties) = TemplateProblemLocation.Of(habit, map, template);
                    sink.Report(DiagnosticDescriptors.OtherTemplateLanguageSyntax, location, properties, habit.Message);
                }
            }

            used.UnionWith(variables.Uses.Select(use => use.Name));
            used.UnionWith(habits.MentionedParameters);
            ReportUnknownVariables(map, variables, habits, method.Symbol.Name, names, suggested, sink);
        }

        if (!usageKnowable)
        {
            return;
        }

        foreach (IParameterSymbol parameter in inputs)
        {
            // Tools go to the model as tools, request metadata in requestMetadata, the conversation history before the
            // user turn: none of them is prompt text. A ref or out parameter is PG0006's.
            bool optedOut = AttributeReader.Find(parameter, knownTypes.NotInTemplateAttribute) is not null
                || ToolSetReader.IsToolSource(parameter.Type, knownTypes)
                || ConversationParameters.IsHistory(parameter.Type, knownTypes)
                || AttributeReader.Find(parameter, knownTypes.RequestMetadataAttribute) is not null
                || parameter.RefKind != RefKind.None
                || method.Rules.Retrieval?.Uses(parameter) == true; // the query, filter or retriever of [Retrieve]
            // Media go beside the text, and binary data without a media attribute is PG0213's: neither belongs in a template.
            // A media attribute on a type that cannot carry media is PG0010's: the parameter was meant as media.
            optedOut |= MediaAnalyzer.KindOf(parameter, knownTypes) is not null || MediaParameters.BinaryShapeOf(parameter.Type, knownTypes) is not null
                || MediaParameters.FindAttribute(parameter, knownTypes) is not null
                || AttributeReader.Find(parameter, knownTypes.MaskAttribute) is not null; // sent as the mask prompt, beside the text
            if (!used.Contains(parameter.Name) && !suggested.Contains(parameter.Name) && !optedOut && parameter.Locations.FirstOrDefault(location => location.IsInSource) is { } location)
            {
                sink.Report(DiagnosticDescriptors.UnusedParameter, location, parameter.Name, method.Symbol.Name);
            }
        }
    }

    /// <summary>
    /// A template that renders no text: blank, or nothing but whitespace, comments and empty code. A user turn of media
    /// alone is sent (the text block is left out), so an empty [Prompt] beside a media parameter is no mistake.
    /// </summary>
    private static void ReportEmpty(PromptMethod method, MethodTemplate template, KnownTypeSymbols knownTypes, LiteralSourceMap? map, DiagnosticSink sink)
    {
        if (template.Role == MethodTemplateRole.User && method.Symbol.Parameters.Any(parameter => MediaAnalyzer.KindOf(parameter, knownTypes) is not null))
        {
            return;
        }

        Location? location = map?.LocateWhole() ?? template.Attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();
        if (location is null)
        {
            return;
        }

        sink.Report(
            DiagnosticDescriptors.EmptyTemplate,
            location,
            template.DisplayName,
            method.Symbol.Name,
            template.Role switch
            {
                MethodTemplateRole.System => "Bedrock rejects the blank system prompt; write the instructions or remove [SystemPrompt]",
                MethodTemplateRole.Query => "a retrieval needs text to search for, and the call would fail before it is sent; write the query",
                _ => "the call sends Bedrock an empty user turn, which it rejects; write the prompt",
            });
    }

    internal static bool IsEmpty(TemplateCheck check, string template)
    {
        if (template.Trim().Length == 0)
        {
            return true;
        }

        if (check.Page?.Body is not { } body)
        {
            return false;
        }

        foreach (ScriptStatement statement in body.Statements)
        {
            bool nothing = statement is ScriptEscapeStatement or ScriptNopStatement
                || (statement is ScriptRawStatement raw && raw.Text.ToString().Trim().Length == 0);
            if (!nothing)
            {
                return false;
            }
        }

        return true;
    }

    private static void ReportUnknownVariables(
        LiteralSourceMap? map,
        TemplateVariables variables,
        TemplateHabitFindings habits,
        string methodName,
        HashSet<string> parameterNames,
        HashSet<string> suggested,
        DiagnosticSink sink)
    {
        if (!variables.NamesAreKnowable || map is null)
        {
            return;
        }

        foreach (TemplateVariableUse use in variables.Uses)
        {
            if (!use.Checkable || parameterNames.Contains(use.Name) || variables.IsProvidedByTemplate(use.Name)
                || habits.Covers(use.Start, use.End) || habits.DefinedNames.Contains(use.Name))
            {
                continue; // a name another language gave a meaning, or one its tag defines, is PG0106's
            }

            string? closest = NameSuggestion.Closest(use.Name, parameterNames);
            string advice = closest is null ? $"add a parameter named '{use.Name}' or correct the name" : $"did you mean '{closest}'?";
            if (closest is not null)
            {
                suggested.Add(closest);
            }

            Location location = map.Locate(use.Start, use.End);
            sink.Report(DiagnosticDescriptors.UnknownTemplateVariable, location, FixProperties.Replacement(FixProperties.SuggestedVariable, closest, use.Name), use.Name, methodName, advice);
        }
    }
}
