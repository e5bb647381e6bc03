using System;
using System.Collections.Generic;
using System.Globalization;

namespace PromptGen.Generators.Catalog.Data;

/// <summary>
/// Reads a model's <c>prices</c> array (models.schema.json, <c>$defs/price</c>). Each price must say where it was read
/// and when, so a price in the catalog is never a guess; every fault adds one located error.
/// </summary>
internal static class CatalogPrices
{
    private static readonly string[] Rates =
    {
        "inputPerMillion", "outputPerMillion", "cacheReadPerMillion", "cacheWritePerMillion", "batchInputPerMillion", "batchOutputPerMillion", "perImage",
    };

    private static readonly string[] Known = BuildKnown();

    public static IReadOnlyList<ModelPrice>? Read(CatalogJsonNode? prices, List<CatalogFileError> errors)
    {
        if (prices is null)
        {
            return null;
        }

        if (prices.Kind != JsonKind.Array)
        {
            errors.Add(CatalogFile.At(prices, $"'prices' must be an array, not {prices.Describe()}"));
            return null;
        }

        var read = new List<ModelPrice>();
        foreach (CatalogJsonNode item in prices.Items)
        {
            if (ReadOne(item, errors) is { } price)
            {
                read.Add(price);
            }
        }

        return read;
    }

    private static ModelPrice? ReadOne(CatalogJsonNode item, List<CatalogFileError> errors)
    {
        if (item.Kind != JsonKind.Object)
        {
            errors.Add(CatalogFile.At(item, $"each price must be a JSON object, not {item.Describe()}"));
            return null;
        }

        int before = errors.Count;
        foreach (KeyValuePair<string, CatalogJsonNode> member in item.Members)
        {
            if (Array.IndexOf(Known, member.Key) < 0)
            {
                errors.Add(CatalogFile.At(member.Value, $"'{member.Key}' is not a price field (expected one of: {string.Join(", ", Known)})"));
            }
        }

        string? region = Text(item, "region", errors);
        string? source = Text(item, "source", errors);
        string? asOf = item.Member("asOf") is { } asOfNode ? CatalogFile.Date(asOfNode, "asOf", errors) : Missing<string>(item, "asOf", errors);
        IReadOnlyList<string>? endpoints = Endpoints(item, errors);
        var rates = new decimal?[Rates.Length];
        bool anyRate = false;
        for (int i = 0; i < Rates.Length; i++)
        {
            rates[i] = Rate(item, Rates[i], errors);
            anyRate |= rates[i] is not null;
        }

        if (!anyRate && errors.Count == before)
        {
            errors.Add(CatalogFile.At(item, "a price needs at least one rate (" + string.Join(", ", Rates) + ")"));
        }

        if (region is null || source is null || asOf is null || endpoints is null || errors.Count != before)
        {
            return null;
        }

        return new ModelPrice(region, endpoints, rates[0], rates[1], rates[2], rates[3], rates[4], rates[5], rates[6], asOf, source);
    }

    private static string[] BuildKnown()
    {
        var known = new List<string> { "region", "endpoints", "asOf", "source" };
        known.AddRange(Rates);
        return known.ToArray();
    }

    private static string? Text(CatalogJsonNode item, string name, List<CatalogFileError> errors)
    {
        CatalogJsonNode? value = item.Member(name);
        if (value is null)
        {
            return Missing<string>(item, name, errors);
        }

        if (value.Kind != JsonKind.String || string.IsNullOrWhiteSpace(value.Text))
        {
            errors.Add(CatalogFile.At(value, $"'{name}' must be a non-empty string"));
            return null;
        }

        return value.Text;
    }

    private static IReadOnlyList<string>? Endpoints(CatalogJsonNode item, List<CatalogFileError> errors)
    {
        CatalogJsonNode? value = item.Member("endpoints");
        if (value is null)
        {
            return Missing<IReadOnlyList<string>>(item, "endpoints", errors);
        }

        if (value.Kind != JsonKind.Array || value.Items.Count == 0)
        {
            errors.Add(CatalogFile.At(value, "'endpoints' must be a non-empty array of: " + string.Join(", ", ModelPrice.EndpointKinds)));
            return null;
        }

        var kinds = new List<string>();
        foreach (CatalogJsonNode kind in value.Items)
        {
            if (kind.Kind != JsonKind.String || Array.IndexOf(ModelPrice.EndpointKinds, kind.Text) < 0 || kinds.Contains(kind.Text!))
            {
                errors.Add(CatalogFile.At(kind, "each of 'endpoints' must be a distinct one of: " + string.Join(", ", ModelPrice.EndpointKinds)));
                return null;
            }

            kinds.Add(kind.Text!);
        }

        return kinds;
    }

    private static decimal? Rate(CatalogJsonNode item, string name, List<CatalogFileError> errors)
    {
        CatalogJsonNode? value = item.Member(name);
        if (value is null)
        {
            return null;
        }

        // A number written in JSON (no exponent beyond decimal's range); USD amounts are exact decimals, never doubles.
        // The sign is read so that -0 is 0, as the runtime's reader (System.Text.Json's TryGetDecimal) reads it.
        if (value.Kind == JsonKind.Number
            && decimal.TryParse(value.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal rate)
            && rate >= 0)
        {
            return rate == 0 ? 0m : rate;
        }

        errors.Add(CatalogFile.At(value, $"'{name}' must be a number of USD, 0 or more"));
        return null;
    }

    private static T? Missing<T>(CatalogJsonNode item, string name, List<CatalogFileError> errors)
        where T : class
    {
        errors.Add(CatalogFile.At(item, $"'{name}' is required here"));
        return null;
    }
}
