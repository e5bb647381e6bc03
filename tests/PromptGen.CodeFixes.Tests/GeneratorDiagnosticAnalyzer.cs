using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes.Tests;

/// <summary>
/// Some diagnostics (PG0001, PG0006, PG0100 and the PG0106 habits that stop Scriban reading a template) come from the
/// generator, not an analyzer, but the code-fix test harness takes an analyzer: this one runs the real generator over
/// the compilation and re-reports what it found.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class GeneratorDiagnosticAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PromptClientNotPartial,
        DiagnosticDescriptors.UnsupportedParameter,
        DiagnosticDescriptors.TemplateSyntaxError,
        DiagnosticDescriptors.OtherTemplateLanguageSyntax);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        // Reported per syntax tree, not per compilation: a code fix may only act on a diagnostic local to its document.
        context.RegisterCompilationStartAction(startContext =>
        {
            var generated = new Lazy<ImmutableArray<Diagnostic>>(() =>
            {
                CSharpGeneratorDriver.Create(new PromptClientGenerator())
                    .RunGeneratorsAndUpdateCompilation(startContext.Compilation, out _, out ImmutableArray<Diagnostic> diagnostics, startContext.CancellationToken);
                return diagnostics;
            });
            startContext.RegisterSemanticModelAction(modelContext =>
            {
                foreach (Diagnostic diagnostic in generated.Value)
                {
                    if (SupportedDiagnostics.Any(supported => supported.Id == diagnostic.Id) && diagnostic.Location.SourceTree == modelContext.SemanticModel.SyntaxTree)
                    {
                        modelContext.ReportDiagnostic(diagnostic);
                    }
                }
            });
        });
    }
}
