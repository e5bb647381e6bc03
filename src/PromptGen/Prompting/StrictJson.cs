using System;
using System.Buffers.Text;

namespace PromptGen.Prompting;

/// <summary>What strict JSON System.Text.Json reads, yet cannot hand over as text.</summary>
internal static class StrictJson
{
    /// <summary>
    /// Whether UTF-8 JSON holds a <c>\uXXXX</c> escape naming half of a surrogate pair without the other half right
    /// after it (<c>\uD83D\uDE00</c> is fine, <c>\uD800</c> alone is not): valid JSON, but not text. Escapes are
    /// walked in pairs, so an escaped backslash followed by <c>u</c> is not mistaken for one.
    /// </summary>
    public static bool HasLoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        int next = json.IndexOf((byte)'\\');
        if (next < 0)
        {
            return false;
        }

        for (int i = next; i < json.Length - 1; i++)
        {
            if (json[i] != '\\')
            {
                continue;
            }

            if (json[i + 1] != 'u')
            {
                i++; // \\, \", \n...: the escaped character cannot start another escape.
                continue;
            }

            if (!TryHex(json, i + 2, out int unit))
            {
                return false; // Not a valid escape: the strict reader rejects it anyway.
            }

            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return true;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 11 >= json.Length || json[i + 6] != '\\' || json[i + 7] != 'u'
                    || !TryHex(json, i + 8, out int low) || low is < 0xDC00 or > 0xDFFF)
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

    private static bool TryHex(ReadOnlySpan<byte> json, int start, out int value)
    {
        value = 0;
        return start + 4 <= json.Length
            && Utf8Parser.TryParse(json.Slice(start, 4), out value, out int consumed, 'X')
            && consumed == 4;
    }
}
