using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// Writes a small JSON value that satisfies a JSON Schema's basics (type, enum/const, required properties, array
/// minItems, string lengths and common formats, numeric minimums), so default replies are schema-shaped for any client.
/// Not a validator: patterns and combinators beyond "take the first branch" are ignored.
/// </summary>
internal static class JsonSchemaSample
{
    // Deep enough for real result types; stops self-referencing schemas from recursing forever.
    private const int MaxDepth = 12;

    public static string For(JsonElement schema)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, schema, schema, depth: 0);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A sample for schema text; an unreadable schema gets an empty object.</summary>
    public static string For(string? schemaText)
    {
        if (schemaText is null)
        {
            return "{}";
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(schemaText);
            return For(document.RootElement);
        }
        catch (JsonException)
        {
            return "{}";
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement schema, JsonElement root, int depth)
    {
        schema = Resolve(schema, root);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            writer.WriteNullValue(); // `true`/`false` schemas, or junk: null is as good as anything
            return;
        }

        if (Get(schema, "const") is { } constant)
        {
            constant.WriteTo(writer);
            return;
        }

        if (Get(schema, "enum") is { ValueKind: JsonValueKind.Array } values && values.GetArrayLength() > 0)
        {
            values[0].WriteTo(writer);
            return;
        }

        foreach (string combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (Get(schema, combinator) is { ValueKind: JsonValueKind.Array } branches && branches.GetArrayLength() > 0 && TypeOf(schema) is null)
            {
                Write(writer, branches[0], root, depth + 1);
                return;
            }
        }

        switch (TypeOf(schema))
        {
            case "object":
                WriteObject(writer, schema, root, depth);
                break;
            case "array":
                WriteArray(writer, schema, root, depth);
                break;
            case "string":
                writer.WriteStringValue(SampleString(schema));
                break;
            case "integer":
                writer.WriteNumberValue((long)Math.Ceiling(Minimum(schema)));
                break;
            case "number":
                writer.WriteNumberValue(Minimum(schema));
                break;
            case "boolean":
                writer.WriteBooleanValue(true);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement schema, JsonElement root, int depth)
    {
        writer.WriteStartObject();
        string[] required = Get(schema, "required") is { ValueKind: JsonValueKind.Array } names
            ? names.EnumerateArray().Where(name => name.ValueKind == JsonValueKind.String).Select(name => name.GetString()!).ToArray()
            : Array.Empty<string>();
        if (Get(schema, "properties") is { ValueKind: JsonValueKind.Object } properties)
        {
            foreach (JsonProperty property in properties.EnumerateObject())
            {
                // Past the depth limit only required members are written, which ends recursive schemas.
                if (depth < MaxDepth || required.Contains(property.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    if (depth < MaxDepth)
                    {
                        Write(writer, property.Value, root, depth + 1);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                }
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, JsonElement schema, JsonElement root, int depth)
    {
        writer.WriteStartArray();
        int minItems = Get(schema, "minItems") is { ValueKind: JsonValueKind.Number } min && min.TryGetInt32(out int m) ? m : 0;
        int maxItems = Get(schema, "maxItems") is { ValueKind: JsonValueKind.Number } max && max.TryGetInt32(out int x) ? x : int.MaxValue;
        int count = Math.Min(Math.Max(minItems, 1), maxItems);
        if (depth >= MaxDepth)
        {
            count = minItems;
        }

        JsonElement? items = Get(schema, "items");
        for (int i = 0; i < count; i++)
        {
            if (items is { } itemSchema && depth < MaxDepth)
            {
                Write(writer, itemSchema, root, depth + 1);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }

    private static string SampleString(JsonElement schema)
    {
        string sample = (Get(schema, "format") is { ValueKind: JsonValueKind.String } format ? format.GetString() : null) switch
        {
            "date-time" => "2024-01-01T00:00:00Z",
            "date" => "2024-01-01",
            "time" => "00:00:00",
            "email" => "user@example.com",
            "uri" or "url" => "https://example.com/",
            "uuid" => "00000000-0000-0000-0000-000000000000",
            _ => "sample",
        };
        int minLength = Get(schema, "minLength") is { ValueKind: JsonValueKind.Number } min && min.TryGetInt32(out int m) ? m : 0;
        int maxLength = Get(schema, "maxLength") is { ValueKind: JsonValueKind.Number } max && max.TryGetInt32(out int x) ? x : int.MaxValue;
        if (sample.Length < minLength)
        {
            sample = sample.PadRight(minLength, 'x');
        }

        return sample.Length > maxLength ? sample[..maxLength] : sample;
    }

    private static double Minimum(JsonElement schema)
    {
        double value = Get(schema, "minimum") is { ValueKind: JsonValueKind.Number } minimum ? minimum.GetDouble()
            : Get(schema, "exclusiveMinimum") is { ValueKind: JsonValueKind.Number } exclusive ? exclusive.GetDouble() + 1
            : 0;
        return Get(schema, "maximum") is { ValueKind: JsonValueKind.Number } maximum && maximum.GetDouble() < value ? maximum.GetDouble() : value;
    }

    /// <summary>The schema's type; the first non-null one of a type list; inferred from object/array keywords when absent.</summary>
    private static string? TypeOf(JsonElement schema)
    {
        switch (Get(schema, "type"))
        {
            case { ValueKind: JsonValueKind.String } single:
                return single.GetString();
            case { ValueKind: JsonValueKind.Array } list:
                return list.EnumerateArray().Select(type => type.GetString()).FirstOrDefault(type => type != "null") ?? "null";
        }

        return Get(schema, "properties") is not null ? "object" : Get(schema, "items") is not null ? "array" : null;
    }

    /// <summary>Follows a local <c>$ref</c> (<c>#/$defs/X</c>, <c>#/definitions/X</c>, <c>#</c>).</summary>
    private static JsonElement Resolve(JsonElement schema, JsonElement root)
    {
        for (int hops = 0; hops < MaxDepth && schema.ValueKind == JsonValueKind.Object && Get(schema, "$ref") is { ValueKind: JsonValueKind.String } reference; hops++)
        {
            string pointer = reference.GetString()!;
            if (!pointer.StartsWith('#'))
            {
                break;
            }

            JsonElement target = root;
            foreach (string segment in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                string name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(name, out target))
                {
                    return default;
                }
            }

            schema = target;
        }

        return schema;
    }

    private static JsonElement? Get(JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out JsonElement value) ? value : null;
}
