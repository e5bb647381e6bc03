using System;
using System.Text;
using System.Text.Json;

namespace PromptGen.Prompting;

/// <summary>
/// The fast path of <see cref="ModelJson"/>: most answers (always with native structured output and forced tools)
/// are already one strict JSON value. Those are checked with <see cref="Utf8JsonReader"/> and handed over as their
/// UTF-8 bytes, instead of being re-written token by token by the lenient parser.
/// </summary>
/// <remarks>
/// The bytes handed over must read exactly as the lenient parser's output would, so anything it would change is
/// left to it: a lone surrogate escape such as <c>\\uD800</c> (it writes U+FFFD; System.Text.Json cannot read one as a string) and text
/// before or after the value (fences and prose are its job).
/// </remarks>
internal static class StrictJson
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = LenientJsonParser.MaxDepth,
    };

    public static bool TryRead(string text, JsonRoot root, out byte[] utf8Json)
    {
        utf8Json = Array.Empty<byte>();
        ReadOnlySpan<char> value = text.AsSpan().Trim(" \t\r\n");
        if (value.IsEmpty || !(value[0] == '{' || (value[0] == '[' && root == JsonRoot.ObjectOrArray)))
        {
            return false;
        }

        if (HasLoneSurrogateEscape(value))
        {
            return false;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (!IsOneStrictValue(bytes))
        {
            return false;
        }

        utf8Json = bytes;
        return true;
    }

    private static bool IsOneStrictValue(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, Options);
        try
        {
            // Skipping the first token's value reads the whole object or array; a second Read must find only
            // whitespace (Utf8JsonReader throws on anything else after a complete top-level value).
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether a <c>\uXXXX</c> escape names half of a surrogate pair without the other half right after it
    /// (<c>\uD83D\uDE00</c> is fine, <c>\uD800</c> alone is not). Escapes are walked in pairs, so an escaped
    /// backslash followed by <c>u</c> is not mistaken for one.
    /// </summary>
    private static bool HasLoneSurrogateEscape(ReadOnlySpan<char> text)
    {
        int next = text.IndexOf('\\');
        if (next < 0)
        {
            return false;
        }

        for (int i = next; i < text.Length - 1; i++)
        {
            if (text[i] != '\\')
            {
                continue;
            }

            if (text[i + 1] != 'u')
            {
                i++; // \\, \", \n...: the escaped character cannot start another escape.
                continue;
            }

            if (!TryHex(text, i + 2, out int unit))
            {
                return false; // Not a valid escape: the strict reader rejects it anyway.
            }

            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return true;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 11 >= text.Length || text[i + 6] != '\\' || text[i + 7] != 'u'
                    || !TryHex(text, i + 8, out int low) || low is < 0xDC00 or > 0xDFFF)
                {
                    return true;
                }

                i += 11;
                continue;
            }

            i += 5;
        }

        return false;
    }

    private static bool TryHex(ReadOnlySpan<char> text, int start, out int value)
    {
        value = 0;
        if (start + 4 > text.Length)
        {
            return false;
        }

        return int.TryParse(text.Slice(start, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
