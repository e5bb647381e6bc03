using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// The common shape of PromptGen's analyzers: one symbol action per <c>[PromptClient]</c> interface, never on
/// generated code, concurrent, and nothing at all in a compilation that does not reference PromptGen.
/// </summary>
internal abstract class PromptClientAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            KnownTypeSymbols knownTypes = KnownTypeSymbols.For(start.Compilation);
            if (!knownTypes.ReferencesPromptGen)
            {
                return;
            }

            ModelTable catalog = ProjectCatalog.For(start.Options, start.CancellationToken);

            // One finding at one place is reported once per compilation, whichever interface meets it first.
            var reported = new ConcurrentDictionary<(string Id, Location Location), byte>();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (PromptDeclaration.TryRead(symbolContext.Symbol, knownTypes, catalog) is { } declaration)
                    {
                        var sink = new DiagnosticSink(symbolContext.ReportDiagnostic, reported);
                        Analyze(declaration, knownTypes, sink, symbolContext.CancellationToken);
                    }
                },
                SymbolKind.NamedType);
            InitializeCompilation(start, knownTypes, catalog);
        });
    }

    /// <summary>For an analyzer that also judges something outside the interfaces (e.g. the assembly defaults).</summary>
#pragma warning disable RS1012 // most analyzers need nothing more; the ones that do override this and register
    protected virtual void InitializeCompilation(CompilationStartAnalysisContext start, KnownTypeSymbols knownTypes, ModelTable catalog)
    {
    }
#pragma warning restore RS1012

    protected abstract void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken);
}
