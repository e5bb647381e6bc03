using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PromptGen.Pricing;

/// <summary>
/// Reads the prices of a model catalog file (the built-in models.json or a project's promptgen.models.json, shape
/// models.schema.json). The generator reads the whole file with its own reader (it cannot count on System.Text.Json
/// inside the compiler); the runtime needs only each model's id and prices, read here by the same rules: a price
/// names its region, endpoints, day and source, and its rates are USD amounts of 0 or more. Any fault is an
/// <see cref="InvalidDataException"/> naming where it is, never a price read wrong.
/// </summary>
internal static class ModelPriceReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    /// <summary>Each model id of the file that has a <c>prices</c> array, with its prices (an empty array clears them).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ModelPrice>> Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException("not valid JSON: " + error.Message, error);
        }
        catch (ArgumentException error)
        {
            // Text holding a lone surrogate cannot become UTF-8 (found by the catalog-file fuzz target).
            throw new InvalidDataException("not valid JSON: " + error.Message, error);
        }

        using (document)
        {
            try
            {
                return ReadModels(document.RootElement);
            }
            catch (InvalidOperationException error)
            {
                // GetString on an escaped lone surrogate ("\uD800") throws this (found by the catalog-file fuzz target).
                throw new InvalidDataException("a string in the file is not valid text: " + error.Message, error);
            }
        }
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<ModelPrice>> ReadModels(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("models", out JsonElement models) || models.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("the file must be a JSON object with a 'models' array");
        }

        var prices = new Dictionary<string, IReadOnlyList<ModelPrice>>(StringComparer.Ordinal);
        int index = 0;
        foreach (JsonElement model in models.EnumerateArray())
        {
            string path = $"models[{index++}]";
            if (model.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path} must be a JSON object");
            }

            if (!model.TryGetProperty("prices", out JsonElement list))
            {
                continue;
            }

            string id = model.TryGetProperty("id", out JsonElement idElement) && idElement.ValueKind == JsonValueKind.String && idElement.GetString() is { Length: > 0 } text
                ? text
                : throw new InvalidDataException($"{path}.id must be a non-empty string");
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path}.prices must be an array");
            }

            var read = new List<ModelPrice>();
            int priceIndex = 0;
            foreach (JsonElement price in list.EnumerateArray())
            {
                read.Add(ReadPrice(price, $"{path}.prices[{priceIndex++}]"));
            }

            if (!prices.TryAdd(id, read))
            {
                throw new InvalidDataException($"{path}: the model '{id}' has prices twice in one file");
            }
        }

        return prices;
    }

    private static ModelPrice ReadPrice(JsonElement price, string path)
    {
        if (price.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path} must be a JSON object");
        }

        var endpoints = new List<PriceEndpointKind>();
        if (!price.TryGetProperty("endpoints", out JsonElement kinds) || kinds.ValueKind != JsonValueKind.Array || kinds.GetArrayLength() == 0)
        {
            throw new InvalidDataException($"{path}.endpoints must be a non-empty array of inRegion, geo, global");
        }

        foreach (JsonElement kind in kinds.EnumerateArray())
        {
            PriceEndpointKind parsed = (kind.ValueKind == JsonValueKind.String ? PriceEndpoint.Parse(kind.GetString()) : null)
                ?? throw new InvalidDataException($"{path}.endpoints: each must be one of inRegion, geo, global");
            if (endpoints.Contains(parsed))
            {
                throw new InvalidDataException($"{path}.endpoints names {kind.GetString()} twice");
            }

            endpoints.Add(parsed);
        }

        return new ModelPrice(
            Text(price, "region", path),
            endpoints,
            Rate(price, "inputPerMillion", path),
            Rate(price, "outputPerMillion", path),
            Rate(price, "cacheReadPerMillion", path),
            Rate(price, "cacheWritePerMillion", path),
            Date(price, path),
            Text(price, "source", path))
        {
            BatchInputPerMillion = Rate(price, "batchInputPerMillion", path),
            BatchOutputPerMillion = Rate(price, "batchOutputPerMillion", path),
            PerImage = Rate(price, "perImage", path),
        };
    }

    private static string Text(JsonElement price, string name, string path) =>
        price.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new InvalidDataException($"{path}.{name} must be a non-empty string");

    private static string Date(JsonElement price, string path)
    {
        string text = Text(price, "asOf", path);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? text
            : throw new InvalidDataException($"{path}.asOf must be a date written yyyy-MM-dd");
    }

    private static decimal? Rate(JsonElement price, string name, string path)
    {
        if (!price.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal rate) && rate >= 0
            ? rate
            : throw new InvalidDataException($"{path}.{name} must be a number of USD, 0 or more");
    }
}
