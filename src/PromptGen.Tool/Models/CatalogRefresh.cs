using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Catalog.Data;

namespace PromptGen.Tool.Models;

/// <summary>What a refresh did to the project's catalog file.</summary>
/// <param name="Text">The file's new text (the same text when nothing changed).</param>
/// <param name="Added">Models the file now adds to the catalog.</param>
/// <param name="Updated">Models whose lifecycle, modality or inference profiles the refresh wrote.</param>
internal sealed record RefreshResult(string Text, IReadOnlyList<string> Added, IReadOnlyList<string> Updated)
{
    public bool Changed => Added.Count + Updated.Count > 0;
}

/// <summary>
/// Lays the control plane's model lists (ListFoundationModels and ListInferenceProfiles answers, as the API and the AWS
/// CLI give them) over a project's <c>promptgen.models.json</c>. The refresh owns four facts of a model: <c>modality</c>,
/// <c>lifecycle</c> (its status, and the legacy and end-of-life days when AWS gives them), <c>inferenceProfile</c> (<c>required</c> from the inference types, <c>prefixes</c> from the
/// system-defined profiles) and, for a model it adds, streaming (<c>converseStream</c>). It writes a fact only where AWS's
/// answer differs from what the catalog (built-in, then the file) already says, so a second run changes nothing; every
/// other member of a row (limits, capabilities, successor, source, prices, a date AWS does not give) is the user's and
/// stays as it is.
/// Models AWS no longer lists are left alone: a region may not offer them, and retiring is the user's call.
/// </summary>
internal static class CatalogRefresh
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="builtIn">The built-in catalog.</param>
    /// <param name="existingFile">The project's file, or null when there is none yet.</param>
    /// <param name="foundationModels">ListFoundationModels' answer (<c>modelSummaries</c>).</param>
    /// <param name="inferenceProfiles">ListInferenceProfiles' answer (<c>inferenceProfileSummaries</c>), or null.</param>
    /// <param name="today">The day of the refresh (yyyy-MM-dd), written as the file's <c>asOf</c> when something changed.</param>
    /// <exception cref="RefreshInputException">An input is not what the operations answer, or the existing file does not read.</exception>
    public static RefreshResult Apply(ModelTable builtIn, string? existingFile, string foundationModels, string? inferenceProfiles, string today)
    {
        JsonObject file = ReadFile(existingFile);
        ModelTable merged = builtIn;
        if (existingFile is not null)
        {
            CatalogFileContent content = CatalogFile.Read(existingFile, builtIn.Row);
            if (content.Errors.Count > 0)
            {
                throw new RefreshInputException($"the catalog file does not read: {content.Errors[0]} (fix it first; PG0230 says the same)");
            }

            merged = builtIn.With(content.Models, content.AsOf);
        }

        JsonArray rows = file["models"] as JsonArray ?? throw new RefreshInputException("the catalog file needs a 'models' array");
        var rowsById = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (JsonObject row in rows.OfType<JsonObject>())
        {
            if ((string?)row["id"] is { } id)
            {
                rowsById[id] = row;
            }
        }

        Dictionary<string, List<string>> prefixes = ProfilePrefixes(inferenceProfiles);
        var added = new List<string>();
        var updated = new List<string>();
        var newRows = new List<JsonObject>();
        foreach (ListedModel model in ListedModels(foundationModels, prefixes))
        {
            ModelInfo? known = merged.Row(model.Id);
            if (known is null)
            {
                newRows.Add(NewRow(model, today));
                added.Add(model.Id);
                continue;
            }

            var changes = new List<Action<JsonObject>>();
            if (known.Modality != model.Modality)
            {
                changes.Add(row => row["modality"] = ModalityName(model.Modality));
            }

            // Bedrock lists active and legacy models; a model the catalog retires but AWS still lists keeps its date.
            if (known.Lifecycle != model.Lifecycle)
            {
                changes.Add(row => Child(row, "lifecycle")["status"] = LifecycleName(model.Lifecycle));
            }

            // The dates AWS gives (FoundationModelLifecycle legacyTime, endOfLifeTime); a date it leaves out stays as it is.
            if (model.LegacySince is { } legacySince && known.LegacySince != legacySince)
            {
                changes.Add(row => Child(row, "lifecycle")["legacySince"] = legacySince);
            }

            if (model.EndOfLife is { } endOfLife && known.EndOfLife != endOfLife)
            {
                changes.Add(row => Child(row, "lifecycle")["endOfLife"] = endOfLife);
            }

            if (known.RequiresInferenceProfile != model.RequiresProfile || !known.ProfilePrefixes.ToHashSet(StringComparer.Ordinal).SetEquals(model.Prefixes))
            {
                changes.Add(row =>
                {
                    JsonObject profile = Child(row, "inferenceProfile");
                    profile["required"] = model.RequiresProfile;
                    profile["prefixes"] = new JsonArray(model.Prefixes.Select(prefix => (JsonNode?)prefix).ToArray());
                });
            }

            if (changes.Count == 0)
            {
                continue;
            }

            if (!rowsById.TryGetValue(model.Id, out JsonObject? existingRow))
            {
                existingRow = new JsonObject { ["id"] = model.Id };
                newRows.Add(existingRow);
                rowsById[model.Id] = existingRow;
            }

            changes.ForEach(change => change(existingRow));
            updated.Add(model.Id);
        }

        foreach (JsonObject row in newRows.OrderBy(row => (string?)row["id"], StringComparer.Ordinal))
        {
            rows.Add(row);
        }

        if (added.Count + updated.Count > 0)
        {
            file["asOf"] = today;
        }

        string text = added.Count + updated.Count > 0 || existingFile is null ? file.ToJsonString(Indented) + "\n" : existingFile;
        return new RefreshResult(text, added, updated);
    }

    private static JsonObject ReadFile(string? existingFile)
    {
        if (existingFile is null)
        {
            return new JsonObject { ["asOf"] = "1970-01-01", ["models"] = new JsonArray() };
        }

        try
        {
            return JsonNode.Parse(existingFile, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow }) as JsonObject
                ?? throw new RefreshInputException("the catalog file must be a JSON object with a 'models' array");
        }
        catch (JsonException error)
        {
            throw new RefreshInputException("the catalog file is not valid JSON: " + error.Message);
        }
    }

    private static JsonObject Child(JsonObject row, string name)
    {
        if (row[name] is JsonObject child)
        {
            return child;
        }

        child = new JsonObject();
        row[name] = child;
        return child;
    }

    private static JsonObject NewRow(ListedModel model, string today)
    {
        var capabilities = new JsonArray();
        if (model.Modality == ModelModality.Chat)
        {
            // Bedrock says a chat model takes Converse only through the model card, not the list: assume it, unconfirmed.
            capabilities.Add("converse");
            if (model.Streaming)
            {
                capabilities.Add("converseStream");
            }
        }

        return new JsonObject
        {
            ["id"] = model.Id,
            ["provider"] = model.Provider,
            ["family"] = model.Name,
            ["name"] = model.Name,
            ["modality"] = ModalityName(model.Modality),
            ["limits"] = new JsonObject { ["contextTokens"] = 0, ["maxOutputTokens"] = 0 },
            ["lifecycle"] = Lifecycle(model),
            ["inferenceProfile"] = new JsonObject
            {
                ["required"] = model.RequiresProfile,
                ["prefixes"] = new JsonArray(model.Prefixes.Select(prefix => (JsonNode?)prefix).ToArray()),
            },
            ["capabilities"] = capabilities,
            ["unconfirmed"] = new JsonArray(CapabilityNames.All.Where(name => name != "converseStream").Select(name => (JsonNode?)name).ToArray()),
            ["source"] = $"ListFoundationModels and ListInferenceProfiles (promptgen models refresh, {today}): id, provider, name, modality, "
                + "lifecycle, streaming, inference types and profiles; limits (0 = unknown) and other capabilities not known: set them by hand",
        };
    }

    private static JsonObject Lifecycle(ListedModel model)
    {
        var lifecycle = new JsonObject { ["status"] = LifecycleName(model.Lifecycle) };
        if (model.LegacySince is { } legacySince)
        {
            lifecycle["legacySince"] = legacySince;
        }

        if (model.EndOfLife is { } endOfLife)
        {
            lifecycle["endOfLife"] = endOfLife;
        }

        return lifecycle;
    }

    /// <summary>
    /// A FoundationModelLifecycle timestamp as the catalog's day (yyyy-MM-dd, UTC): the API's epoch seconds or the AWS
    /// CLI's ISO 8601 text (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_FoundationModelLifecycle.html).
    /// </summary>
    private static string? Day(JsonNode? timestamp, string member)
    {
        if (timestamp is null)
        {
            return null;
        }

        DateTimeOffset? time = timestamp.GetValueKind() switch
        {
            JsonValueKind.Number when timestamp.AsValue().TryGetValue(out double seconds) && seconds is >= 0 and < 253402300800 =>
                DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)),
            JsonValueKind.String when DateTimeOffset.TryParse(
                (string?)timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed) => parsed,
            _ => null,
        };
        return time?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            ?? throw new RefreshInputException($"a model's modelLifecycle.{member} is not a timestamp");
    }

    private static string ModalityName(ModelModality modality) => modality switch
    {
        ModelModality.Image => "image",
        ModelModality.Embedding => "embedding",
        _ => "chat",
    };

    private static string LifecycleName(ModelLifecycle lifecycle) => lifecycle == ModelLifecycle.Legacy ? "legacy" : "active";

    /// <summary>The geographic prefixes of each base model's system-defined profiles, in the catalog's prefix order.</summary>
    private static Dictionary<string, List<string>> ProfilePrefixes(string? inferenceProfiles)
    {
        var prefixes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (inferenceProfiles is null)
        {
            return prefixes;
        }

        foreach (JsonObject profile in Items(inferenceProfiles, "inferenceProfileSummaries", "ListInferenceProfiles"))
        {
            if ((string?)profile["type"] is { } type && type != "SYSTEM_DEFINED")
            {
                continue;
            }

            string id = (string?)profile["inferenceProfileId"] ?? throw new RefreshInputException("an inference profile summary has no 'inferenceProfileId'");
            (string baseId, string? prefix) = ModelIdSyntax.SplitProfilePrefix(id);
            if (prefix is null)
            {
                continue;
            }

            if (!prefixes.TryGetValue(baseId, out List<string>? list))
            {
                prefixes[baseId] = list = new List<string>();
            }

            if (!list.Contains(prefix))
            {
                list.Add(prefix);
            }
        }

        foreach (List<string> list in prefixes.Values)
        {
            list.Sort((a, b) => Order(a).CompareTo(Order(b)));
        }

        return prefixes;
    }

    // The built-in catalog lists prefixes geography first (us, eu, apac, ...) and global last; refreshed rows do the same.
    private static readonly string[] PrefixOrder = { "us", "eu", "apac", "jp", "au", "ca", "us-gov", "global" };

    private static int Order(string prefix) => Array.IndexOf(PrefixOrder, prefix) is var at and >= 0 ? at : PrefixOrder.Length;

    private static IEnumerable<ListedModel> ListedModels(string foundationModels, Dictionary<string, List<string>> prefixes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonObject summary in Items(foundationModels, "modelSummaries", "ListFoundationModels")
                     .OrderBy(summary => (string?)summary["modelId"], StringComparer.Ordinal))
        {
            string id = (string?)summary["modelId"] ?? throw new RefreshInputException("a model summary has no 'modelId'");
            string[] inferenceTypes = Strings(summary["inferenceTypesSupported"]);
            bool onDemand = inferenceTypes.Contains("ON_DEMAND");
            bool profile = inferenceTypes.Contains("INFERENCE_PROFILE");

            // Provisioned-only variants (ids such as '...:0:200k') cannot be called on demand: not the catalog's business.
            if ((!onDemand && !profile) || !ModelIdSyntax.IsWellFormed(id) || ModelIdSyntax.SplitProfilePrefix(id).ProfilePrefix is not null || !seen.Add(id))
            {
                continue;
            }

            string[] outputs = Strings(summary["outputModalities"]);
            ModelModality? modality = outputs.Contains("EMBEDDING") ? ModelModality.Embedding
                : outputs.Contains("IMAGE") ? ModelModality.Image
                : outputs.Contains("TEXT") ? ModelModality.Chat
                : null;
            if (modality is null)
            {
                continue; // video, speech: outside the catalog's modalities
            }

            string status = (string?)summary["modelLifecycle"]?["status"] ?? "ACTIVE";
            string? legacySince = Day(summary["modelLifecycle"]?["legacyTime"], "legacyTime");
            string? endOfLife = Day(summary["modelLifecycle"]?["endOfLifeTime"], "endOfLifeTime");
            yield return new ListedModel(
                id,
                (string?)summary["providerName"] ?? id.Split('.')[0],
                (string?)summary["modelName"] ?? id,
                modality.Value,
                status == "LEGACY" ? ModelLifecycle.Legacy : ModelLifecycle.Active,
                RequiresProfile: !onDemand && profile,
                prefixes.TryGetValue(id, out List<string>? list) ? list : new List<string>(),
                Streaming: summary["responseStreamingSupported"]?.GetValueKind() == JsonValueKind.True)
            {
                LegacySince = legacySince,
                EndOfLife = endOfLife,
            };
        }
    }

    private static IEnumerable<JsonObject> Items(string json, string member, string operation)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException error)
        {
            throw new RefreshInputException($"the {operation} answer is not valid JSON: {error.Message}");
        }

        if (root?[member] is not JsonArray items)
        {
            throw new RefreshInputException($"the {operation} answer has no '{member}' array (save it with the AWS CLI's --output json)");
        }

        return items.OfType<JsonObject>().ToList();
    }

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => item?.GetValueKind() == JsonValueKind.String ? (string?)item : null).OfType<string>().ToArray() : Array.Empty<string>();

    private sealed record ListedModel(
        string Id, string Provider, string Name, ModelModality Modality, ModelLifecycle Lifecycle, bool RequiresProfile, IReadOnlyList<string> Prefixes, bool Streaming)
    {
        /// <summary>The day the model became legacy (<c>modelLifecycle.legacyTime</c>), when AWS gives it.</summary>
        public string? LegacySince { get; init; }

        /// <summary>The end-of-life day (<c>modelLifecycle.endOfLifeTime</c>), when AWS gives it.</summary>
        public string? EndOfLife { get; init; }
    }
}

/// <summary>An input of <c>promptgen models refresh</c> that cannot be used; its message says which and why.</summary>
internal sealed class RefreshInputException(string message) : Exception(message);
