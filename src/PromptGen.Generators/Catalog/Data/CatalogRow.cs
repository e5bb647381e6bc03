using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PromptGen.Generators.Catalog.Data;

/// <summary>Reads one entry of a catalog file's <c>models</c> array (see models.schema.json for the shape).</summary>
internal static class CatalogRow
{
    /// <summary>The Converse wire limit on <c>stopSequences</c> (wire spec §3), the default when a row gives none.</summary>
    public const int WireMaxStopSequences = 2500;

    /// <summary>Converse caps <c>temperature</c> at 1 for every model (wire spec §3).</summary>
    public const double ConverseTemperatureMax = 1.0;

    private static readonly string[] Known = { "id", "provider", "family", "name", "modality", "limits", "lifecycle", "inferenceProfile", "capabilities", "unconfirmed", "source", "prices", "invokeBody" };

    public static ModelInfo? Read(CatalogJsonNode row, Func<string, ModelInfo?>? existing, List<CatalogFileError> errors)
    {
        if (row.Kind != JsonKind.Object)
        {
            errors.Add(CatalogFile.At(row, $"each model must be a JSON object, not {row.Describe()}"));
            return null;
        }

        var reader = new Fields(row, errors);
        reader.OnlyKnown(Known, "model");
        string? id = reader.String("id", required: true);
        if (id is null)
        {
            return null;
        }

        if (!ModelIdSyntax.IsWellFormed(id) || ModelIdSyntax.SplitProfilePrefix(id).ProfilePrefix is not null || ModelIdSyntax.Resolve(id)?.BaseId != id)
        {
            errors.Add(CatalogFile.At(row.Member("id")!, $"'{id}' is not a base model id (write it without a profile prefix or ARN, e.g. 'anthropic.claude-haiku-4-5-20251001-v1:0')"));
            return null;
        }

        ModelInfo? over = existing?.Invoke(id);
        bool adding = over is null;
        string? provider = reader.String("provider", adding) ?? over?.Provider;
        string? family = reader.String("family", adding) ?? over?.Family;
        string? name = reader.String("name", adding) ?? over?.DisplayName;
        ModelModality modality = reader.Modality("modality") ?? over?.Modality ?? ModelModality.Chat;
        InvokeModelFamily? body = Body(row, id, modality, over, reader, errors);

        Fields limits = reader.Object("limits", adding);
        limits.OnlyKnown(new[] { "contextTokens", "maxOutputTokens", "temperatureMax", "maxStopSequences", "stopSequenceLimitConfirmed" }, "limits");
        int context = limits.Int("contextTokens", adding) ?? over?.ContextTokens ?? 0;
        int maxOutput = limits.Int("maxOutputTokens", adding) ?? over?.MaxOutputTokens ?? 0;
        double temperatureMax = limits.Double("temperatureMax") ?? over?.TemperatureMax ?? ConverseTemperatureMax;
        int? stopGiven = limits.Int("maxStopSequences", required: false);
        int maxStop = stopGiven ?? over?.MaxStopSequences ?? WireMaxStopSequences;
        bool stopConfirmed = limits.Bool("stopSequenceLimitConfirmed")
            ?? (stopGiven is null ? over?.StopSequenceLimitConfirmed : null)
            ?? maxStop == WireMaxStopSequences;

        Fields lifecycle = reader.Object("lifecycle", adding);
        lifecycle.OnlyKnown(new[] { "status", "legacySince", "endOfLife", "successor" }, "lifecycle");
        ModelLifecycle status = lifecycle.Lifecycle("status") ?? over?.Lifecycle ?? ModelLifecycle.Active;
        bool statusGiven = lifecycle.Has("status");
        string? legacySince = lifecycle.Date("legacySince") ?? (statusGiven ? null : over?.LegacySince);
        string? endOfLife = lifecycle.Date("endOfLife") ?? (statusGiven && status == ModelLifecycle.Active ? null : over?.EndOfLife);
        string? successor = lifecycle.String("successor", required: false) ?? (statusGiven && status == ModelLifecycle.Active ? null : over?.Successor);

        Fields profile = reader.Object("inferenceProfile", required: false);
        profile.OnlyKnown(new[] { "required", "prefixes" }, "inferenceProfile");
        bool requiresProfile = profile.Bool("required") ?? over?.RequiresInferenceProfile ?? false;
        IReadOnlyList<string> prefixes = profile.Prefixes("prefixes") ?? over?.ProfilePrefixes ?? Array.Empty<string>();

        ModelCapabilities capabilities = reader.Capabilities("capabilities", adding) ?? over?.Capabilities ?? ModelCapabilities.None;
        ModelCapabilities unconfirmed = reader.Capabilities("unconfirmed", required: false) ?? over?.Unconfirmed ?? ModelCapabilities.None;
        string? source = reader.String("source", adding) ?? over?.Source;

        // An override's prices replace the row's prices as a whole: a price list is read as one, on one day.
        IReadOnlyList<ModelPrice> prices = CatalogPrices.Read(row.Member("prices"), errors) ?? over?.Prices ?? Array.Empty<ModelPrice>();

        if (provider is null || family is null || name is null || source is null)
        {
            return null;
        }

        return new ModelInfo(
            id, provider, family, name, context, maxOutput, status, legacySince, endOfLife, successor, requiresProfile,
            prefixes, capabilities, unconfirmed, temperatureMax, maxStop, stopConfirmed, source, modality)
        {
            Prices = prices,
            Body = body,
        };
    }

