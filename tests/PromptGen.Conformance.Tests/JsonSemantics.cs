using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PromptGen.Conformance.Tests;

/// <summary>JSON equality as a service reads it: member order ignored, numbers by value, array order kept.</summary>
internal static class JsonSemantics
{
    /// <summary>Null when equal, else the JSON path of the first difference and what differs.</summary>
    public static string? FirstDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: {expected.ValueKind} vs {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                {
                    var left = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                    var right = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                    foreach (string name in left.Keys.Union(right.Keys).Order())
                    {
                        if (!left.TryGetValue(name, out JsonElement l) || !right.TryGetValue(name, out JsonElement r))
                        {
                            return $"{path}.{name}: present on one side only";
                        }

                        if (FirstDifference(l, r, $"{path}.{name}") is { } difference)
                        {
                            return difference;
                        }
                    }

                    return null;
                }

            case JsonValueKind.Array:
                {
                    List<JsonElement> left = expected.EnumerateArray().ToList(), right = actual.EnumerateArray().ToList();
                    if (left.Count != right.Count)
                    {
                        return $"{path}: {left.Count} vs {right.Count} items";
                    }

                    for (int i = 0; i < left.Count; i++)
                    {
                        if (FirstDifference(left[i], right[i], $"{path}[{i}]") is { } difference)
                        {
                            return difference;
                        }
                    }

                    return null;
                }

            case JsonValueKind.Number:
                return expected.GetDouble() == actual.GetDouble() ? null : $"{path}: {expected.GetRawText()} vs {actual.GetRawText()}";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: \"{expected.GetString()}\" vs \"{actual.GetString()}\"";
            default:
                return null;
        }
    }
}
