using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PromptGen.Generators.Catalog.Data;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// A project catalog file (<c>promptgen.models.json</c>) that cannot be read is one error (PG0230) at its first fault;
/// the build goes on with the built-in catalog and the project's other catalog files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class CatalogFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidCatalogFile);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(fileContext =>
        {
            if (!ProjectCatalog.IsCatalogFile(fileContext.AdditionalFile, fileContext.Options))
            {
                return;
            }

            var faults = ProjectCatalog.Faults(fileContext.Options, fileContext.CancellationToken)
                .Where(fault => fault.Path == fileContext.AdditionalFile.Path)
                .Select(fault => fault.Error)
                .ToList();
            if (faults.Count == 0)
            {
                return;
            }

            CatalogFileError first = faults[0];
            var position = new LinePosition(first.Line - 1, first.Column - 1);
            SourceText? text = fileContext.AdditionalFile.GetText(fileContext.CancellationToken);
            TextSpan span = text is not null && first.Line - 1 < text.Lines.Count
                ? new TextSpan(System.Math.Min(text.Lines[first.Line - 1].Start + first.Column - 1, text.Length), 0)
                : default;
            Location location = Location.Create(fileContext.AdditionalFile.Path, span, new LinePositionSpan(position, position));
            string more = faults.Count == 1 ? string.Empty : $" (and {faults.Count - 1} more)";
            fileContext.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidCatalogFile,
                location,
                System.IO.Path.GetFileName(fileContext.AdditionalFile.Path),
                $"({first.Line},{first.Column}): {first.Message}{more}"));
        });
    }
}
