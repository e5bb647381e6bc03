using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// A prompt method with tools whose model the catalog confirms lacks tool use (PG0409), reported at the model id.
/// An unconfirmed capability says nothing, as in the other model analyzers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ToolModelAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(ToolDiagnostics.ModelWithoutToolUse);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!method.Symbol.Parameters.Any(parameter => ToolSetReader.IsToolSource(parameter.Type, knownTypes))
                || ModelReference.Effective(method, cancellationToken) is not { Lookup.Model: { } model } reference)
            {
                continue;
            }

            if (model.IsConfirmed(ModelCapabilities.ToolUse) && !model.Supports(ModelCapabilities.ToolUse))
            {
                sink.Report(ToolDiagnostics.ModelWithoutToolUse, reference.Location, reference.Id, method.Symbol.Name, string.Empty);
            }
        }
    }
}
