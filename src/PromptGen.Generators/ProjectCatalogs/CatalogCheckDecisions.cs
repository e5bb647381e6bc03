using System.Collections.Generic;
using System.Linq;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.ProjectCatalogs;

/// <summary>
/// Takes a method's <see cref="CatalogChecks"/> with a catalog table — the project's merged one, or the built-in one
/// when it has no file: the body family of an image or embedding model, whether a chat method's model makes text
/// (PG0223), and the tool-name checks that hang on a forced tool (PG0405, PG0406). The one place these are decided,
/// for the generated code (<see cref="CatalogDecisions.Apply(PromptClientModel, ProjectCatalogModel)"/>) and the findings (<see cref="CatalogDecisions.Diagnostics"/>)
/// alike, so a method is generated exactly when nothing is reported against it.
/// </summary>
internal static class CatalogCheckDecisions
{
    /// <summary>
    /// The method as <paramref name="table"/> decides it (the same instance when its checks find nothing), with the
    /// findings added to <paramref name="findings"/>. A finding makes the method one that cannot be generated.
    /// </summary>
    public static PromptMethodModel Decide(PromptMethodModel method, ModelTable table, List<DiagnosticInfo> findings)
    {
        if (method.CatalogChecks is not { } checks)
        {
            return method;
        }

        if (checks.InvokeFamily is { } invoke)
        {
            InvokeModelFamily? family = InvokeModelFamilies.For(invoke.ModelId, table);
            if (invoke.Outcomes.FirstOrDefault(outcome => outcome.Family == family) is { } chosen)
            {
                // The descriptor's arguments are read from the parameters, whatever the family (PromptClientParser).
                findings.AddRange(chosen.Diagnostics);
                return chosen.Method with { DescriptorArguments = method.DescriptorArguments };
            }

            findings.Add(invoke.Unmatched with { MessageArguments = WithKind(invoke.Unmatched.MessageArguments, KindOf(invoke.ModelId, invoke.Embedding, table)) });
            return method;
        }

        int before = findings.Count;
        if (checks.ChatModel is { } chat && table.Find(chat.ModelId).Model is { Modality: not ModelModality.Chat } row)
        {
            findings.Add(row.Modality == ModelModality.Image ? chat.IfImage : chat.IfEmbedding);
        }

        if (checks.ForcedTool is { } tool)
        {
            bool forced = ResultStrategySelector.FromCatalog(tool.ModelId, table).Strategy == ResultStrategySelector.ForcedTool;
            findings.AddRange(forced ? tool.IfForcedTool : tool.Otherwise);
        }

        return findings.Count == before
            ? method
            : method with { ReturnKind = ReturnKind.Unsupported, Plan = null, Embedding = null, Tools = null };
    }

    /// <summary>What PG0223 says the model of an image or embedding method is, as <paramref name="table"/> knows it.</summary>
    private static string KindOf(string modelId, bool embedding, ModelTable table)
    {
        string wanted = embedding ? "an embedding" : "an image";
        return table.Find(modelId).Model?.Modality switch
        {
            ModelModality.Chat => "is a chat model",
            ModelModality.Embedding when embedding => $"is {wanted} model whose request body PromptGen cannot tell from its id; state it as \"invokeBody\" in the model's row of promptgen.models.json",
            ModelModality.Image when !embedding => $"is {wanted} model whose request body PromptGen cannot tell from its id; state it as \"invokeBody\" in the model's row of promptgen.models.json",
            ModelModality.Image => "is an image model",
            ModelModality.Embedding => "is an embedding model",
            _ => $"is not {wanted} model whose body PromptGen writes",
        };
    }

    // PG0223's arguments: method, what it returns, model, what the model is, advice.
    private static EquatableArray<string> WithKind(EquatableArray<string> arguments, string kind) =>
        arguments.Select((argument, index) => index == 3 ? kind : argument).ToEquatableArray();
}
