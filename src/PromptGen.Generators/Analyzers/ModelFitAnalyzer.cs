using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// Whether each method's request fits the model it calls: <c>MaxTokens</c> within the model's output limit (PG0206)
/// and a system prompt only for models that accept one (PG0208), for the method's model and each of its fallback
/// models. Only facts the catalog has are used: an unknown
/// limit (0) or an unconfirmed capability says nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ModelFitAnalyzer : PromptClientAnalyzer
{
    private const string MaxTokens = "MaxTokens";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MaxTokensAboveModelLimit,
        DiagnosticDescriptors.SystemPromptNotSupported);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var models = new List<ModelReference>();
            if (ModelReference.Effective(declaration, method, cancellationToken) is { } primary)
            {
                models.Add(primary);
            }

            // A fallback model gets the same request, so it must fit it too.
            models.AddRange(ModelReference.EffectiveFallbacks(declaration, method, cancellationToken));
            foreach (ModelReference reference in models)
            {
                if (reference.Lookup.Model is { } model)
                {
                    CheckModel(declaration, method, reference, model, sink, cancellationToken);
                }
            }
        }
    }

    private static void CheckModel(
        PromptDeclaration declaration,
        PromptMethod method,
        ModelReference reference,
        ModelInfo model,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        CheckMaxTokens(declaration, method, reference, model, sink, cancellationToken);

        bool confirmedWithoutSystemPrompt = model.IsConfirmed(ModelCapabilities.SystemPrompt) && !model.Supports(ModelCapabilities.SystemPrompt);
        if (confirmedWithoutSystemPrompt && method.SystemPrompt is not null)
        {
            sink.Report(DiagnosticDescriptors.SystemPromptNotSupported, reference.Location, reference.Id, method.Symbol.Name);
        }
    }

    private static void CheckMaxTokens(
        PromptDeclaration declaration,
        PromptMethod method,
        ModelReference reference,
        ModelInfo model,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        // The method's setting wins; the interface's applies only when the method sets none.
        AttributeData? source = SetsMaxTokens(method.Inference) ? method.Inference : SetsMaxTokens(declaration.Inference) ? declaration.Inference : null;
        if (source is null || model.MaxOutputTokens <= 0 || AttributeReader.ReadInference(source).MaxTokens is not { } maxTokens || maxTokens <= model.MaxOutputTokens)
        {
            return;
        }

        Location? location = AttributeArguments.Named(source, MaxTokens, cancellationToken)?.GetLocation();
        if (location is not null)
        {
            sink.Report(
                DiagnosticDescriptors.MaxTokensAboveModelLimit,
                location,
                maxTokens.ToString(CultureInfo.InvariantCulture),
                method.Symbol.Name,
                model.MaxOutputTokens.ToString(CultureInfo.InvariantCulture),
                reference.Id);
        }
    }

    private static bool SetsMaxTokens(AttributeData? inference) =>
        inference is not null && !AttributeReader.HasErrors(inference) && AttributeReader.ReadInference(inference).MaxTokens is not null;
}
