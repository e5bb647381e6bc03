using System;
using System.Collections.Generic;
using System.Linq;
using PromptGen.Generators.Catalog.Models;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// The one place that knows Bedrock models: ids, limits, lifecycle, modality and Converse capabilities. Shared by the generator
/// (build-time diagnostics) and the emulator (per-model request rules), so both judge a model id the same way.
/// </summary>
internal static class ModelCatalog
{
    /// <summary>The day the lifecycle column was last brought up to date (yyyy-MM-dd).</summary>
    public const string AsOf = "2026-11-25";

    private static readonly IReadOnlyList<ModelInfo> Models = AnthropicModels.All
        .Concat(AmazonModels.All)
        .Concat(MetaModels.All)
        .Concat(MistralModels.All)
        .Concat(CohereModels.All)
        .Concat(Ai21Models.All)
        .Concat(OpenWeightModels.All)
        .Concat(ImageModels.All)
        .Concat(EmbeddingModels.All)
        .ToArray();

    private static readonly Dictionary<string, ModelInfo> ByBaseId = Models.ToDictionary(model => model.BaseId, StringComparer.Ordinal);

    public static IReadOnlyList<ModelInfo> All => Models;

    /// <summary>Understands any model id form; never throws.</summary>
    public static ModelLookup Find(string modelId)
    {
        if (!ModelIdSyntax.IsWellFormed(modelId))
        {
            return new ModelLookup(ModelLookupKind.Malformed, null, null, modelId ?? string.Empty);
        }

        if (ModelIdSyntax.Resolve(modelId) is not { } resolved)
        {
            return new ModelLookup(ModelLookupKind.Opaque, null, null, modelId);
        }

        return ByBaseId.TryGetValue(resolved.BaseId, out ModelInfo? model)
            ? new ModelLookup(ModelLookupKind.Known, model, resolved.ProfilePrefix, resolved.BaseId)
            : new ModelLookup(ModelLookupKind.Unknown, null, resolved.ProfilePrefix, resolved.BaseId);
    }

    /// <summary>
    /// The known ids closest to <paramref name="unknownId"/> (edit distance on the id without prefix), best first. A
    /// suggestion keeps the caller's profile prefix when the model has that profile, and names a profile when the model
    /// can only be called through one. Only models of <paramref name="modality"/> are suggested: a chat prompt's typo
    /// never turns into an embedding model.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string unknownId, int max = 3, ModelModality modality = ModelModality.Chat)
    {
        if (string.IsNullOrEmpty(unknownId) || max <= 0)
        {
            return Array.Empty<string>();
        }

        (string baseId, string? prefix) = ModelIdSyntax.IsWellFormed(unknownId) && ModelIdSyntax.Resolve(unknownId) is { } resolved
            ? resolved
            : ModelIdSyntax.SplitProfilePrefix(unknownId.Trim());

        return Models
            .Where(model => model.Modality == modality)
            .Select(model => (Model: model, Distance: EditDistance.Between(baseId, model.BaseId)))
            .Where(candidate => IsPlausible(baseId, candidate.Model.BaseId, candidate.Distance))
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Model.BaseId, StringComparer.Ordinal)
            .Take(max)
            .Select(candidate => Suggestion(candidate.Model, prefix))
            .ToArray();
    }

    /// <summary>
    /// The vendor part of <paramref name="baseId"/> (<c>acme</c> of <c>acme.model-v1:0</c>) when the catalog has no model
    /// of that vendor nor of one spelt close to it; null for a known vendor or a likely misspelling of one.
    /// </summary>
    public static string? UnknownVendor(string baseId)
    {
        int dot = baseId.IndexOf('.');
        string vendor = dot > 0 ? baseId.Substring(0, dot) : baseId;
        foreach (string known in Vendors)
        {
            if (string.Equals(known, vendor, StringComparison.OrdinalIgnoreCase) || EditDistance.Between(known, vendor.ToLowerInvariant()) <= Math.Max(1, known.Length / 4))
            {
                return null;
            }
        }

        return vendor;
    }

    private static readonly IReadOnlyList<string> Vendors = Models
        .Select(model => model.BaseId.IndexOf('.') is var dot && dot > 0 ? model.BaseId.Substring(0, dot) : model.BaseId)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    // Close spelling, or a fragment of the real id ("claude-sonnet-4-5"), is worth suggesting; anything else is noise.
    private static bool IsPlausible(string typed, string known, int distance) =>
        distance * 5 <= Math.Max(typed.Length, known.Length) * 2
        || (typed.Length >= 6 && known.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0);

    private static string Suggestion(ModelInfo model, string? typedPrefix)
    {
        bool typedPrefixFits = typedPrefix is not null
            && (model.ProfilePrefixes.Contains(typedPrefix) || (model.RequiresInferenceProfile && model.ProfilePrefixes.Count == 0));
        if (typedPrefixFits)
        {
            return typedPrefix + "." + model.BaseId;
        }

        return model.RequiresInferenceProfile && model.ProfilePrefixes.Count > 0
            ? model.ProfilePrefixes[0] + "." + model.BaseId
            : model.BaseId;
    }
}
