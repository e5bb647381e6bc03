using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// A <c>[Tool]</c> method without <c>[Description]</c> (PG0408, info), at the method's name: the description is what
/// the model reads to decide whether to call the tool. Judged once per method, wherever its tool set is used.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ToolDescriptionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(ToolDiagnostics.ToolWithoutDescription);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            KnownTypeSymbols knownTypes = KnownTypeSymbols.For(start.Compilation);
            if (knownTypes.ToolAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    // A tool whose signature names a type that does not compile is the compiler's to report.
                    if (AttributeReader.Find(method, knownTypes.ToolAttribute) is null
                        || AttributeReader.Find(method, knownTypes.DescriptionAttribute) is not null
                        || knownTypes.HasUnresolvedSignature(method))
                    {
                        return;
                    }

                    if (method.Locations.FirstOrDefault(location => location.IsInSource) is { } location)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(ToolDiagnostics.ToolWithoutDescription, location, ToolSetReader.NameOf(method, knownTypes)));
                    }
                },
                SymbolKind.Method);
        });
    }
}
