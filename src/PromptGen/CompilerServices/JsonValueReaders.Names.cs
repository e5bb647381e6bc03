using System;
using System.Text;
using System.Text.Json;
using PromptGen.Prompting;

namespace PromptGen.CompilerServices;

// Matching what the model wrote against names the code knows: enum members and object members.
public abstract partial class JsonValueReaders
{
    private const int ListedNamesLimit = 30;

    /// <summary>
    /// Matches a string against an enum's names (see <see cref="TryMatchEnum(ref Utf8JsonReader, JsonPath, ResultErrorList, ReadOnlySpan{string}, ReadOnlySpan{string}, out int)"/>
    /// for the rules); <paramref name="index"/> is the position in <paramref name="names"/>.
    /// </summary>
    public static bool TryMatchEnum(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, ReadOnlySpan<string> names, out int index) =>
        TryMatchEnum(ref reader, path, errors, names, ReadOnlySpan<string>.Empty, out index);

    /// <summary>
    /// Matches a string against an enum's names, written exactly (compared as UTF-8, without reading the string) or
    /// as the rules of <see cref="TryMatchEnum(ref Utf8JsonReader, JsonPath, ResultErrorList, ReadOnlySpan{string}, ReadOnlySpan{string}, out int)"/>
    /// allow; <paramref name="index"/> is the position in <paramref name="names"/>.
    /// </summary>
    public static bool TryMatchEnum(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, JsonNames names, out int index)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            index = names.FindExact(ref reader);
            if (index >= 0)
            {
                return true;
            }
        }

        return TryMatchEnum(ref reader, path, errors, names.AsSpan(), ReadOnlySpan<string>.Empty, out index);
    }

    /// <summary>
    /// Matches a string against an enum's names. <paramref name="wireNames"/>, when not empty, runs parallel to
    /// <paramref name="names"/> and holds the name the schema showed the model (null or empty where it is the C#
    /// name); both are accepted. Matching ignores case, surrounding whitespace, quotes and punctuation, and treats
    /// <c>_</c>, <c>-</c> and spaces between words as optional: <c>"in progress"</c>, <c>"IN_PROGRESS"</c> and
    /// <c>"In-Progress."</c> all match <c>InProgress</c>. A case-insensitive exact match wins over a loose one; a
    /// loose match to two names is an error rather than a guess. A value that matches nothing is skipped.
    /// </summary>
    public static bool TryMatchEnum(
        ref Utf8JsonReader reader,
        JsonPath path,
        ResultErrorList errors,
        ReadOnlySpan<string> names,
        ReadOnlySpan<string> wireNames,
        out int index)
    {
        index = -1;
        if (reader.TokenType == JsonTokenType.String)
        {
            ReadOnlySpan<char> written = LooseNames.TrimDecoration(reader.GetString().AsSpan());
            if (written.Length > 0)
            {
                index = FindExact(written, names, wireNames);
                if (index >= 0)
                {
                    return true;
                }

                int matches = FindLoose(written, names, wireNames, out index);
                if (matches == 1)
                {
                    return true;
                }

                if (matches > 1)
                {
                    index = -1;
                    errors.Add(path, ResultErrorKind.UnknownEnumValue,
                        $"{Describe(ref reader)} is ambiguous: expected exactly one of {ListNames(names, wireNames)}");
                    return false;
                }
            }
        }

        errors.Add(path, ResultErrorKind.UnknownEnumValue, $"expected one of {ListNames(names, wireNames)}, got {Describe(ref reader)}");
        reader.Skip();
        return false;
    }

    /// <summary>
    /// Whether the property name under the reader is <paramref name="expectedName"/> as a model may spell it:
    /// <c>first_name</c>, <c>FirstName</c>, <c>first-name</c> and <c>firstName</c> are all <c>firstName</c>.
    /// </summary>
    public static bool MemberNameEquals(ref Utf8JsonReader reader, string expectedName)
    {
        if (reader.ValueTextEquals(expectedName))
        {
            return true;
        }

        // The common case, a short unescaped ASCII name, is compared without allocating.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length <= 128 && IsAscii(reader.ValueSpan))
        {
            ReadOnlySpan<byte> bytes = reader.ValueSpan;
            Span<char> chars = stackalloc char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return LooseNames.Equal(chars, expectedName);
        }

        return LooseNames.Equal(reader.GetString().AsSpan(), expectedName);
    }

    private static int FindExact(ReadOnlySpan<char> written, ReadOnlySpan<string> names, ReadOnlySpan<string> wireNames)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (written.Equals(names[i], StringComparison.OrdinalIgnoreCase)
                || (WireName(wireNames, i) is { } wire && written.Equals(wire, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindLoose(ReadOnlySpan<char> written, ReadOnlySpan<string> names, ReadOnlySpan<string> wireNames, out int index)
    {
        index = -1;
        int matches = 0;
        for (int i = 0; i < names.Length; i++)
        {
            if (LooseNames.Equal(written, names[i]) || (WireName(wireNames, i) is { } wire && LooseNames.Equal(written, wire)))
            {
                index = i;
                matches++;
            }
        }

        return matches;
    }

    private static string? WireName(ReadOnlySpan<string> wireNames, int i) =>
        i < wireNames.Length && !string.IsNullOrEmpty(wireNames[i]) ? wireNames[i] : null;

    /// <summary>The names as the schema showed them to the model, so a repair message repeats the same words.</summary>
    private static string ListNames(ReadOnlySpan<string> names, ReadOnlySpan<string> wireNames)
    {
        var list = new StringBuilder();
        for (int i = 0; i < names.Length && i < ListedNamesLimit; i++)
        {
            list.Append(i == 0 ? "" : ", ").Append(WireName(wireNames, i) ?? names[i]);
        }

        if (names.Length > ListedNamesLimit)
        {
            list.Append(", …");
        }

        return list.ToString();
    }

    private static bool IsAscii(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b >= 0x80)
            {
                return false;
            }
        }

        return true;
    }
}
