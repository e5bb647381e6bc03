using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// How a method's <c>[FallbackModels]</c> will be used: a fallback that repeats a model tried before it (PG0220, at
/// its literal), and fallback models on a streaming method (PG0221) or a method with tools (PG0222), which call
/// only their first model. The ids
/// themselves are judged against the catalog by <see cref="ModelIdAnalyzer"/> and <see cref="ModelFitAnalyzer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FallbackModelsAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DuplicateFallbackModel,
        DiagnosticDescriptors.FallbackModelsNotStreamed,
        DiagnosticDescriptors.FallbackModelsWithTools);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<ModelReference> fallbacks = ModelReference.EffectiveFallbacks(method, cancellationToken);
            if (fallbacks.Count == 0 || method.Prompt is null)
            {
                continue;
            }

            ModelReference? primary = ModelReference.Effective(method, cancellationToken);
            // Text streams fall back until their first text; a typed result stream does not yet.
            bool streams = StreamingReturnTypes.TryClassify(method.Symbol.ReturnType, knownTypes, out ReturnKind streamKind, out _, out _)
                && streamKind == ReturnKind.ResultStream;
            if (streams || method.Symbol.Parameters.Any(parameter => ToolSetReader.IsToolSource(parameter.Type, knownTypes)))
            {
                Location? location = method.Rules.FallbackModels is { IsInterfaceWide: false, Attribute: { } own }
                    ? AttributeArguments.Location(own, cancellationToken)
                    : method.Symbol.Locations.FirstOrDefault(l => l.IsInSource);
                if (location is not null)
                {
                    sink.Report(
                        streams ? DiagnosticDescriptors.FallbackModelsNotStreamed : DiagnosticDescriptors.FallbackModelsWithTools,
                        location,
                        method.Symbol.Name,
                        primary?.Id ?? "(none)");
                }

                continue;
            }

            var tried = new HashSet<string>(System.StringComparer.Ordinal);
            if (primary is not null)
            {
                tried.Add(primary.Id);
            }

            foreach (ModelReference fallback in fallbacks)
            {
                if (!tried.Add(fallback.Id))
                {
                    sink.Report(DiagnosticDescriptors.DuplicateFallbackModel, fallback.Location, fallback.Id, method.Symbol.Name);
                }
            }
        }
    }
}
