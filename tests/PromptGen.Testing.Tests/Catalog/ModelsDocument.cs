using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PromptGen.Generators.Catalog;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>Renders docs/models.md from the catalog, so the page and the code cannot drift apart.</summary>
internal static class ModelsDocument
{
    public const string RelativePath = "docs/models.md";

    public const string UpdateVariable = "PROMPTGEN_UPDATE_DOCS";

    private static readonly (ModelCapabilities Flag, string Header)[] Columns =
    {
        (ModelCapabilities.Converse, "Conv"),
        (ModelCapabilities.ConverseStream, "Stream"),
        (ModelCapabilities.SystemPrompt, "System"),
        (ModelCapabilities.ToolUse, "Tools"),
        (ModelCapabilities.ForcedToolChoice, "Forced tool"),
        (ModelCapabilities.StreamingToolUse, "Stream tools"),
        (ModelCapabilities.NativeStructuredOutput, "JSON schema"),
        (ModelCapabilities.Images, "Images"),
        (ModelCapabilities.Documents, "Docs"),
        (ModelCapabilities.Video, "Video"),
        (ModelCapabilities.Reasoning, "Reasoning"),
    };

    public static string Render()
    {
        var text = new StringBuilder();
        text.Append($$"""
            # Bedrock models known to PromptGen

            Generated from the model catalog (`src/PromptGen.Generators/Catalog/models.json`) by `ModelsDocumentTests`; do not edit by
            hand. After changing the catalog, run `{{UpdateVariable}}=1 dotnet test --project tests/PromptGen.Testing.Tests --filter-class "*.ModelsDocumentTests"`.

            The catalog is shared by the generator (build-time checks) and the emulator (per-model request rules). Lifecycle is as
            of {{ModelCatalog.AsOf}}. Ids the catalog does not know are not errors: AWS adds models all the time. A project adds or
            corrects models with its own `promptgen.models.json` ([model-catalog.md](model-catalog.md)).

            Cells: **Y** / **N** as the catalog records it; a **?** after it means no source confirms that value (see the
            sources below). Limits: context window / largest `maxTokens`; **?** = unknown. Converse caps `temperature` at 1 for
            every model.

            | Model id | Name | Lifecycle | Context / output | Invocation |{{string.Concat(Columns.Select(column => $" {column.Header} |"))}}
            |---|---|---|---|---|{{string.Concat(Columns.Select(_ => "---|"))}}

            """);

        foreach (ModelInfo model in ModelCatalog.All.Where(model => model.Modality == ModelModality.Chat))
        {
            text.Append($"| `{model.BaseId}` | {model.DisplayName} | {Lifecycle(model)} | {Limit(model.ContextTokens)} / {Limit(model.MaxOutputTokens)} | {Invocation(model)} |");
            foreach ((ModelCapabilities flag, _) in Columns)
            {
                text.Append(' ').Append(model.Supports(flag) ? "Y" : "N").Append(model.IsConfirmed(flag) ? string.Empty : "?").Append(" |");
            }

            text.Append('\n');
        }

        text.Append("""

            ## Image and embedding models

            Called with InvokeModel only (`IBedrockRuntime.InvokeModelAsync`, model-native bodies; the typed bodies are in
            `PromptGen.Bedrock`); Converse refuses them. Input tokens: the most a text may hold; **?** = unknown. The emulator
            serves every model here, but refuses the ones past their end of life unless `EnforceModelCapabilities` is off.
            Body: the InvokeModel body PromptGen writes for the model's methods, by its id's prefix (a project's
            `promptgen.models.json` may state it as `invokeBody` for a model no prefix names; docs/model-catalog.md).

            | Model id | Name | Makes | Body | Lifecycle | Input tokens | Invocation |
            |---|---|---|---|---|---|---|

            """);
        foreach (ModelInfo model in ModelCatalog.All.Where(model => model.Modality != ModelModality.Chat))
        {
            text.Append($"| `{model.BaseId}` | {model.DisplayName} | {(model.Modality == ModelModality.Image ? "images" : "embeddings")} | {(model.Body is { } body ? "`" + body.WireName() + "`" : "**?**")} | {Lifecycle(model)} | {Limit(model.ContextTokens)} | {Invocation(model)} |\n");
        }

        text.Append("""

            ## Prices

            On-demand list prices in USD per 1M tokens (per image for image models), for calls made from the region shown
            through the endpoints shown (`inRegion`: the base id; `geo`: a geographic profile such as `us.`; `global`: the
            `global.` profile). Each price is read from its source on its day; a rate no source gives is left out, never
            guessed, and a result that would need it has no `EstimatedCostUsd`. The built-in catalog holds only prices read
            from AWS's own pages; a project adds its own in `promptgen.models.json` (`prices`, see
            [model-catalog.md](model-catalog.md#prices)).

            """);
        text.Append(PriceTable(ModelCatalog.All));
        text.Append("""

            ## Sources

            | Model id | Where the facts come from |
            |---|---|

            """);
        foreach (ModelInfo model in ModelCatalog.All)
        {
            text.Append($"| `{model.BaseId}` | {model.Source.Replace("|", "\\|", System.StringComparison.Ordinal)} |\n");
        }

        return text.ToString();
    }

