using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock.Serialization;

/// <summary>
/// Writes a <see cref="RetrievalFilter"/> as the API's union: <c>{"equals":{"key":"k","value":v}}</c> or
/// <c>{"andAll":[...]}</c>. Filters are only sent, never read back, so reading is refused.
/// </summary>
internal sealed class RetrievalFilterConverter : JsonConverter<RetrievalFilter>
{
    public override RetrievalFilter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Retrieval filters are written to requests only; PromptGen does not read them.");

    public override void Write(Utf8JsonWriter writer, RetrievalFilter value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Key is null)
        {
            writer.WriteStartArray(value.Operator);
            foreach (RetrievalFilter filter in value.Filters)
            {
                Write(writer, filter, options);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStartObject(value.Operator);
            writer.WriteString("key", value.Key);
            writer.WritePropertyName("value");
            value.Value.WriteTo(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

/// <summary>Filter values as the JSON documents the API carries.</summary>
internal static class FilterValues
{
    public static JsonElement Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Build(writer => writer.WriteStringValue(value));
    }

    public static JsonElement Of(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A filter value must be a finite number.");
        }

        return Build(writer => writer.WriteNumberValue(value));
    }

    public static JsonElement Of(bool value) => Build(writer => writer.WriteBooleanValue(value));

    public static JsonElement Of(string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0 || Array.Exists(values, value => value is null))
        {
            throw new ArgumentException("A list filter takes at least one value, none of them null.", nameof(values));
        }

        return Build(writer =>
        {
            writer.WriteStartArray();
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        });
    }

    private static JsonElement Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
