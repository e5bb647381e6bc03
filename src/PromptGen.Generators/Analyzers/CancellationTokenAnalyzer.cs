using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// A prompt method without a <c>CancellationToken</c> (PG0007, info): a Bedrock call can take many seconds, and
/// without a token the caller cannot give up on it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class CancellationTokenAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MissingCancellationToken);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (knownTypes.CancellationToken is null)
        {
            return;
        }

        foreach (PromptMethod method in declaration.Methods)
        {
            bool cancellable = method.Symbol.Parameters.Any(parameter => knownTypes.IsCancellationToken(parameter.Type));
            if (method.Prompt is not null && !cancellable && method.Symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
            {
                sink.Report(DiagnosticDescriptors.MissingCancellationToken, location, method.Symbol.Name);
            }
        }
    }
}
