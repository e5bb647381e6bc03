using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PromptGen.Generators.Catalog;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// The control plane's two list operations, answered from the emulator's model catalog (the built-in one with its
/// catalog files), so <c>promptgen models refresh</c> and any AWS SDK can read them offline:
/// <c>GET /foundation-models</c> (ListFoundationModels; filters byProvider, byOutputModality, byInferenceType) and
/// <c>GET /inference-profiles</c> (ListInferenceProfiles; maxResults, nextToken, typeEquals). Paths, query names and
/// members as in the AWS SDK for JavaScript's Bedrock client 3.1178.0 (tests/Conformance) and
/// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListFoundationModels.html and
/// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListInferenceProfiles.html. Retired models are left
/// out, as Bedrock leaves them out; each profile prefix of a model is one system-defined profile.
/// </summary>
internal sealed partial class EmulatorRequestHandler
{
    private async Task<bool> TryHandleModelListsAsync(HttpContext context, string method, string rawPath, string rawQuery, CancellationToken aborted)
    {
        if (method != "GET" || rawPath is not ("/foundation-models" or "/inference-profiles"))
        {
            return false;
        }

        var outcome = new Outcome();
        if (await ReadAuthenticatedBodyAsync(context, method, rawPath, rawQuery, outcome, aborted) is not { } body)
        {
            return true;
        }

        Dictionary<string, string> query = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(pair => Uri.UnescapeDataString(pair[0]), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last().Length > 1 ? Uri.UnescapeDataString(group.Last()[1]) : string.Empty, StringComparer.Ordinal);
        (byte[]? json, EmulatorError? error) = rawPath == "/foundation-models" ? FoundationModels(query) : InferenceProfiles(query);
        if (error is not null)
        {
            await WriteErrorAsync(context.Response, error, outcome);
        }
        else
        {
            await WriteJsonAsync(context.Response, StatusCodes.Status200OK, json!, outcome);
        }

        return true;
    }

    private IEnumerable<ModelInfo> ListedModels() =>
        _admission.Catalog.All.Where(model => model.Lifecycle != ModelLifecycle.EndOfLife).OrderBy(model => model.BaseId, StringComparer.Ordinal);

