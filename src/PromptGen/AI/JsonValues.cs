using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PromptGen.AI;

/// <summary>JSON conversions between Bedrock's JSON documents and M.E.AI's argument dictionaries, without reflection.</summary>
internal static class JsonValues
{
    /// <summary>A tool call's input object as M.E.AI arguments (values stay <see cref="JsonElement"/>s).</summary>
    public static Dictionary<string, object?> ToArguments(JsonElement input)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (input.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in input.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
        }

        return arguments;
    }

    /// <summary>M.E.AI arguments as a JSON object, with the serializer options M.E.AI uses (source-generated for its own types).</summary>
    public static JsonElement FromArguments(IDictionary<string, object?>? arguments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (arguments is not null)
            {
                foreach (KeyValuePair<string, object?> argument in arguments)
                {
                    writer.WritePropertyName(argument.Key);
                    WriteValue(writer, argument.Value);
                }
            }

            writer.WriteEndObject();
        }

        return Parse(buffer.WrittenSpan);
    }

    /// <summary>Any value as a JSON element: elements and strings as they are, others serialized.</summary>
    public static JsonElement ToElement(object? value)
    {
        if (value is JsonElement element)
        {
            return element;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteValue(writer, value);
        }

        return Parse(buffer.WrittenSpan);
    }

    public static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }

    public static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            default:
                // The options M.E.AI itself serializes with; types it does not know need a resolver that does.
                JsonSerializer.Serialize(writer, value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType()));
                break;
        }
    }
}
