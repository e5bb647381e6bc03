using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace PromptGen.Mcp;

/// <summary>
/// Turns an MCP prompt's arguments, which the protocol gives as strings, into the one JSON object a
/// <see cref="Descriptors.PromptDescriptor"/> reads. A parameter whose schema is a string (text, an enum, a date)
/// takes the argument's text as it is; any other parameter (a number, a boolean, a list, an object) takes the text as
/// JSON (<c>3</c>, <c>true</c>, <c>["a","b"]</c>, <c>{"title":"…"}</c>). A client that sends a JSON value instead of a
/// string gets it used as that value. What comes out is then read by the method's generated argument parser, which
/// checks it against the schema. Never throws on any input: a problem is returned as a message for the client.
/// </summary>
internal static class PromptArgumentText
{
    /// <summary>Writes <paramref name="arguments"/> as the arguments object, or says why it cannot.</summary>
    /// <param name="parameters">Each parameter's name and whether its schema is a string.</param>
    /// <param name="arguments">The client's arguments; a value is a JSON string (the protocol's form) or any JSON value.</param>
    /// <param name="json">The arguments object, when the result is null.</param>
    /// <returns>Null when <paramref name="json"/> was written; otherwise what is wrong, naming the argument.</returns>
    public static string? TryWrite(IReadOnlyList<PromptArgumentShape> parameters, IEnumerable<KeyValuePair<string, JsonElement>>? arguments, out string json)
    {
        json = "{}";
        var buffer = new ArrayBufferWriter<byte>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, JsonElement> argument in arguments ?? Array.Empty<KeyValuePair<string, JsonElement>>())
            {
                PromptArgumentShape? shape = Find(parameters, argument.Key);
                if (shape is null)
                {
                    return $"The prompt has no argument '{Shorten(argument.Key)}'; it takes {Names(parameters)}.";
                }

                if (!written.Add(shape.Name))
                {
                    return $"The argument '{shape.Name}' is given twice.";
                }

                if (WriteValue(writer, shape, argument.Value) is { } problem)
                {
                    return problem;
                }
            }

            writer.WriteEndObject();
        }

        json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return null;
    }

    private static string? WriteValue(Utf8JsonWriter writer, PromptArgumentShape shape, JsonElement value)
    {
        writer.WritePropertyName(shape.Name);
        if (value.ValueKind != JsonValueKind.String || shape.IsText)
        {
            // A text parameter's string, or (not the protocol's form, but unambiguous) the value itself. Copied as the
            // client escaped it: unescaping would throw on a lone surrogate (\uD800), which the arguments parser reports.
            writer.WriteRawValue(value.GetRawText(), skipInputValidation: true);
            return null;
        }

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return $"The argument '{shape.Name}' is not valid text: it holds a lone UTF-16 surrogate.";
        }

        try
        {
            using JsonDocument parsed = JsonDocument.Parse(text);
            writer.WriteRawValue(parsed.RootElement.GetRawText(), skipInputValidation: true);
            return null;
        }
        catch (JsonException e)
        {
            // Our words and the position only: the reader's own message can quote a whole (long) bad literal back.
            string where = e.BytePositionInLine is { } column ? $" (line {e.LineNumber + 1}, byte {column + 1})" : string.Empty;
            return $"The argument '{shape.Name}' ({shape.TypeName}) must be JSON, e.g. {Example(shape.TypeName)}; it does not read as JSON{where}.";
        }
    }

    private static PromptArgumentShape? Find(IReadOnlyList<PromptArgumentShape> parameters, string name)
    {
        foreach (PromptArgumentShape shape in parameters)
        {
            if (string.Equals(shape.Name, name, StringComparison.Ordinal))
            {
                return shape;
            }
        }

        return null;
    }

    private static string Names(IReadOnlyList<PromptArgumentShape> parameters)
    {
        if (parameters.Count == 0)
        {
            return "none";
        }

        var names = new string[parameters.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = "'" + parameters[i].Name + "'";
        }

        return string.Join(", ", names);
    }

    internal static string Example(string typeName) => typeName switch
    {
        "int" or "long" or "short" or "byte" or "uint" or "ulong" or "ushort" or "sbyte" or "int?" or "long?" => "3",
        "double" or "float" or "decimal" or "double?" or "float?" or "decimal?" => "0.5",
        "bool" or "bool?" => "true",
        _ when typeName.Contains("List<", StringComparison.Ordinal) || typeName.EndsWith("[]", StringComparison.Ordinal) => "[\"a\", \"b\"]",
        _ => "{\"name\": \"value\"}",
    };

    // A client's unknown name is echoed back cut short, so a huge key does not make a huge message.
    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");
}

/// <summary>A prompt method's parameter as an MCP prompt argument.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="TypeName">Its C# type, for messages.</param>
/// <param name="IsText">Its schema is a string, so the argument's text is the value itself.</param>
/// <param name="IsRequired">The arguments must have it.</param>
internal sealed record PromptArgumentShape(string Name, string TypeName, bool IsText, bool IsRequired);