    private (byte[]? Json, EmulatorError? Error) FoundationModels(Dictionary<string, string> query)
    {
        string? provider = query.GetValueOrDefault("byProvider");
        string? outputModality = query.GetValueOrDefault("byOutputModality");
        string? inferenceType = query.GetValueOrDefault("byInferenceType");
        if (outputModality is not null and not ("TEXT" or "IMAGE" or "EMBEDDING"))
        {
            return (null, EmulatorErrors.Validation($"1 validation error detected: Value '{outputModality}' at 'byOutputModality' failed to satisfy constraint: Member must satisfy enum value set: [TEXT, IMAGE, EMBEDDING]"));
        }

        if (inferenceType is not null and not ("ON_DEMAND" or "PROVISIONED"))
        {
            return (null, EmulatorErrors.Validation($"1 validation error detected: Value '{inferenceType}' at 'byInferenceType' failed to satisfy constraint: Member must satisfy enum value set: [ON_DEMAND, PROVISIONED]"));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("modelSummaries");
            foreach (ModelInfo model in ListedModels())
            {
                string output = OutputModality(model);
                string[] inferenceTypes = InferenceTypes(model);
                if ((provider is not null && !string.Equals(provider, model.Provider, StringComparison.OrdinalIgnoreCase))
                    || (outputModality is not null && outputModality != output)
                    || (inferenceType is not null && !inferenceTypes.Contains(inferenceType)))
                {
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("modelArn", FoundationModelArn(model.BaseId));
                writer.WriteString("modelId", model.BaseId);
                writer.WriteString("modelName", model.DisplayName);
                writer.WriteString("providerName", model.Provider);
                WriteStrings(writer, "inputModalities", InputModalities(model));
                WriteStrings(writer, "outputModalities", new[] { output });
                writer.WriteBoolean("responseStreamingSupported", model.Modality == ModelModality.Chat && model.Supports(ModelCapabilities.ConverseStream));
                WriteStrings(writer, "customizationsSupported", Array.Empty<string>());
                WriteStrings(writer, "inferenceTypesSupported", inferenceTypes);
                writer.WriteStartObject("modelLifecycle");
                writer.WriteString("status", model.Lifecycle == ModelLifecycle.Legacy ? "LEGACY" : "ACTIVE");

                // The catalog's days as FoundationModelLifecycle's timestamps (legacyTime, endOfLifeTime), when it has them:
                // https://docs.aws.amazon.com/bedrock/latest/APIReference/API_FoundationModelLifecycle.html
                if (model.LegacySince is { } legacySince)
                {
                    writer.WriteString("legacyTime", legacySince + "T00:00:00.000Z");
                }

                if (model.EndOfLife is { } endOfLife)
                {
                    writer.WriteString("endOfLifeTime", endOfLife + "T00:00:00.000Z");
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return (buffer.ToArray(), null);
    }

    private (byte[]? Json, EmulatorError? Error) InferenceProfiles(Dictionary<string, string> query)
    {
        int max = 1000;
        if (query.TryGetValue("maxResults", out string? maxText)
            && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > 1000))
        {
            return (null, EmulatorErrors.Validation($"1 validation error detected: Value '{maxText}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000"));
        }

        int start = 0;
        if (query.TryGetValue("nextToken", out string? next) && !int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            return (null, EmulatorErrors.Validation("The provided pagination token is invalid."));
        }

        string? type = query.GetValueOrDefault("type");
        if (type is not null and not ("SYSTEM_DEFINED" or "APPLICATION"))
        {
            return (null, EmulatorErrors.Validation($"1 validation error detected: Value '{type}' at 'typeEquals' failed to satisfy constraint: Member must satisfy enum value set: [SYSTEM_DEFINED, APPLICATION]"));
        }

        // Every profile is system-defined: the emulator has no application inference profiles.
        List<(ModelInfo Model, string Prefix)> profiles = type == "APPLICATION"
            ? new List<(ModelInfo, string)>()
            : ListedModels().SelectMany(model => model.ProfilePrefixes.Select(prefix => (model, prefix))).ToList();
        string created = _admission.Catalog.AsOf + "T00:00:00Z";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("inferenceProfileSummaries");
            foreach ((ModelInfo model, string prefix) in profiles.Skip(start).Take(max))
            {
                string id = prefix + "." + model.BaseId;
                writer.WriteStartObject();
                writer.WriteString("inferenceProfileName", $"{prefix.ToUpperInvariant()} {model.DisplayName}");
                writer.WriteString("inferenceProfileArn", $"arn:aws:bedrock:{Batch.Region}:{AccountId}:inference-profile/{id}");
                writer.WriteStartArray("models");
                writer.WriteStartObject();
                writer.WriteString("modelArn", FoundationModelArn(model.BaseId));
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteString("inferenceProfileId", id);
                writer.WriteString("status", "ACTIVE");
                writer.WriteString("type", "SYSTEM_DEFINED");
                writer.WriteString("description", $"Routes requests to {model.DisplayName} in the regions of the '{prefix}' geography.");
                writer.WriteString("createdAt", created);
                writer.WriteString("updatedAt", created);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (start + max < profiles.Count)
            {
                writer.WriteString("nextToken", (start + max).ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteEndObject();
        }

        return (buffer.ToArray(), null);
    }

    private string FoundationModelArn(string baseId) => $"arn:aws:bedrock:{Batch.Region}::foundation-model/{baseId}";

    private static string OutputModality(ModelInfo model) => model.Modality switch
    {
        ModelModality.Image => "IMAGE",
        ModelModality.Embedding => "EMBEDDING",
        _ => "TEXT",
    };

    private static string[] InputModalities(ModelInfo model) =>
        model.Modality != ModelModality.Embedding && model.Supports(ModelCapabilities.Images) ? new[] { "TEXT", "IMAGE" } : new[] { "TEXT" };

    private static string[] InferenceTypes(ModelInfo model) => model.RequiresInferenceProfile ? new[] { "INFERENCE_PROFILE" } : new[] { "ON_DEMAND" };

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
