using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Reads <c>[FallbackModels]</c>: the method's own, else the interface's (an empty one on the method turns the
/// interface's off). For a typed result each fallback model gets the strategy the catalog picks for it, since it may
/// not support the primary model's. Ids are judged by the analyzers (catalog, duplicates), not here.
/// </summary>
internal static class FallbackModelsReader
{
    public static AttributeData? Effective(IMethodSymbol method, AttributeData? interfaceFallbacks, KnownTypeSymbols knownTypes) =>
        AttributeReader.Find(method, knownTypes.FallbackModelsAttribute) ?? interfaceFallbacks;

    /// <summary>The ids written, in order; blank ones skipped (the analyzer reports them).</summary>
    public static IReadOnlyList<string> Ids(AttributeData? attribute)
    {
        if (attribute is null || AttributeReader.HasErrors(attribute) || attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Array, IsNull: false } ids)
        {
            return System.Array.Empty<string>();
        }

        return ids.Values.Select(id => id.Value as string).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).ToArray();
    }

    public static EquatableArray<FallbackModel> Read(AttributeData? attribute, ResultModel? result, AttributeData? structuredOutput) =>
        Ids(attribute)
            .Select(id =>
            {
                if (result is null)
                {
                    return new FallbackModel(id, null, null);
                }

                ResultPlan plan = ResultStrategySelector.Plan(result, id, structuredOutput);
                return new FallbackModel(id, plan.Strategy, plan.StrategyReason);
            })
            .ToEquatableArray();
}
