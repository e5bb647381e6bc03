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
    private const ModelCapabilities Tool = ModelCapabilities.ToolUse | ModelCapabilities.ForcedToolChoice;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SchemaSentInPrompt,
        DiagnosticDescriptors.StructuredOutputStrategyNotSupported);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        AttributeData? interfaceChoice = AttributeReader.Find(declaration.Symbol, knownTypes.StructuredOutputAttribute);
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TypedResultReturn.ResultTypeOf(method.Symbol.ReturnType, knownTypes) is null
                || ModelReference.Effective(declaration, method, cancellationToken) is not { Lookup: { Kind: ModelLookupKind.Known, Model: { } model } } reference)
            {
                continue;
            }

            AttributeData? choice = AttributeReader.Find(method.Symbol, knownTypes.StructuredOutputAttribute) ?? interfaceChoice;
            if (choice is not null && !AttributeReader.HasErrors(choice) && StrategyOf(choice) is { } strategy)
            {
                if (Cannot(model, strategy)
                    && AttributeArguments.Named(choice, "Strategy", cancellationToken)?.GetLocation() is { } location)
                {
                    ReportStrategy(sink, location, strategy, reference.Id, method, model);
                }

                // The chosen strategy is used with every fallback model too: each is judged at its own id.
                foreach (ModelReference fallback in ModelReference.EffectiveFallbacks(declaration, method, cancellationToken))
                {
                    if (fallback.Lookup is { Kind: ModelLookupKind.Known, Model: { } fallbackModel } && Cannot(fallbackModel, strategy))
                    {
                        ReportStrategy(sink, fallback.Location, strategy, fallback.Id, method, fallbackModel);
                    }
                }

                continue;
            }

            // What ResultStrategySelector does: only a confirmed capability chooses a stronger strategy.
            bool native = model.Supports(ModelCapabilities.NativeStructuredOutput) && model.IsConfirmed(ModelCapabilities.NativeStructuredOutput);
            if (!native && ConfirmedWithout(model, ModelCapabilities.ToolUse) && TypedResultReturn.ReturnTypeLocation(method.Symbol, cancellationToken) is { } returnType)
            {
                sink.Report(DiagnosticDescriptors.SchemaSentInPrompt, returnType, method.Symbol.Name, reference.Id, ResultStrategySelector.PromptOnly);
            }
        }
    }

    private static bool Cannot(ModelInfo model, int strategy) =>
        strategy == 2 ? ConfirmedWithout(model, ModelCapabilities.NativeStructuredOutput)
            : strategy == 1 && (ConfirmedWithout(model, ModelCapabilities.ToolUse) || ConfirmedWithout(model, ModelCapabilities.ForcedToolChoice));

    private static void ReportStrategy(DiagnosticSink sink, Location location, int strategy, string modelId, PromptMethod method, ModelInfo model) =>
        sink.Report(
            DiagnosticDescriptors.StructuredOutputStrategyNotSupported,
            location,
            strategy == 2 ? ResultStrategySelector.NativeSchema : ResultStrategySelector.ForcedTool,
            modelId,
            method.Symbol.Name,
            Working(model));

    private static bool ConfirmedWithout(ModelInfo model, ModelCapabilities capability) =>
        model.IsConfirmed(capability) && !model.Supports(capability);

    private static string Working(ModelInfo model)
    {
        if (model.Supports(ModelCapabilities.NativeStructuredOutput) && model.IsConfirmed(ModelCapabilities.NativeStructuredOutput))
        {
            return ResultStrategySelector.NativeSchema;
        }

        return model.Supports(Tool) && model.IsConfirmed(Tool) ? ResultStrategySelector.ForcedTool : ResultStrategySelector.PromptOnly;
    }

    private static int? StrategyOf(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Strategy" && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return null;
    }
}
