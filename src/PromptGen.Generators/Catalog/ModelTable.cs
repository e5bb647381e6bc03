using System;
using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// A set of model rows with the lookups the generator, analyzers and emulator need: the built-in catalog
/// (<see cref="ModelCatalog.BuiltIn"/>) or the built-in one with a project's overrides laid over it (<see cref="With"/>).
/// Immutable.
/// </summary>
internal sealed class ModelTable
{
    private readonly Dictionary<string, ModelInfo> _byBaseId;
    private readonly IReadOnlyList<string> _vendors;

    public ModelTable(string asOf, IReadOnlyList<ModelInfo> models)
    {
        AsOf = asOf;
        All = models;
        _byBaseId = new Dictionary<string, ModelInfo>(StringComparer.Ordinal);
        foreach (ModelInfo model in models)
        {
            _byBaseId[model.BaseId] = model;
        }

        _vendors = models
            .Select(model => model.BaseId.IndexOf('.') is var dot && dot > 0 ? model.BaseId.Substring(0, dot) : model.BaseId)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The day the lifecycle facts were last brought up to date (yyyy-MM-dd).</summary>
    public string AsOf { get; }

    public IReadOnlyList<ModelInfo> All { get; }

    /// <summary>The row for <paramref name="baseId"/> exactly, or null.</summary>
    public ModelInfo? Row(string baseId) => _byBaseId.TryGetValue(baseId, out ModelInfo? model) ? model : null;

    /// <summary>
    /// This table with <paramref name="overrides"/> laid over it: a row with a known id replaces that row in place, a new
    /// id is added at the end. The later date of the two is kept as <see cref="AsOf"/>.
    /// </summary>
    public ModelTable With(IReadOnlyList<ModelInfo> overrides, string? asOf = null)
    {
        if (overrides.Count == 0 && asOf is null)
        {
            return this;
        }

        var replaced = overrides.ToDictionary(model => model.BaseId, StringComparer.Ordinal);
        var rows = new List<ModelInfo>(All.Count + overrides.Count);
        foreach (ModelInfo model in All)
        {
            rows.Add(replaced.TryGetValue(model.BaseId, out ModelInfo? over) ? over : model);
        }

        rows.AddRange(overrides.Where(model => !_byBaseId.ContainsKey(model.BaseId)));
        string date = asOf is not null && string.CompareOrdinal(asOf, AsOf) > 0 ? asOf : AsOf;
        return new ModelTable(date, rows);
    }

    /// <summary>Understands any model id form; never throws.</summary>
    public ModelLookup Find(string modelId)
    {
        if (!ModelIdSyntax.IsWellFormed(modelId))
        {
            return new ModelLookup(ModelLookupKind.Malformed, null, null, modelId ?? string.Empty);
        }

        if (ModelIdSyntax.Resolve(modelId) is not { } resolved)
        {
            return new ModelLookup(ModelLookupKind.Opaque, null, null, modelId);
        }

        return _byBaseId.TryGetValue(resolved.BaseId, out ModelInfo? model)
            ? new ModelLookup(ModelLookupKind.Known, model, resolved.ProfilePrefix, resolved.BaseId)
            : new ModelLookup(ModelLookupKind.Unknown, null, resolved.ProfilePrefix, resolved.BaseId);
    }

    /// <inheritdoc cref="ModelCatalog.Suggest"/>
    public IReadOnlyList<string> Suggest(string unknownId, int max = 3, ModelModality modality = ModelModality.Chat)
    {
        if (string.IsNullOrEmpty(unknownId) || max <= 0)
        {
            return Array.Empty<string>();
        }

        (string baseId, string? prefix) = ModelIdSyntax.IsWellFormed(unknownId) && ModelIdSyntax.Resolve(unknownId) is { } resolved
            ? resolved
            : ModelIdSyntax.SplitProfilePrefix(unknownId.Trim());

        return All
            .Where(model => model.Modality == modality)
            .Select(model => (Model: model, Distance: EditDistance.Between(baseId, model.BaseId)))
            .Where(candidate => IsPlausible(baseId, candidate.Model.BaseId, candidate.Distance))
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Model.BaseId, StringComparer.Ordinal)
            .Take(max)
            .Select(candidate => Suggestion(candidate.Model, prefix))
            .ToArray();
    }

    /// <inheritdoc cref="ModelCatalog.UnknownVendor"/>
    public string? UnknownVendor(string baseId)
    {
        int dot = baseId.IndexOf('.');
        string vendor = dot > 0 ? baseId.Substring(0, dot) : baseId;
        foreach (string known in _vendors)
        {
            if (string.Equals(known, vendor, StringComparison.OrdinalIgnoreCase) || EditDistance.Between(known, vendor.ToLowerInvariant()) <= Math.Max(1, known.Length / 4))
            {
                return null;
            }
        }

        return vendor;
    }

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
