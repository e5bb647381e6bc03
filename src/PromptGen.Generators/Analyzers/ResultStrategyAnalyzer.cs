using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// How a typed result will be asked of the model. PG0301 (info): the catalog confirms the model has neither native
/// structured output nor forced tool choice, so the schema goes in the prompt. PG0302 (error): a
/// <c>[StructuredOutput(Strategy = …)]</c> the catalog confirms the model (or one of its fallback models) cannot do.
/// Unconfirmed facts say nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ResultStrategyAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SchemaSentInPrompt,
        DiagnosticDescriptors.StructuredOutputStrategyNotSupported);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TypedResultReturn.ResultTypeOf(method.Symbol.ReturnType, knownTypes) is null
                || ModelReference.Effective(method, cancellationToken) is not { Lookup: { Kind: ModelLookupKind.Known, Model: { } model } } reference)
            {
                continue;
            }

            StrategyChoice strategy = method.Rules.StrategyFor(reference.Id, method.Catalog);
            if (strategy.IsExplicit)
            {
                if (method.Rules.StructuredOutput is not { } choice || AttributeReader.HasErrors(choice))
                {
                    continue;
                }

                if (Cannot(model, strategy.Strategy) && AttributeArguments.Named(choice, "Strategy", cancellationToken)?.GetLocation() is { } location)
                {
                    ReportStrategy(sink, location, strategy.Strategy, reference.Id, method);
                }

                // The chosen strategy is used with every fallback model too: each is judged at its own id.
                foreach (ModelReference fallback in ModelReference.EffectiveFallbacks(method, cancellationToken))
                {
                    if (fallback.Lookup is { Kind: ModelLookupKind.Known, Model: { } fallbackModel } && Cannot(fallbackModel, strategy.Strategy))
                    {
                        ReportStrategy(sink, fallback.Location, strategy.Strategy, fallback.Id, method);
                    }
                }

                continue;
            }

            // Only a confirmed lack of tool use is worth a word: an unconfirmed capability may well be there. A result
            // type without a JSON shape is PG0300's: how its schema would be sent is beside the point.
            if (strategy.Strategy == ResultStrategySelector.PromptOnly && ConfirmedWithout(model, ModelCapabilities.ToolUse)
                && ResultShapeReader.ReadAll(TypedResultReturn.ResultTypeOf(method.Symbol.ReturnType, knownTypes)!, cancellationToken).Model is not null
                && TypedResultReturn.ReturnTypeLocation(method.Symbol, cancellationToken) is { } returnType)
            {
                sink.Report(DiagnosticDescriptors.SchemaSentInPrompt, returnType, method.Symbol.Name, reference.Id, ResultStrategySelector.PromptOnly);
            }
        }
    }

    private static bool Cannot(ModelInfo model, string strategy) => strategy switch
    {
        ResultStrategySelector.NativeSchema => ConfirmedWithout(model, ModelCapabilities.NativeStructuredOutput),
        ResultStrategySelector.ForcedTool => ConfirmedWithout(model, ModelCapabilities.ToolUse) || ConfirmedWithout(model, ModelCapabilities.ForcedToolChoice),
        _ => false,
    };

    private static void ReportStrategy(DiagnosticSink sink, Location location, string strategy, string modelId, PromptMethod method) =>
        sink.Report(DiagnosticDescriptors.StructuredOutputStrategyNotSupported, location, strategy, modelId, method.Symbol.Name, WhatWorks(modelId));

    /// <summary>The strategy the catalog would choose for the model: the advice when the chosen one cannot work.</summary>
    private static string WhatWorks(string modelId) => ResultStrategySelector.Choose(modelId, structuredOutput: null).Strategy;

    private static bool ConfirmedWithout(ModelInfo model, ModelCapabilities capability) =>
        model.IsConfirmed(capability) && !model.Supports(capability);
}
