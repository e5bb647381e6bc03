using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PromptGen.CompilerServices;

/// <summary>
/// What kind of JSON scalar a <see cref="JsonScalar"/> is.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum JsonScalarKind
{
    /// <summary>A string, unescaped.</summary>
    String,
    /// <summary>A number, as the model wrote it.</summary>
    Number,
    /// <summary><c>true</c> (or a model's <c>True</c>).</summary>
    True,
    /// <summary><c>false</c> (or a model's <c>False</c>).</summary>
    False,
    /// <summary><c>null</c> (or a model's <c>None</c>).</summary>
    Null,
}

/// <summary>
/// One complete scalar read by <see cref="IncrementalJsonReader"/>: a string (unescaped), a number (as written),
/// <c>true</c>, <c>false</c> or <c>null</c> (models' <c>True</c>, <c>None</c>... already mapped).
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonScalar
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Creates a scalar of <paramref name="kind"/> whose text is <paramref name="text"/>.</summary>
    /// <param name="kind">What kind of scalar it is.</param>
    /// <param name="text">The string's value or the number's text; ignored for the literals.</param>
    public JsonScalar(JsonScalarKind kind, string text)
    {
        Kind = kind;
        Text = text ?? "";
    }

    /// <summary>What kind of scalar it is.</summary>
    public JsonScalarKind Kind { get; }

    /// <summary>The string's value, or the number as the model wrote it; empty for the literals.</summary>
    public string Text { get; }

    /// <summary>Whether the scalar is <c>null</c>.</summary>
    public bool IsNull => Kind == JsonScalarKind.Null;

    /// <summary>
    /// The scalar as strict UTF-8 JSON, so the generated readers of the non-streaming path (the same
    /// <c>JsonValueReaders</c>) convert it with the same rules: numbers in strings, enum spellings...
    /// </summary>
    public byte[] ToStrictJson()
    {
        // The common cases, written directly: this runs once per scalar of a streamed answer.
        switch (Kind)
        {
            case JsonScalarKind.True:
                return Encoding.UTF8.GetBytes("true");
            case JsonScalarKind.False:
                return Encoding.UTF8.GetBytes("false");
            case JsonScalarKind.Null:
                return Encoding.UTF8.GetBytes("null");
            case JsonScalarKind.Number when IsStrictNumber(Text):
                return Encoding.UTF8.GetBytes(Text);
            case JsonScalarKind.String when NeedsNoEscaping(Text):
                byte[] quoted = new byte[Encoding.UTF8.GetByteCount(Text) + 2];
                quoted[0] = (byte)'"';
                Encoding.UTF8.GetBytes(Text, 0, Text.Length, quoted, 1);
                quoted[^1] = (byte)'"';
                return quoted;
        }

        var buffer = new ArrayBufferWriter<byte>(Text.Length + 8);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            switch (Kind)
            {
                case JsonScalarKind.String:
                    writer.WriteStringValue(WithoutLoneSurrogates(Text));
                    break;
                case JsonScalarKind.Number:
                    WriteNumber(writer, Text);
                    break;
                case JsonScalarKind.True:
                    writer.WriteBooleanValue(true);
                    break;
                case JsonScalarKind.False:
                    writer.WriteBooleanValue(false);
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The scalar as JSON-like text for messages: strings quoted, numbers as written, literals lower-case.</summary>
    public override string ToString() => Kind switch
    {
        JsonScalarKind.String => "\"" + Text + "\"",
        JsonScalarKind.Number => Text,
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A number token models wrote (<c>+1</c>, <c>.5</c>, <c>1.</c>) that strict JSON does not allow is passed on as
    /// a string, which the number readers accept too.
    /// </summary>
    private static void WriteNumber(Utf8JsonWriter writer, string text)
    {
        if (IsStrictNumber(text))
        {
            writer.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    private static bool IsStrictNumber(string text)
    {
        int i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        int integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        int integerDigits = i - integerStart;
        if (integerDigits == 0 || (integerDigits > 1 && text[integerStart] == '0'))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            int fractionStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == fractionStart)
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            int exponentStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool NeedsNoEscaping(string text)
    {
        foreach (char c in text)
        {
            if (c < ' ' || c is '"' or '\\' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string WithoutLoneSurrogates(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                return ReplaceLoneSurrogates(text);
            }
        }

        return text;
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        char[] chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