    /// <summary>The price columns: one row per price of each model; a sentence when no model has one.</summary>
    public static string PriceTable(IEnumerable<ModelInfo> models)
    {
        var rows = new StringBuilder();
        foreach (ModelInfo model in models)
        {
            foreach (ModelPrice price in model.Prices)
            {
                rows.Append($"| `{model.BaseId}` | {price.Region} | {string.Join(", ", price.Endpoints)} | {Usd(price.InputPerMillion)} | {Usd(price.OutputPerMillion)} | ")
                    .Append($"{Usd(price.CacheReadPerMillion)} | {Usd(price.CacheWritePerMillion)} | {Usd(price.BatchInputPerMillion)} | {Usd(price.BatchOutputPerMillion)} | ")
                    .Append($"{Usd(price.PerImage)} | {price.AsOf} | {price.Source.Replace("|", "\\|", System.StringComparison.Ordinal)} |\n");
            }
        }

        if (rows.Length == 0)
        {
            return "No model of the built-in catalog has a price yet: AWS's pricing page renders its figures in the browser, and no stored copy of it\n"
                + "that the catalog's sources reach gives them, so none is recorded (docs/model-catalog.md, \"Prices\").\n";
        }

        return "| Model id | Region | Endpoints | Input | Output | Cache read | Cache write | Batch input | Batch output | Per image | As of | Source |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
            + rows;
    }

    private static string Usd(decimal? amount) => amount is { } value ? "$" + value.ToString(CultureInfo.InvariantCulture) : "—";

    private static string Lifecycle(ModelInfo model)
    {
        var parts = new List<string> { model.Lifecycle == ModelLifecycle.EndOfLife ? "End of life" : model.Lifecycle.ToString() };
        if (model.EndOfLife is { } date)
        {
            parts.Add($"EOL {date}");
        }

        if (model.Successor is { } successor)
        {
            parts.Add($"→ `{successor}`");
        }

        return string.Join(", ", parts);
    }

    private static string Limit(int tokens) => tokens == 0 ? "?" : tokens.ToString("N0", CultureInfo.InvariantCulture);

    private static string Invocation(ModelInfo model)
    {
        string profiles = model.ProfilePrefixes.Count == 0 ? string.Empty : string.Join(", ", model.ProfilePrefixes.Select(prefix => $"`{prefix}.`"));
        return model.RequiresInferenceProfile
            ? $"profile only: {profiles}"
            : profiles.Length == 0 ? "base id" : $"base id; profiles {profiles}";
    }
}
