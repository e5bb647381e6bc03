using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace PromptGen.Testing.Wire.Invoke;

/// <summary>
/// A model-native body that breaks the model's schema. Bedrock checks these bodies with a JSON Schema validator and
/// answers 400 ValidationException worded by it: <c>Malformed input request: #/dimensions: 100 is not a valid enum value,
/// please reformat your input and try again.</c> (the wording of "Malformed input request, please reformat your input and
/// try again." is in the AWS SDK issue aws-samples/amazon-bedrock-client-for-mac#12; the "#/path: problem" details follow
/// the everit JSON Schema messages Bedrock is widely reported to return, e.g. "#: required key [max_tokens] not found",
/// "#: extraneous key [model] is not permitted"; rules the schema cannot state carry a plain sentence [U]).
/// </summary>
internal sealed class InvokeBodyException(string detail) : Exception(detail)
{
    public EmulatorError ToError() => EmulatorErrors.Validation($"Malformed input request: {Message}, please reformat your input and try again.");
}

/// <summary>The JSON Schema checks the per-family validators are made of; each throws <see cref="InvokeBodyException"/>.</summary>
internal static class InvokeSchema
{
    /// <summary>The body is not JSON at all: Bedrock's message has no detail then.</summary>
    public static EmulatorError NotJson() => EmulatorErrors.Validation("Malformed input request, please reformat your input and try again.");

    public static JsonElement Root(JsonDocument document)
    {
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw TypeError("#", "JSONObject", document.RootElement);
        }

        return document.RootElement;
    }

    /// <summary>Members the schema does not list are refused (<c>additionalProperties: false</c>).</summary>
    public static void OnlyKnown(JsonElement obj, string path, params string[] allowed)
    {
        foreach (JsonProperty member in obj.EnumerateObject())
        {
            if (!allowed.Contains(member.Name, StringComparer.Ordinal))
            {
                throw new InvokeBodyException($"{path}: extraneous key [{member.Name}] is not permitted");
            }
        }
    }

    public static JsonElement Required(JsonElement obj, string path, string name) =>
        obj.TryGetProperty(name, out JsonElement value) ? value : throw new InvokeBodyException($"{path}: required key [{name}] not found");

    public static JsonElement? Optional(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out JsonElement value) ? value : null;

    public static JsonElement Object(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Object ? value : throw TypeError(path, "JSONObject", value);

    public static string String(JsonElement value, string path, int minLength = 0, int maxLength = int.MaxValue)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw TypeError(path, "String", value);
        }

        string text = value.GetString()!;
        if (text.Length < minLength)
        {
            throw new InvokeBodyException($"{path}: expected minLength: {minLength}, actual: {text.Length}");
        }

        if (text.Length > maxLength)
        {
            throw new InvokeBodyException($"{path}: expected maxLength: {maxLength}, actual: {text.Length}");
        }

        return text;
    }

    public static string Enum(JsonElement value, string path, params string[] allowed)
    {
        string text = String(value, path);
        return allowed.Contains(text, StringComparer.Ordinal) ? text : throw NotInEnum(path, value);
    }

    public static long Integer(JsonElement value, string path, long minimum = long.MinValue, long maximum = long.MaxValue)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number))
        {
            throw TypeError(path, "Integer", value);
        }

        if (number < minimum)
        {
            throw new InvokeBodyException($"{path}: {number} is not greater or equal to {minimum}");
        }

        return number <= maximum ? number : throw new InvokeBodyException($"{path}: {number} is not less or equal to {maximum}");
    }

    public static long IntegerEnum(JsonElement value, string path, params long[] allowed)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number))
        {
            throw TypeError(path, "Integer", value);
        }

        return allowed.Contains(number) ? number : throw NotInEnum(path, value);
    }

    public static double Number(JsonElement value, string path, double minimum, double maximum)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !double.IsFinite(number))
        {
            throw TypeError(path, "Number", value);
        }

        if (number < minimum)
        {
            throw new InvokeBodyException($"{path}: {Show(number)} is not greater or equal to {Show(minimum)}");
        }

        return number <= maximum ? number : throw new InvokeBodyException($"{path}: {Show(number)} is not less or equal to {Show(maximum)}");
    }

    public static bool Boolean(JsonElement value, string path) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw TypeError(path, "Boolean", value);

    public static List<T> Array<T>(JsonElement value, string path, int minItems, int maxItems, Func<JsonElement, string, T> item)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw TypeError(path, "JSONArray", value);
        }

        int count = value.GetArrayLength();
        if (count < minItems)
        {
            throw new InvokeBodyException($"{path}: expected minItems: {minItems}, actual: {count}");
        }

        if (count > maxItems)
        {
            throw new InvokeBodyException($"{path}: expected maxItems: {maxItems}, actual: {count}");
        }

        return value.EnumerateArray().Select((element, index) => item(element, $"{path}/{index}")).ToList();
    }

    /// <summary>A <c>data:image/png;base64,…</c> or <c>data:image/jpeg;base64,…</c> URI (Cohere's images).</summary>
    public static byte[] DataUri(JsonElement value, string path)
    {
        string text = String(value, path);
        foreach (string prefix in new[] { "data:image/png;base64,", "data:image/jpeg;base64,", "data:image/webp;base64,", "data:image/gif;base64," })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                try
                {
                    return Convert.FromBase64String(text[prefix.Length..]);
                }
                catch (FormatException)
                {
                    break;
                }
            }
        }

        throw new InvokeBodyException($"{path}: is not a base64 data URI of a png, jpeg, webp or gif image");
    }

    public static byte[] Base64(JsonElement value, string path)
    {
        string text = String(value, path, minLength: 1);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvokeBodyException($"{path}: is not valid base64");
        }
    }

    public static InvokeBodyException Rule(string detail) => new(detail);

    private static InvokeBodyException TypeError(string path, string expected, JsonElement value) =>
        new($"{path}: expected type: {expected}, found: {Kind(value)}");

    private static InvokeBodyException NotInEnum(string path, JsonElement value) =>
        new($"{path}: {(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())} is not a valid enum value");

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "JSONObject",
        JsonValueKind.Array => "JSONArray",
        JsonValueKind.String => "String",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "Integer" : "BigDecimal",
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        _ => "Null",
    };

    private static string Show(double number) => number.ToString("0.0###", CultureInfo.InvariantCulture);
}
