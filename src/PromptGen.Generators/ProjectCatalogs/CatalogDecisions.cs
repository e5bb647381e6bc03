using System.Collections.Generic;
using System.Linq;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.ProjectCatalogs;

/// <summary>
/// Takes the generator's catalog decisions again with the project's merged catalog. The parser runs on symbols and
/// cannot see additional files, so it decides with the built-in catalog; this step, combined with the project's
/// catalog files, redoes what depends on the catalog: the result strategy of the method's model and of each fallback
/// (unless <c>[StructuredOutput(Strategy = …)]</c> chose it). A model added or changed by a catalog file thus gets the
/// strategy its capabilities say, as the analyzers judge it (<see cref="Parsing.PromptMethodRules.StrategyFor"/>).
/// Before that, with the built-in catalog too, the methods' <see cref="CatalogChecks"/> are decided
/// (<see cref="CatalogCheckDecisions"/>): the body family of an image or embedding model, PG0223 for a chat method whose
/// model makes no text, and the tool-name checks that hang on a forced tool.
/// </summary>
internal static class CatalogDecisions
{
    /// <summary><paramref name="model"/> as the project's catalog decides it; the same instance when nothing changes.</summary>
    public static PromptClientModel Apply(PromptClientModel model, ProjectCatalogModel catalog)
    {
        ModelTable table = catalog.Table;
        bool changed = false;
        var unused = new List<DiagnosticInfo>();
        PromptMethodModel[] methods = model.Methods.Select(method =>
        {
            PromptMethodModel decided = CatalogCheckDecisions.Decide(method, table, unused);
            if (!catalog.IsBuiltIn)
            {
                decided = Apply(decided, table);
            }

            changed |= !ReferenceEquals(decided, method);
            return decided;
        }).ToArray();
        return changed ? model with { Methods = methods.ToEquatableArray() } : model;
    }

    /// <summary>
    /// The parser's findings and those of the methods' catalog checks, as <paramref name="catalog"/> decides them
    /// (the same decisions <see cref="Apply(PromptClientModel, ProjectCatalogModel)"/> takes for the generated code).
    /// </summary>
    public static EquatableArray<DiagnosticInfo> Diagnostics(ParseResult result, ProjectCatalogModel catalog)
    {
        if (result.Model is null || !result.Model.Methods.Any(method => method.CatalogChecks is not null))
        {
            return result.Diagnostics;
        }

        var findings = new List<DiagnosticInfo>(result.Diagnostics);
        foreach (PromptMethodModel method in result.Model.Methods)
        {
            CatalogCheckDecisions.Decide(method, catalog.Table, findings);
        }

        return DiagnosticInfo.Distinct(findings).ToEquatableArray();
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