    /// <summary>
    /// The row's InvokeModel body family, by the one rule every row follows (built-in or a project's): the family the
    /// file states as <c>invokeBody</c>, else the one the id's prefix names, for an image or embedding row only. A stated
    /// family must agree with the id's prefix (PromptGen knows that body) and with the row's modality.
    /// </summary>
    private static InvokeModelFamily? Body(CatalogJsonNode row, string id, ModelModality modality, ModelInfo? over, Fields reader, List<CatalogFileError> errors)
    {
        InvokeModelFamily? byPrefix = InvokeModelFamilies.ByBaseId(id);
        InvokeModelFamily? stated = null;
        if (reader.String("invokeBody", required: false) is { } name)
        {
            CatalogJsonNode at = row.Member("invokeBody")!;
            stated = InvokeModelFamilies.FromWireName(name);
            if (stated is null)
            {
                errors.Add(CatalogFile.At(at, $"'invokeBody' must be one of: {string.Join(", ", InvokeModelFamilies.All.Select(family => family.WireName()))}"));
                return null;
            }

            if (byPrefix is { } known && known != stated)
            {
                errors.Add(CatalogFile.At(at, $"'{id}' is a {known.DisplayName()} id, whose body is '{known.WireName()}'; remove 'invokeBody' or write '{known.WireName()}'"));
                return null;
            }

            if (stated.Value.Modality() != modality)
            {
                errors.Add(CatalogFile.At(at, $"'invokeBody' '{name}' is the body of {(stated.Value.IsEmbedding() ? "an embedding" : "an image")} model, but the model's modality is {Describe(modality)}"));
                return null;
            }

            return stated;
        }

        if (byPrefix is { } family && family.Modality() != modality)
        {
            errors.Add(CatalogFile.At(row.Member("modality") ?? row, $"'{id}' is a {family.DisplayName()} id, {(family.IsEmbedding() ? "an embedding" : "an image")} model; write \"modality\": \"{Describe(family.Modality())}\""));
            return null;
        }

        return byPrefix ?? (over?.Body is { } kept && kept.Modality() == modality ? kept : null);
    }

    private static string Describe(ModelModality modality) => modality switch
    {
        ModelModality.Image => "image",
        ModelModality.Embedding => "embedding",
        _ => "chat",
    };

    /// <summary>Typed access to one JSON object's members; each wrong or missing member adds one error.</summary>
    private readonly struct Fields
    {
        private readonly CatalogJsonNode? _node;
        private readonly List<CatalogFileError> _errors;

        public Fields(CatalogJsonNode? node, List<CatalogFileError> errors)
        {
            _node = node;
            _errors = errors;
        }

        public bool Has(string name) => _node?.Member(name) is not null;

        public void OnlyKnown(string[] known, string what)
        {
            if (_node is null)
            {
                return;
            }

            foreach (KeyValuePair<string, CatalogJsonNode> member in _node.Members)
            {
                if (Array.IndexOf(known, member.Key) < 0)
                {
                    _errors.Add(CatalogFile.At(member.Value, $"'{member.Key}' is not a {what} field (expected one of: {string.Join(", ", known)})"));
                }
            }
        }

        public Fields Object(string name, bool required)
        {
            CatalogJsonNode? value = Get(name, required, JsonKind.Object, "an object");
            return new Fields(value, _errors);
        }

        public string? String(string name, bool required)
        {
            CatalogJsonNode? value = Get(name, required, JsonKind.String, "a string");
            if (value is not null && string.IsNullOrWhiteSpace(value.Text))
            {
                _errors.Add(CatalogFile.At(value, $"'{name}' must not be empty"));
                return null;
            }

            return value?.Text;
        }

        public int? Int(string name, bool required)
        {
            CatalogJsonNode? value = Get(name, required, JsonKind.Number, "a number");
            if (value is null)
            {
                return null;
            }

            if (int.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) && number >= 0)
            {
                return number;
            }

            _errors.Add(CatalogFile.At(value, $"'{name}' must be a whole number from 0 to {int.MaxValue}"));
            return null;
        }

