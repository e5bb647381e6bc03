using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PromptGen.Bedrock.Serialization;

/// <summary>
/// Reading and writing the model-native bodies of the typed InvokeModel families (<see cref="TitanTextEmbeddingResponse"/>
/// and the others). Hand-written over <see cref="JsonDocument"/> and <see cref="Utf8JsonWriter"/>: no reflection, so
/// trimming and NativeAOT keep working, and every way a body can be wrong ends as <see cref="BedrockResponseException"/>
/// naming the JSON path, never as another exception (the bodies are outside data; fuzz target <c>invoke-bodies</c>).
/// </summary>
internal static class InvokeBodyJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses <paramref name="body"/> and hands its root object to <paramref name="read"/>.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> body, string what, Func<JsonElement, T> read)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body, DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(what, "$", "is not a JSON object");
            }

            return read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new BedrockResponseException($"The {what} response is not valid JSON: {e.Message}", innerException: e);
        }
        catch (InvalidOperationException e) when (e is not ObjectDisposedException)
        {
            // JsonElement.GetString on a string holding invalid UTF-8 or a lone surrogate escape.
            throw new BedrockResponseException($"The {what} response holds a string that is not valid text: {e.Message}", innerException: e);
        }
    }

    /// <summary>A body written by <paramref name="write"/> inside one JSON object.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static BedrockResponseException Invalid(string what, string path, string problem) =>
        new($"The {what} response is not what the model returns: {path} {problem}.");

    public static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonElement Required(JsonElement parent, string name, string what, string path) =>
        Optional(parent, name) ?? throw Invalid(what, $"{path}.{name}", "is missing");

    public static string? OptionalString(JsonElement parent, string name, string what, string path) =>
        Optional(parent, name) is { } value ? String(value, what, $"{path}.{name}") : null;

    public static string String(JsonElement value, string what, string path) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(what, path, "is not a string");

    public static int Int(JsonElement value, string what, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number : throw Invalid(what, path, "is not a 32-bit integer");

    public static long Long(JsonElement value, string what, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) ? number : throw Invalid(what, path, "is not a 64-bit integer");

    public static float Float(JsonElement value, string what, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && float.IsFinite((float)number)
            ? (float)number
            : throw Invalid(what, path, "is not a finite number");

    public static byte[] Base64(JsonElement value, string what, string path) =>
        value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out byte[]? bytes)
            ? bytes
            : throw Invalid(what, path, "is not a base64 string");

    public static List<T> Array<T>(JsonElement value, string what, string path, Func<JsonElement, string, T> item)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(what, path, "is not an array");
        }

        var items = new List<T>(value.GetArrayLength());
        int index = 0;
        foreach (JsonElement element in value.EnumerateArray())
        {
            items.Add(item(element, $"{path}[{index}]"));
            index++;
        }

        return items;
    }

    // Vectors are read straight into their array, and an element's path is written only for the error: an embedding
    // answer has thousands of numbers, and a path string each was most of what reading it allocated.
    public static float[] Floats(JsonElement value, string what, string path)
    {
        var items = new float[ArrayLength(value, what, path)];
        int index = 0;
        foreach (JsonElement element in value.EnumerateArray())
        {
            items[index] = element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double number) && float.IsFinite((float)number)
                ? (float)number
                : throw Invalid(what, $"{path}[{index}]", "is not a finite number");
            index++;
        }

        return items;
    }

    public static int[] Ints(JsonElement value, string what, string path)
    {
        var items = new int[ArrayLength(value, what, path)];
        int index = 0;
        foreach (JsonElement element in value.EnumerateArray())
        {
            items[index] = element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int number)
                ? number
                : throw Invalid(what, $"{path}[{index}]", "is not a 32-bit integer");
            index++;
        }

        return items;
    }

    private static int ArrayLength(JsonElement value, string what, string path) =>
        value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : throw Invalid(what, path, "is not an array");

    public static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    public static void WriteOptional(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    public static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            if (!double.IsFinite(number))
            {
                throw new ArgumentException($"'{name}' must be a finite number; it is {number}.", name);
            }

            writer.WriteNumber(name, number);
        }
    }

    public static void WriteOptional(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }

    public static void WriteOptional(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    public static string RequireText(string? value, string type, string member)
    {
        if (value is null)
        {
            throw new ArgumentException($"{type}.{member} is required.", member);
        }

        return value;
    }
}
