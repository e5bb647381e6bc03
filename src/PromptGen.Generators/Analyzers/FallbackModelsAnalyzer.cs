using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// How a method's <c>[FallbackModels]</c> will be used: a fallback that repeats a model tried before it (PG0220, at
/// its literal). Every kind of prompt method uses its fallback models (streams until their first delta, tool loops
/// per model turn), so the retired PG0221 and PG0222 are not reported any more. The ids
/// themselves are judged against the catalog by <see cref="ModelIdAnalyzer"/> and <see cref="ModelFitAnalyzer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FallbackModelsAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DuplicateFallbackModel);

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
