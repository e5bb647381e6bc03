using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace PromptGen.CompilerServices;

/// <summary>
/// Reads scalar JSON values the way models write them, for generated parsers. Every reader expects the reader
/// positioned on the value's first token and leaves it on the value's last token, whether it read it or not: on
/// failure it adds one <see cref="ResultErrorKind.TypeMismatch"/> error (<c>expected number, got "12 USD"</c>),
/// skips the value (an object where a number belongs) and returns false.
/// Used by generated code; not for direct use.
/// </summary>
/// <remarks>
/// <para>
/// Leniency: numbers may arrive as strings (<c>"42"</c>, <c>" 3.5 "</c>); booleans as <c>"true"</c>/<c>"False"</c>;
/// strings as numbers or booleans (their text). <c>null</c> is never accepted here: a nullable value is read by
/// <see cref="TryReadNullable{T}"/> or <see cref="TryReadNullableReference{T}"/> around a reader.
/// </para>
/// <para>
/// The class is abstract only so that a generated reader class can derive from it and call the readers by their
/// short names (<c>TryReadString(ref reader, memberPath, errors, out title)</c>); it has no instances and no state.
/// Inherited members are found before anything the user declares, so the short names cannot be captured.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract partial class JsonValueReaders
{
    private const int QuoteLimit = 40;

    /// <summary>For generated reader classes, which derive from this one and are never instantiated.</summary>
    protected JsonValueReaders()
    {
    }

    /// <summary>Reads a string; a number or boolean token is taken as its JSON text.</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out string value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString()!;
                return true;
            case JsonTokenType.Number:
                value = RawText(ref reader);
                return true;
            case JsonTokenType.True:
                value = "true";
                return true;
            case JsonTokenType.False:
                value = "false";
                return true;
            default:
                value = "";
                return Mismatch(ref reader, path, errors, "string");
        }
    }

    /// <summary>Reads <c>true</c>/<c>false</c>, or a string holding one of them in any case.</summary>
    public static bool TryReadBoolean(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out bool value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            case JsonTokenType.String:
                ReadOnlySpan<char> text = reader.GetString().AsSpan().Trim();
                if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    value = true;
                    return true;
                }

                if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    value = false;
                    return true;
                }

                break;
        }

        value = false;
        return Mismatch(ref reader, path, errors, "boolean");
    }

    /// <summary>
    /// How the current token is quoted in error messages: strings in quotes (cut at about 40 characters), numbers
    /// and literals as written, containers as "an object" / "an array".
    /// </summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String or JsonTokenType.PropertyName => Quote(reader.GetString() ?? ""),
        JsonTokenType.Number => RawText(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "nothing",
    };

    /// <summary>Quotes <paramref name="text"/> JSON-style, cut to about 40 characters with an ellipsis.</summary>
    internal static string Quote(string text)
    {
        int length = text.Length;
        bool cut = length > QuoteLimit;
        if (cut)
        {
            // Never split a surrogate pair: half an emoji cannot be written out.
            length = char.IsHighSurrogate(text[QuoteLimit - 1]) ? QuoteLimit - 1 : QuoteLimit;
        }

        var quoted = new StringBuilder(length + 4).Append('"');
        foreach (char c in text.AsSpan(0, length))
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append(cut ? "…\"" : "\"").ToString();
    }

    /// <summary>
    /// Adds the TypeMismatch error for the current token, skips its value and returns false, for <c>return Mismatch(...)</c>.
    /// </summary>
    private static bool Mismatch(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, string expected)
    {
        errors.Add(path, ResultErrorKind.TypeMismatch, $"expected {expected}, got {Describe(ref reader)}");
        reader.Skip();
        return false;
    }

    /// <summary>The token's bytes as written (numbers are never escaped, so this is their exact text).</summary>
    private static string RawText(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray()) : Encoding.UTF8.GetString(reader.ValueSpan);

    /// <summary>The text of a number token, or of a string token trimmed; false for anything else.</summary>
    private static bool TryGetNumberText(ref Utf8JsonReader reader, out string text)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                text = RawText(ref reader);
                return true;
            case JsonTokenType.String:
                text = reader.GetString()!.Trim();
                return true;
            default:
                text = "";
                return false;
        }
    }

    /// <summary>A string token's text, trimmed; false for anything else.</summary>
    private static bool TryGetTrimmedString(ref Utf8JsonReader reader, out string text)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            text = reader.GetString()!.Trim();
            return true;
        }

        text = "";
        return false;
    }
}
