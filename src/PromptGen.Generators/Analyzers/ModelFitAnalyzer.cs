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
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MaxTokensAboveModelLimit,
        DiagnosticDescriptors.SystemPromptNotSupported);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var models = new List<ModelReference>();
            if (ModelReference.Effective(method, cancellationToken) is { } primary)
            {
                models.Add(primary);
            }

            // A fallback model gets the same request, so it must fit it too.
            models.AddRange(ModelReference.EffectiveFallbacks(method, cancellationToken));
            foreach (ModelReference reference in models)
            {
                if (reference.Lookup.Model is { } model)
                {
                    CheckModel(method, reference, model, sink, cancellationToken);
                }
            }
        }
    }

    private static void CheckModel(
        PromptMethod method,
        ModelReference reference,
        ModelInfo model,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        CheckMaxTokens(method, reference, model, sink, cancellationToken);

        bool confirmedWithoutSystemPrompt = model.IsConfirmed(ModelCapabilities.SystemPrompt) && !model.Supports(ModelCapabilities.SystemPrompt);
        if (confirmedWithoutSystemPrompt && method.Rules.SystemPrompt.Template is not null)
        {
            sink.Report(DiagnosticDescriptors.SystemPromptNotSupported, reference.Location, reference.Id, method.Symbol.Name);
        }
    }

    private static void CheckMaxTokens(
        PromptMethod method,
        ModelReference reference,
        ModelInfo model,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        InferenceChoice inference = method.Rules.Inference;
        if (model.MaxOutputTokens <= 0 || inference.Effective.MaxTokens is not { } maxTokens || maxTokens <= model.MaxOutputTokens
            || inference.SourceOf(InferenceChoice.MaxTokens) is not { } source)
        {
            return;
        }

        Location? location = AttributeArguments.Named(source, InferenceChoice.MaxTokens, cancellationToken)?.GetLocation();
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
}
