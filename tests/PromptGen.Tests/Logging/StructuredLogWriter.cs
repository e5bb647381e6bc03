using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace PromptGen.Tests.Logging;

/// <summary>
/// Writes a log entry the way a structured sink (Serilog's JSON formatter, NLog's JSON layout, an OTLP exporter) does:
/// every key and every value of the state, scopes and exception, lists expanded element by element rather than
/// printed as <c>System.String[]</c>. Two texts per entry: JSON as System.Text.Json escapes it (<c>+</c> becomes
/// <c>\u002B</c>), and the plain values, so a search finds a secret whichever way a sink would write it.
/// </summary>
internal static class StructuredLogWriter
{
    private const int MaxDepth = 8;

    public static SerializedEntry Write(
        string source,
        string category,
        string level,
        string eventName,
        string? message,
        IEnumerable<KeyValuePair<string, object?>> state,
        IEnumerable<object?> scopes,
        Exception? exception)
    {
        var plain = new StringBuilder();
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("source", source);
            writer.WriteString("category", category);
            writer.WriteString("level", level);
            writer.WriteString("event", eventName);
            writer.WriteString("message", message);
            plain.Append(category).Append(' ').Append(eventName).Append(' ').Append(message).Append('\n');

            writer.WriteStartObject("state");
            foreach (KeyValuePair<string, object?> pair in state)
            {
                writer.WritePropertyName(pair.Key);
                plain.Append(pair.Key).Append('=');
                WriteValue(writer, plain, pair.Value, 0);
                plain.Append('\n');
            }

            writer.WriteEndObject();

            writer.WriteStartArray("scopes");
            foreach (object? scope in scopes)
            {
                WriteValue(writer, plain, scope, 0);
                plain.Append('\n');
            }

            writer.WriteEndArray();
            writer.WriteString("exception", exception?.ToString());
            plain.Append(exception?.ToString());
            writer.WriteEndObject();
        }

        return new SerializedEntry(source, category, eventName, Encoding.UTF8.GetString(json.ToArray()), plain.ToString());
    }

    private static void WriteValue(Utf8JsonWriter writer, StringBuilder plain, object? value, int depth)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string text:
                writer.WriteStringValue(text);
                plain.Append(text);
                return;
            case bool or int or long or double or float or decimal or short or byte:
                string number = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                writer.WriteStringValue(number);
                plain.Append(number);
                return;
        }

        // The object's own text first (what a sink prints for an object it does not know), then its parts.
        string display = value.ToString() ?? "";
        if (depth >= MaxDepth)
        {
            writer.WriteStringValue(display);
            plain.Append(display);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("$text", display);
        plain.Append(display).Append(' ');
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject("$values");
                foreach (KeyValuePair<string, object?> pair in pairs)
                {
                    writer.WritePropertyName(pair.Key);
                    plain.Append(pair.Key).Append('=');
                    WriteValue(writer, plain, pair.Value, depth + 1);
                    plain.Append(' ');
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers:
                writer.WriteStartObject("$values");
                foreach (KeyValuePair<string, IEnumerable<string>> header in headers)
                {
                    writer.WritePropertyName(header.Key);
                    plain.Append(header.Key).Append('=');
                    WriteValue(writer, plain, header.Value, depth + 1);
                    plain.Append(' ');
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray("$values");
                foreach (object? item in items)
                {
                    WriteValue(writer, plain, item, depth + 1);
                    plain.Append(' ');
                }

                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
    }
}

/// <summary>One log entry as a structured sink would write it.</summary>
/// <param name="Source">Which capture saw it (the logger provider, or OpenTelemetry's exporter).</param>
/// <param name="Json">The entry as JSON, escaped as System.Text.Json escapes.</param>
/// <param name="Plain">The same keys and values, unescaped.</param>
internal sealed record SerializedEntry(string Source, string Category, string EventName, string Json, string Plain);
