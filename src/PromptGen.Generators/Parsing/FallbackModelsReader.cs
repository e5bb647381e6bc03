using System.Linq;
using PromptGen.Generators.Models;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Turns the fallback models of <see cref="PromptMethodRules.FallbackModels"/> into the emitted model. For a typed
/// result each fallback gets the strategy chosen for it, since it may not support the primary model's. Ids are
/// judged by the analyzers (catalog, duplicates), not here.
/// </summary>
internal static class FallbackModelsReader
{
    public static EquatableArray<FallbackModel> Read(PromptMethodRules rules, ResultModel? result) =>
        rules.FallbackModels.Ids
            .Select(fallback =>
            {
                if (result is null)
                {
                    return new FallbackModel(fallback.Id, null, null);
                }

                StrategyChoice strategy = rules.StrategyFor(fallback.Id);
                return new FallbackModel(fallback.Id, strategy.Strategy, strategy.Reason);
            })
            .ToEquatableArray();
}
