using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// <c>[Inference(StopSequences = …)]</c> that Bedrock rejects: an empty string (PG0210, judged per attribute) and
/// more sequences than the model the method calls takes (PG0209, judged per method against the catalog's limit;
/// an unknown limit, 0, or one no source confirms says nothing: a false warning would push users to drop stop
/// sequences the model accepts).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class StopSequenceAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TooManyStopSequences,
        DiagnosticDescriptors.EmptyStopSequence);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        CheckEmpty(declaration.Rules.Inference, sink, cancellationToken);
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CheckEmpty(method.Rules.Inference.MethodAttribute, sink, cancellationToken);

            int count = method.Rules.Inference.Effective.StopSequences.Count;
            if (method.Rules.Inference.SourceOf(InferenceChoice.StopSequences) is not { } source
                || ModelReference.Effective(method, cancellationToken) is not { Lookup.Model: { } model } reference
                || model.MaxStopSequences <= 0
                || !model.StopSequenceLimitConfirmed
                || count <= model.MaxStopSequences)
            {
                continue;
            }

            if (AttributeArguments.Named(source, InferenceChoice.StopSequences, cancellationToken)?.GetLocation() is { } location)
            {
                sink.Report(
                    DiagnosticDescriptors.TooManyStopSequences,
                    location,
                    count.ToString(CultureInfo.InvariantCulture),
                    method.Symbol.Name,
                    model.MaxStopSequences.ToString(CultureInfo.InvariantCulture),
                    reference.Id);
            }
        }
    }

    private static void CheckEmpty(AttributeData? inference, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (inference is null || AttributeReader.HasErrors(inference))
        {
            return;
        }

        foreach (var argument in inference.NamedArguments)
        {
            if (argument.Key != InferenceChoice.StopSequences || argument.Value is not { Kind: TypedConstantKind.Array, IsNull: false } array)
            {
                continue;
            }

            for (int index = 0; index < array.Values.Length; index++)
            {
                if (array.Values[index].Value is string { Length: 0 } && AttributeArguments.Named(inference, InferenceChoice.StopSequences, cancellationToken)?.GetLocation() is { } location)
                {
                    sink.Report(DiagnosticDescriptors.EmptyStopSequence, location, index.ToString(CultureInfo.InvariantCulture));
                    return;
                }
            }
        }
    }
}
