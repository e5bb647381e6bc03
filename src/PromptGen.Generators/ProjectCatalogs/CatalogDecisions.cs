using System.Linq;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Models;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.ProjectCatalogs;

/// <summary>
/// Takes the generator's catalog decisions again with the project's merged catalog. The parser runs on symbols and
/// cannot see additional files, so it decides with the built-in catalog; this step, combined with the project's
/// catalog files, redoes what depends on the catalog: the result strategy of the method's model and of each fallback
/// (unless <c>[StructuredOutput(Strategy = …)]</c> chose it). A model added or changed by a catalog file thus gets the
/// strategy its capabilities say, as the analyzers judge it (<see cref="Parsing.PromptMethodRules.StrategyFor"/>).
/// </summary>
internal static class CatalogDecisions
{
    /// <summary><paramref name="model"/> as the project's catalog decides it; the same instance when nothing changes.</summary>
    public static PromptClientModel Apply(PromptClientModel model, ProjectCatalogModel catalog)
    {
        if (catalog.IsBuiltIn)
        {
            return model;
        }

        ModelTable table = catalog.Table;
        bool changed = false;
        PromptMethodModel[] methods = model.Methods.Select(method =>
        {
            PromptMethodModel decided = Apply(method, table);
            changed |= !ReferenceEquals(decided, method);
            return decided;
        }).ToArray();
        return changed ? model with { Methods = methods.ToEquatableArray() } : model;
    }

    private static PromptMethodModel Apply(PromptMethodModel method, ModelTable table)
    {
        PromptMethodModel decided = method;
        if (method.Plan is { Result: { StrategyIsExplicit: false } result } plan)
        {
            ResultPlan redecided = Redecide(result, plan.ModelId, table);
            EquatableArray<FallbackModel> fallbacks = plan.FallbackModels
                .Select(fallback => fallback.Strategy is null ? fallback : Redecide(fallback, table))
                .ToEquatableArray();
            if (!redecided.Equals(result) || !fallbacks.Equals(plan.FallbackModels))
            {
                decided = decided with { Plan = plan with { Result = redecided, FallbackModels = fallbacks } };
            }
        }

        // The streamed result is the plan's result read as it arrives; without a plan (a method that cannot be
        // generated) it only names the partial type, and no model is called.
        if (method.StreamedResult is { StrategyIsExplicit: false } streamed && method.Plan is { } streamedPlan)
        {
            ResultPlan redecided = Redecide(streamed, streamedPlan.ModelId, table);
            if (!redecided.Equals(streamed))
            {
                decided = decided with { StreamedResult = redecided };
            }
        }

        return decided;
    }

    private static ResultPlan Redecide(ResultPlan result, string modelId, ModelTable table)
    {
        (string strategy, string reason) = ResultStrategySelector.FromCatalog(modelId, table);
        return strategy == result.Strategy && reason == result.StrategyReason ? result : result with { Strategy = strategy, StrategyReason = reason };
    }

    private static FallbackModel Redecide(FallbackModel fallback, ModelTable table)
    {
        (string strategy, string reason) = ResultStrategySelector.FromCatalog(fallback.ModelId, table);
        return strategy == fallback.Strategy && reason == fallback.StrategyReason ? fallback : fallback with { Strategy = strategy, StrategyReason = reason };
    }
}
