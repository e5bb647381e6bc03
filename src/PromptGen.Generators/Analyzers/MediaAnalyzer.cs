using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Parsing;
using PromptGen.Generators.Templates;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// Media parameters against the model and the templates: media the model is confirmed not to read (PG0211, at the
/// parameter; for a fallback model, at its id), a media parameter read by a template (PG0212, at the variable inside the literal), and binary data
/// without a media attribute, which the model would never see (PG0213, at the parameter). Capabilities the catalog
/// marks unconfirmed say nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class MediaAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ModelLacksMediaCapability,
        DiagnosticDescriptors.MediaParameterInTemplate,
        DiagnosticDescriptors.BinaryParameterWithoutMediaAttribute);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ModelInfo? model = null;
            ModelReference? reference = null;
            IReadOnlyList<ModelReference>? fallbacks = null;
            foreach (IParameterSymbol parameter in method.Symbol.Parameters)
            {
                if (parameter.Locations.FirstOrDefault(location => location.IsInSource) is not { } location)
                {
                    continue;
                }

                if (KindOf(parameter, knownTypes) is not { } kind)
                {
                    bool optedOut = AttributeReader.Find(parameter, knownTypes.NotInTemplateAttribute) is not null;
                    if (!optedOut && MediaParameters.BinaryShapeOf(parameter.Type, knownTypes) is not null)
                    {
                        sink.Report(
                            DiagnosticDescriptors.BinaryParameterWithoutMediaAttribute,
                            location,
                            parameter.Name,
                            method.Symbol.Name,
                            parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
                    }

                    continue;
                }

                reference ??= ModelReference.Effective(method, cancellationToken);
                model ??= reference?.Lookup.Model;
                ModelCapabilities capability = kind switch
                {
                    MediaKind.Image => ModelCapabilities.Images,
                    MediaKind.Document => ModelCapabilities.Documents,
                    _ => ModelCapabilities.Video,
                };
                if (model is not null && model.IsConfirmed(capability) && !model.Supports(capability))
                {
                    sink.Report(DiagnosticDescriptors.ModelLacksMediaCapability, location, parameter.Name, method.Symbol.Name, Plural(kind), $"model '{reference!.Id}'");
                }

                // A fallback model gets the same request: reported at its id, the characters to change (once per id,
                // however many parameters send media it does not read: the sink keeps one finding per place).
                fallbacks ??= ModelReference.EffectiveFallbacks(method, cancellationToken);
                foreach (ModelReference fallback in fallbacks)
                {
                    if (fallback.Lookup.Model is { } fallbackModel && fallbackModel.IsConfirmed(capability) && !fallbackModel.Supports(capability))
                    {
                        sink.Report(
                            DiagnosticDescriptors.ModelLacksMediaCapability,
                            fallback.Location,
                            parameter.Name,
                            method.Symbol.Name,
                            Plural(kind),
                            $"the fallback model '{fallback.Id}'");
                    }
                }

                ReportTemplateUses(method, parameter, kind, knownTypes.Compilation, sink, cancellationToken);
            }
        }
    }

    /// <summary>The kind of content block the parameter becomes; null when it is not media (as the generator decides).</summary>
    internal static MediaKind? KindOf(IParameterSymbol parameter, KnownTypeSymbols knownTypes)
    {
        if (MediaParameters.MediaTypeOf(parameter.Type, knownTypes) is { } typed)
        {
            return typed.Kind;
        }

        return MediaParameters.FindAttribute(parameter, knownTypes) is { } marked && MediaParameters.BinaryShapeOf(parameter.Type, knownTypes) is not null ? marked.Kind : null;
    }

    private static void ReportTemplateUses(PromptMethod method, IParameterSymbol parameter, MediaKind kind, Compilation compilation, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (MethodTemplate methodTemplate in method.Rules.Templates)
        {
            if (AttributeReader.HasErrors(methodTemplate.Attribute) || methodTemplate.Text is not { } template
                || TemplateVariables.Read(template) is not { } variables
                || methodTemplate.Syntax(cancellationToken) is not ExpressionSyntax argument)
            {
                continue;
            }

            LiteralSourceMap? map = null;
            foreach (TemplateVariableUse use in variables.Uses)
            {
                if (use.Name == parameter.Name && !variables.IsProvidedByTemplate(use.Name))
                {
                    map ??= LiteralSourceMap.For(argument, compilation);
                    Location location = map.Locate(use.Start, use.End);
                    sink.Report(DiagnosticDescriptors.MediaParameterInTemplate, location, parameter.Name, method.Symbol.Name, MediaParameters.KindName(kind).ToLowerInvariant());
                }
            }
        }
    }

    private static string Plural(MediaKind kind) => kind switch
    {
        MediaKind.Image => "images",
        MediaKind.Document => "documents",
        _ => "video",
    };
}