        public double? Double(string name)
        {
            CatalogJsonNode? value = Get(name, required: false, JsonKind.Number, "a number");
            if (value is null)
            {
                return null;
            }

            if (double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && number >= 0 && number <= 2)
            {
                return number;
            }

            _errors.Add(CatalogFile.At(value, $"'{name}' must be a number from 0 to 2"));
            return null;
        }

        public bool? Bool(string name) => Get(name, required: false, JsonKind.Boolean, "true or false")?.Boolean;

        public string? Date(string name)
        {
            CatalogJsonNode? value = _node?.Member(name);
            return value is null || value.Kind == JsonKind.Null ? null : CatalogFile.Date(value, name, _errors);
        }

        public ModelModality? Modality(string name) => Get(name, required: false, JsonKind.String, "a string") is { } value
            ? value.Text switch
            {
                "chat" => ModelModality.Chat,
                "image" => ModelModality.Image,
                "embedding" => ModelModality.Embedding,
                _ => Fail<ModelModality>(value, $"'{name}' must be chat, image or embedding"),
            }
            : null;

        public ModelLifecycle? Lifecycle(string name) => Get(name, required: false, JsonKind.String, "a string") is { } value
            ? value.Text switch
            {
                "active" => ModelLifecycle.Active,
                "legacy" => ModelLifecycle.Legacy,
                "endOfLife" => ModelLifecycle.EndOfLife,
                _ => Fail<ModelLifecycle>(value, $"'{name}' must be active, legacy or endOfLife"),
            }
            : null;

        public IReadOnlyList<string>? Prefixes(string name)
        {
            CatalogJsonNode? value = Get(name, required: false, JsonKind.Array, "an array");
            if (value is null)
            {
                return null;
            }

            var prefixes = new List<string>();
            foreach (CatalogJsonNode item in value.Items)
            {
                if (item.Kind != JsonKind.String || !ModelIdSyntax.ProfilePrefixes.Contains(item.Text!) || prefixes.Contains(item.Text!))
                {
                    _errors.Add(CatalogFile.At(item, $"each of '{name}' must be a distinct inference-profile prefix ({string.Join(", ", ModelIdSyntax.ProfilePrefixes)})"));
                    continue;
                }

                prefixes.Add(item.Text!);
            }

            return prefixes;
        }

        public ModelCapabilities? Capabilities(string name, bool required)
        {
            CatalogJsonNode? value = Get(name, required, JsonKind.Array, "an array");
            if (value is null)
            {
                return null;
            }

            ModelCapabilities flags = ModelCapabilities.None;
            foreach (CatalogJsonNode item in value.Items)
            {
                ModelCapabilities? flag = item.Kind == JsonKind.String ? CapabilityNames.Parse(item.Text!) : null;
                if (flag is null)
                {
                    _errors.Add(CatalogFile.At(item, $"each of '{name}' must be one of: {string.Join(", ", CapabilityNames.All)}"));
                    continue;
                }

                flags |= flag.Value;
            }

            return flags;
        }

        private CatalogJsonNode? Get(string name, bool required, JsonKind kind, string what)
        {
            if (_node is null)
            {
                return null;
            }

            CatalogJsonNode? value = _node.Member(name);
            if (value is null)
            {
                if (required)
                {
                    _errors.Add(CatalogFile.At(_node, $"'{name}' is required here"));
                }

                return null;
            }

            if (value.Kind != kind)
            {
                _errors.Add(CatalogFile.At(value, $"'{name}' must be {what}, not {value.Describe()}"));
                return null;
            }

            return value;
        }

        private T? Fail<T>(CatalogJsonNode at, string message)
            where T : struct
        {
            _errors.Add(CatalogFile.At(at, message));
            return null;
        }
    }
}
