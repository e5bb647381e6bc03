using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// A <c>[Retrieve(Citations = true)]</c> whose model the catalog confirms reads no documents (PG0503), at
/// <c>Citations = true</c>: Converse citations come from document blocks, so that model would refuse the request. An
/// unconfirmed capability says nothing, as in the other model analyzers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class RetrievalModelAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RetrievalDiagnostics.CitationsWithoutDocuments);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (method.Rules.Retrieval is not { Citations: true } retrieval
                || ModelReference.Effective(method, cancellationToken) is not { Lookup.Model: { } model } reference)
            {
                continue;
            }

            if (model.IsConfirmed(ModelCapabilities.Documents) && !model.Supports(ModelCapabilities.Documents))
            {
                Location fallback = AttributeReader.LocationOf(retrieval.Attribute, reference.Location, cancellationToken);
                sink.Report(
                    RetrievalDiagnostics.CitationsWithoutDocuments,
                    AttributeReader.NamedArgumentLocation(retrieval.Attribute, "Citations", fallback, cancellationToken),
                    method.Symbol.Name,
                    reference.Id);
            }
        }
    }
}
