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
/// A prompt method without a <c>CancellationToken</c> (PG0007, info): a Bedrock call can take many seconds, and
/// without a token the caller cannot give up on it. Quiet on a method the generator reports as one it cannot
/// generate, so that method has one diagnostic.
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
            if (method.Prompt is not null && !cancellable && !CannotBeGenerated(method.Symbol, knownTypes)
                && method.Symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
            {
                sink.Report(DiagnosticDescriptors.MissingCancellationToken, location, method.Symbol.Name);
            }
        }
    }

    /// <summary>
    /// A method the generator already reports as one that cannot be generated: an unsupported return type (PG0002),
    /// a ref/out/in parameter (PG0006) or the generated factory's signature (PG0009). Its error comes first; advice
    /// about cancellation would be a second diagnostic for one method that has to change anyway.
    /// </summary>
    private static bool CannotBeGenerated(IMethodSymbol method, KnownTypeSymbols knownTypes) =>
        PromptReturnTypes.Classify(method.ReturnType, knownTypes).Kind == ReturnKind.Unsupported
        || method.Parameters.Any(parameter => parameter.RefKind != RefKind.None)
        || PromptClientParser.HasFactorySignature(method, knownTypes);
}
