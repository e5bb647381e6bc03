using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PromptGen.Testing.KnowledgeBases;

/// <summary>
/// A retrieval filter read from a request body (the API's <c>RetrievalFilter</c> union: exactly one of <c>equals</c>,
/// <c>notEquals</c>, <c>greaterThan</c>, <c>greaterThanOrEquals</c>, <c>lessThan</c>, <c>lessThanOrEquals</c>, <c>in</c>,
/// <c>notIn</c>, <c>startsWith</c>, <c>listContains</c>, <c>stringContains</c>, <c>andAll</c>, <c>orAll</c>), and its
/// evaluation against a passage's metadata.
/// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_RetrievalFilter.html
/// </summary>
internal sealed class MetadataFilter
{
    private const int MinCombined = 2;
    private const int MaxDepth = 16;

    private readonly string _operator;
    private readonly string? _key;
    private readonly JsonElement _value;
    private readonly List<MetadataFilter> _filters;

    private MetadataFilter(string @operator, string? key, JsonElement value, List<MetadataFilter> filters)
    {
        _operator = @operator;
        _key = key;
        _value = value;
        _filters = filters;
    }

    /// <summary>Reads a filter; on a malformed one, the ValidationException message the service would give.</summary>
    public static (MetadataFilter? Filter, string? Error) Parse(JsonElement element, string path = "filter", int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return (null, $"{path}: filters nest at most {MaxDepth} deep.");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, $"{path} must be an object.");
        }

        JsonProperty? only = null;
        foreach (JsonProperty member in element.EnumerateObject())
        {
            if (only is not null)
            {
                return (null, $"{path} must set exactly one operator; it sets '{only.Value.Name}' and '{member.Name}'.");
            }

            only = member;
        }

        if (only is not { } operation)
        {
            return (null, $"{path} must set exactly one operator; it sets none.");
        }

        switch (operation.Name)
        {
            case "andAll" or "orAll":
                if (operation.Value.ValueKind != JsonValueKind.Array || operation.Value.GetArrayLength() < MinCombined)
                {
                    return (null, $"{path}.{operation.Name} must be a list of at least {MinCombined} filters.");
                }

                var filters = new List<MetadataFilter>();
                int index = 0;
                foreach (JsonElement item in operation.Value.EnumerateArray())
                {
                    (MetadataFilter? inner, string? error) = Parse(item, $"{path}.{operation.Name}[{index++}]", depth + 1);
                    if (inner is null)
                    {
                        return (null, error);
                    }

                    filters.Add(inner);
                }

                return (new MetadataFilter(operation.Name, null, default, filters), null);

            case "equals" or "notEquals" or "greaterThan" or "greaterThanOrEquals" or "lessThan" or "lessThanOrEquals"
                or "in" or "notIn" or "startsWith" or "listContains" or "stringContains":
                return ParseComparison(operation.Name, operation.Value, $"{path}.{operation.Name}");

            default:
                return (null, $"{path}: unknown filter operator '{operation.Name}'.");
        }
    }

    private static (MetadataFilter? Filter, string? Error) ParseComparison(string @operator, JsonElement attribute, string path)
    {
        if (attribute.ValueKind != JsonValueKind.Object
            || !attribute.TryGetProperty("key", out JsonElement key) || key.ValueKind != JsonValueKind.String
            || key.GetString() is not { Length: > 0 and <= 100 } keyText)
        {
            return (null, $"{path}.key must be a string of 1 to 100 characters.");
        }

        if (!attribute.TryGetProperty("value", out JsonElement value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return (null, $"{path}.value is required.");
        }

        if (!Decodable(value))
        {
            return (null, $"{path}.value holds a string that is not valid UTF-8.");
        }

        string? shapeError = @operator switch
        {
            "greaterThan" or "greaterThanOrEquals" or "lessThan" or "lessThanOrEquals" when value.ValueKind != JsonValueKind.Number
                => $"{path}.value must be a number.",
            "in" or "notIn" when value.ValueKind != JsonValueKind.Array => $"{path}.value must be a list.",
            "startsWith" or "stringContains" when value.ValueKind != JsonValueKind.String => $"{path}.value must be a string.",
            _ => null,
        };

        return shapeError is null ? (new MetadataFilter(@operator, keyText, value.Clone(), new List<MetadataFilter>()), null) : (null, shapeError);
    }

    /// <summary>Whether every string in <paramref name="value"/> can be read, so that matching never throws.</summary>
    private static bool Decodable(JsonElement value)
    {
        try
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    _ = value.GetString();
                    break;
                case JsonValueKind.Array:
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        if (!Decodable(item))
                        {
                            return false;
                        }
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (JsonProperty member in value.EnumerateObject())
                    {
                        _ = member.Name;
                        if (!Decodable(member.Value))
                        {
                            return false;
                        }
                    }

                    break;
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Whether a passage with <paramref name="metadata"/> passes.</summary>
    public bool Matches(IReadOnlyDictionary<string, JsonElement> metadata)
    {
        if (_key is null)
        {
            return _operator == "andAll" ? _filters.TrueForAll(filter => filter.Matches(metadata)) : _filters.Exists(filter => filter.Matches(metadata));
        }

        bool present = metadata.TryGetValue(_key, out JsonElement attribute);
        return _operator switch
        {
            "equals" => present && SameValue(attribute, _value),
            "notEquals" => !present || !SameValue(attribute, _value),
            "greaterThan" => present && Compare(attribute) is > 0,
            "greaterThanOrEquals" => present && Compare(attribute) is >= 0,
            "lessThan" => present && Compare(attribute) is < 0,
            "lessThanOrEquals" => present && Compare(attribute) is <= 0,
            "in" => present && AnyEqual(_value, attribute),
            "notIn" => !present || !AnyEqual(_value, attribute),
            "startsWith" => present && attribute.ValueKind == JsonValueKind.String && attribute.GetString()!.StartsWith(_value.GetString()!, StringComparison.Ordinal),
            "listContains" => present && attribute.ValueKind == JsonValueKind.Array && AnyEqual(attribute, _value),
            "stringContains" => present && ContainsText(attribute, _value.GetString()!),
            _ => false,
        };
    }

    private int? Compare(JsonElement attribute) =>
        attribute.ValueKind == JsonValueKind.Number && attribute.TryGetDouble(out double left) && _value.TryGetDouble(out double right)
            ? left.CompareTo(right)
            : null;

    private static bool AnyEqual(JsonElement list, JsonElement value)
    {
        foreach (JsonElement item in list.EnumerateArray())
        {
            if (SameValue(item, value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsText(JsonElement attribute, string text)
    {
        if (attribute.ValueKind == JsonValueKind.String)
        {
            return attribute.GetString()!.Contains(text, StringComparison.Ordinal);
        }

        if (attribute.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in attribute.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString()!.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SameValue(JsonElement left, JsonElement right) => (left.ValueKind, right.ValueKind) switch
    {
        (JsonValueKind.String, JsonValueKind.String) => left.GetString() == right.GetString(),
        (JsonValueKind.Number, JsonValueKind.Number) => left.TryGetDouble(out double a) && right.TryGetDouble(out double b) && a.Equals(b),
        (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) => left.ValueKind == right.ValueKind,
        _ => false,
    };
}
