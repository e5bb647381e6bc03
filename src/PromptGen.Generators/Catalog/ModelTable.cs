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
    public IReadOnlyList<string> Suggest(string unknownId, int max = 3, ModelModality? modality = ModelModality.Chat)
    {
        if (string.IsNullOrWhiteSpace(unknownId) || max <= 0)
        {
            return Array.Empty<string>();
        }

        (string baseId, string? prefix) = ModelIdSyntax.IsWellFormed(unknownId) && ModelIdSyntax.Resolve(unknownId) is { } resolved
            ? resolved
            : ModelIdSyntax.SplitProfilePrefix(unknownId.Trim());
        ModelIdParts typed = ModelIdParts.Of(baseId);
        if (typed.Name.Length == 0)
        {
            return Array.Empty<string>();
        }

        return All
            .Where(model => modality is null || model.Modality == modality)
            .Select(model => (Model: model, Distance: Distance(typed, ModelIdParts.NameOf(baseId), model)))
            .Where(candidate => candidate.Distance is not null)
            .OrderBy(candidate => candidate.Distance!.Value)
            .ThenBy(candidate => EditDistance.Between(baseId, candidate.Model.BaseId))
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

    // How far the typed id is from a model, part by part (ModelIdParts), or null when it is not worth suggesting: the
    // typed name must be a close spelling of the model's name or of its display name (at most 2 edits in 5), or whole
    // words of it ("claude-sonnet-4-5"). A vendor or version the user typed adds its own distance; one left out costs
    // nothing. A display name typed as it reads ("Claude Haiku 4.5", whose dot is no vendor's) is compared whole.
    private static int? Distance(ModelIdParts typed, string typedAsName, ModelInfo model)
    {
        ModelIdParts known = ModelIdParts.Of(model.BaseId);
        string displayName = ModelIdParts.NameOf(model.DisplayName);
        int asName = EditDistance.Between(typedAsName, displayName);
        if (asName * 5 <= Math.Max(typedAsName.Length, displayName.Length) * 2 && asName < EditDistance.Between(typed.Name, known.Name))
        {
            return asName;
        }

        int name = Math.Min(EditDistance.Between(typed.Name, known.Name), EditDistance.Between(typed.Name, displayName));
        bool close = name * 5 <= Math.Max(typed.Name.Length, Math.Min(known.Name.Length, displayName.Length)) * 2;
        bool words = typed.Name.Length >= 4 && (HasWords(known.Name, typed.Name) || HasWords(displayName, typed.Name));
        if (!close && !words)
        {
            return null;
        }

        int vendor = typed.Vendor is { } typedVendor && known.Vendor is { } knownVendor ? EditDistance.Between(typedVendor, knownVendor) : 0;
        int version = typed.Version is { } typedVersion && known.Version is { } knownVersion ? EditDistance.Between(typedVersion, knownVersion) : 0;
        int fragment = close ? 0 : known.Name.Length - typed.Name.Length; // a fragment ranks after every close spelling of its length
        return (close ? name : fragment) + vendor + version;
    }

    // "claude-sonnet-4-5" is whole words of "claude-sonnet-4-5-20250929"; "laude" is not.
    private static bool HasWords(string name, string words)
    {
        for (int at = name.IndexOf(words, StringComparison.Ordinal); at >= 0; at = name.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            int end = at + words.Length;
            if ((at == 0 || name[at - 1] == '-') && (end == name.Length || name[end] == '-'))
            {
                return true;
            }
        }

        return false;
    }

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
