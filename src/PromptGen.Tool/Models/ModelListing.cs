using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Catalog.Data;

namespace PromptGen.Tool.Models;

/// <summary>How <c>promptgen models list</c> and <c>show</c> print catalog rows: one line a model, or every fact of one.</summary>
internal static class ModelListing
{
    public static IEnumerable<ModelInfo> Filter(ModelTable catalog, string? provider, string? modality, string? lifecycle) =>
        catalog.All
            .Where(model => provider is null || string.Equals(model.Provider, provider, StringComparison.OrdinalIgnoreCase))
            .Where(model => modality is null || string.Equals(Modality(model), modality, StringComparison.OrdinalIgnoreCase))
            .Where(model => lifecycle is null || string.Equals(Lifecycle(model), lifecycle, StringComparison.OrdinalIgnoreCase))
            .OrderBy(model => model.BaseId, StringComparer.Ordinal);

    public static string Line(ModelInfo model) =>
        $"{model.BaseId}\t{model.Provider}\t{Modality(model)}\t{Lifecycle(model)}\t{model.DisplayName}";

    public static string Details(ModelInfo model)
    {
        var text = new StringBuilder();
        text.AppendLine($"{model.BaseId}: {model.DisplayName} ({model.Provider}, {model.Family})");
        text.AppendLine($"  modality:      {Modality(model)}");
        if (model.Modality != ModelModality.Chat)
        {
            // The InvokeModel body PromptGen writes for its methods; none means they are PG0223 until a catalog file states it.
            text.AppendLine($"  body:          {(model.Body is { } body ? body.WireName() : "none PromptGen can tell from the id (state it as invokeBody)")}");
        }

        text.Append($"  lifecycle:     {Lifecycle(model)}");
        if (model.LegacySince is { } legacy)
        {
            text.Append($", legacy since {legacy}");
        }

        if (model.EndOfLife is { } endOfLife)
        {
            text.Append($", end of life {endOfLife}");
        }

        if (model.Successor is { } successor)
        {
            text.Append($", successor {successor}");
        }

        text.AppendLine();
        string prefixes = model.ProfilePrefixes.Count == 0 ? "none" : string.Join(", ", model.ProfilePrefixes.Select(prefix => prefix + "."));
        text.AppendLine($"  invocation:    {(model.RequiresInferenceProfile ? "inference profile only" : "base id")}; profiles: {prefixes}");
        text.AppendLine($"  limits:        context {Tokens(model.ContextTokens)}, output {Tokens(model.MaxOutputTokens)}, temperature up to {model.TemperatureMax.ToString(CultureInfo.InvariantCulture)}, "
            + $"{model.MaxStopSequences.ToString(CultureInfo.InvariantCulture)} stop sequences{(model.StopSequenceLimitConfirmed ? string.Empty : " (unconfirmed)")}");
        text.AppendLine($"  capabilities:  {Names(CapabilityNames.Of(model.Capabilities))}");
        text.AppendLine($"  unconfirmed:   {Names(CapabilityNames.Of(model.Unconfirmed))}");
        foreach (ModelPrice price in model.Prices)
        {
            text.AppendLine($"  price:         {price.Region} ({string.Join(", ", price.Endpoints)}): input {Usd(price.InputPerMillion)}, output {Usd(price.OutputPerMillion)}, "
                + $"cache read {Usd(price.CacheReadPerMillion)}, cache write {Usd(price.CacheWritePerMillion)}, batch {Usd(price.BatchInputPerMillion)}/{Usd(price.BatchOutputPerMillion)} per 1M tokens, "
                + $"{Usd(price.PerImage)} per image; {price.AsOf}, {price.Source}");
        }

        if (model.Prices.Count == 0)
        {
            text.AppendLine("  price:         none in the catalog (docs/model-catalog.md, Prices)");
        }

        text.AppendLine($"  source:        {model.Source}");
        return text.ToString();
    }

    public static string Modality(ModelInfo model) => model.Modality switch
    {
        ModelModality.Image => "image",
        ModelModality.Embedding => "embedding",
        _ => "chat",
    };

    public static string Lifecycle(ModelInfo model) => model.Lifecycle switch
    {
        ModelLifecycle.Legacy => "legacy",
        ModelLifecycle.EndOfLife => "endOfLife",
        _ => "active",
    };

    private static string Names(IEnumerable<string> names) => string.Join(", ", names) is { Length: > 0 } joined ? joined : "none";

    private static string Tokens(int tokens) => tokens == 0 ? "unknown" : tokens.ToString("N0", CultureInfo.InvariantCulture);

    private static string Usd(decimal? amount) => amount is { } value ? "$" + value.ToString(CultureInfo.InvariantCulture) : "-";
}
