using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

            AttributeArgumentSyntax? written = AttributeArguments.Named(inference, InferenceChoice.StopSequences, cancellationToken);
            IReadOnlyList<ExpressionSyntax> elements = Elements(written?.Expression);
            for (int index = 0; index < array.Values.Length; index++)
            {
                // Each empty one is its own mistake, at its own literal, numbered as a user counts (from 1).
                Location? location = elements.Count == array.Values.Length ? elements[index].GetLocation() : written?.GetLocation();
                if (array.Values[index].Value is string { Length: 0 } && location is not null)
                {
                    sink.Report(DiagnosticDescriptors.EmptyStopSequence, location, (index + 1).ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }

    /// <summary>The elements as written: <c>new[] { … }</c>, <c>new string[] { … }</c> or <c>[ … ]</c>.</summary>
    private static IReadOnlyList<ExpressionSyntax> Elements(ExpressionSyntax? expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(element => element.Expression).ToArray(),
        _ => System.Array.Empty<ExpressionSyntax>(),
    };
}
