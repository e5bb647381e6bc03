using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// <c>[Prompt]</c>, <c>[SystemPrompt]</c> or <c>[Model]</c> on a method of a class, struct or record (PG0008):
/// PromptGen only implements interface methods, so the attribute does nothing there. Methods of interfaces are
/// left alone, since a plain base interface's methods are generated for the <c>[PromptClient]</c> that extends it.
/// Not a <see cref="PromptClientAnalyzer"/>: it looks at methods outside prompt clients.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class MisplacedPromptAttributeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PromptAttributeOutsidePromptClient);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            PromptSymbols? symbols = PromptSymbols.From(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is not IMethodSymbol { ContainingType: { TypeKind: not TypeKind.Interface } containingType } method)
                    {
                        return;
                    }

                    foreach (AttributeData attribute in method.GetAttributes())
                    {
                        INamedTypeSymbol? type = attribute.AttributeClass;
                        bool ours = SymbolEqualityComparer.Default.Equals(type, symbols.Prompt)
                            || SymbolEqualityComparer.Default.Equals(type, symbols.SystemPrompt)
                            || SymbolEqualityComparer.Default.Equals(type, symbols.Model);
                        if (ours && AttributeArguments.Location(attribute, symbolContext.CancellationToken) is { } location)
                        {
                            string name = type!.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Attribute".Length) : type.Name;
                            symbolContext.ReportDiagnostic(Diagnostic.Create(
                                DiagnosticDescriptors.PromptAttributeOutsidePromptClient,
                                location,
                                name,
                                method.Name,
                                containingType.Name));
                        }
                    }
                },
                SymbolKind.Method);
        });
    }
}
