using Microsoft.CodeAnalysis;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Schema;

/// <summary>
/// Chooses, at compile time, how a typed result is asked of the model: the user's [StructuredOutput] choice if any,
/// else the strongest strategy the model catalog says the model supports.
/// </summary>
internal static class ResultStrategySelector
{
    public const string PromptOnly = "PromptOnly";
    public const string ForcedTool = "ForcedTool";
    public const string NativeSchema = "NativeSchema";

    private static readonly string[] StrategyNames = { PromptOnly, ForcedTool, NativeSchema };

    /// <summary>
    /// The strategy for <paramref name="modelId"/>: the one <paramref name="structuredOutput"/> names, else the one
    /// <paramref name="catalog"/> (the project's merged catalog; the built-in one when null) supports.
    /// </summary>
    public static StrategyChoice Choose(string modelId, AttributeData? structuredOutput, ModelTable? catalog = null)
    {
        if (NamedInt(structuredOutput, "Strategy") is int chosen && chosen >= 0 && chosen < StrategyNames.Length)
        {
            return new StrategyChoice(StrategyNames[chosen], "chosen with [StructuredOutput]", IsExplicit: true);
        }

        (string strategy, string reason) = FromCatalog(modelId, catalog ?? ModelCatalog.BuiltIn);
        return new StrategyChoice(strategy, reason, IsExplicit: false);
    }

    /// <summary>How many times an invalid answer is sent back for repair: <c>[StructuredOutput(MaxRepairAttempts = …)]</c>, else 1.</summary>
    public static int MaxRepairAttempts(AttributeData? structuredOutput) =>
        NamedInt(structuredOutput, "MaxRepairAttempts") is int attempts && attempts >= 0 ? attempts : 1;

    public static ResultPlan Plan(ResultModel result, StrategyChoice strategy, int maxRepairAttempts) =>
        new(result, strategy.Strategy, strategy.Reason, maxRepairAttempts) { StrategyIsExplicit = strategy.IsExplicit };

    /// <summary>The strongest strategy <paramref name="catalog"/> says <paramref name="modelId"/> supports, with why.</summary>
    public static (string Strategy, string Reason) FromCatalog(string modelId, ModelTable catalog)
    {
        ModelLookup lookup = catalog.Find(modelId);
        if (lookup.Kind != ModelLookupKind.Known || lookup.Model is not { } model)
        {
            return (PromptOnly, $"'{modelId}' is not in the model catalog, so the schema is sent in the prompt, which every model accepts");
        }

        // Only confirmed capabilities choose a strategy: an unconfirmed one would fail at run time with a 400.
        if (model.Supports(ModelCapabilities.NativeStructuredOutput) && model.IsConfirmed(ModelCapabilities.NativeStructuredOutput))
        {
            return (NativeSchema, $"{model.DisplayName} supports native structured output (outputConfig.textFormat)");
        }

        if (model.Supports(ModelCapabilities.ToolUse | ModelCapabilities.ForcedToolChoice)
            && model.IsConfirmed(ModelCapabilities.ToolUse | ModelCapabilities.ForcedToolChoice))
        {
            return (ForcedTool, $"{model.DisplayName} supports forcing a tool, whose input schema is the result's");
        }

        return (PromptOnly, $"{model.DisplayName} has neither native structured output nor forced tool choice, so the schema is sent in the prompt");
    }

    private static int? NamedInt(AttributeData? attribute, string name)
    {
        if (attribute is null)
        {
            return null;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>A result strategy and why it applies; explicit when <c>[StructuredOutput(Strategy = …)]</c> names it.</summary>
internal sealed record StrategyChoice(string Strategy, string Reason, bool IsExplicit);
