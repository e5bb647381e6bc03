using System;
using System.Globalization;
using System.Text.Json;
using PromptGen.Prompting;

namespace PromptGen.CompilerServices;

// Values that JSON carries as strings: dates and times, durations, GUIDs, URIs. Surrounding whitespace is ignored.
public abstract partial class JsonValueReaders
{
    private const DateTimeStyles DateStyles = DateTimeStyles.AllowWhiteSpaces;

    /// <summary>
    /// Reads an ISO 8601 date-time (<c>2024-03-05T14:30:00+01:00</c>; a space instead of <c>T</c> and other invariant
    /// forms also work). Without an offset, UTC is assumed.
    /// </summary>
    public static bool TryReadDateTimeOffset(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out DateTimeOffset value)
    {
        if (TryGetTrimmedString(ref reader, out string text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateStyles | DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        value = default;
        return Mismatch(ref reader, path, errors, "date-time");
    }

    /// <summary>Reads an ISO 8601 date-time; the kind follows the text (<c>Z</c> is UTC, no offset is unspecified).</summary>
    public static bool TryReadDateTime(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out DateTime value)
    {
        if (TryGetTrimmedString(ref reader, out string text)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateStyles | DateTimeStyles.RoundtripKind, out value))
        {
            return true;
        }

        value = default;
        return Mismatch(ref reader, path, errors, "date-time");
    }

    /// <summary>Reads a date, <c>2024-03-05</c> (other invariant forms such as <c>3/5/2024</c> also work).</summary>
    public static bool TryReadDateOnly(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out DateOnly value)
    {
        if (TryGetTrimmedString(ref reader, out string text)
            && (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                || DateOnly.TryParse(text, CultureInfo.InvariantCulture, DateStyles, out value)))
        {
            return true;
        }

        value = default;
        return Mismatch(ref reader, path, errors, "date");
    }

    /// <summary>Reads a time of day, <c>14:30</c>, <c>14:30:15.5</c> or <c>2:30 PM</c>.</summary>
    public static bool TryReadTimeOnly(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out TimeOnly value)
    {
        if (TryGetTrimmedString(ref reader, out string text)
            && TimeOnly.TryParse(text, CultureInfo.InvariantCulture, DateStyles, out value))
        {
            return true;
        }

        value = default;
        return Mismatch(ref reader, path, errors, "time");
    }

    /// <summary>
    /// Reads a duration: ISO 8601 (<c>PT1H30M</c>, <c>P2DT3H</c>, <c>P1W</c>; what JSON schema's <c>duration</c>
    /// format means) or .NET's <c>[-][d.]hh:mm[:ss[.fffffff]]</c>.
    /// </summary>
    public static bool TryReadTimeSpan(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out TimeSpan value)
    {
        if (TryGetTrimmedString(ref reader, out string text)
            && (IsoDuration.TryParse(text, out value) || TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value)))
        {
            return true;
        }

        value = default;
        return Mismatch(ref reader, path, errors, "duration");
    }

    /// <summary>Reads a GUID with or without hyphens or braces.</summary>
    public static bool TryReadGuid(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out Guid value)
    {
        if (TryGetTrimmedString(ref reader, out string text) && Guid.TryParse(text, out value))
        {
            return true;
        }

        value = default;
        return Mismatch(ref reader, path, errors, "GUID");
    }

    /// <summary>
    /// Reads an absolute URI. Relative ones are refused: almost any text is a valid relative URI, so accepting them
    /// would let prose through as a link.
    /// </summary>
    public static bool TryReadUri(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out Uri value)
    {
        if (TryGetTrimmedString(ref reader, out string text) && Uri.TryCreate(text, UriKind.Absolute, out Uri? uri))
        {
            value = uri;
            return true;
        }

        value = null!;
        return Mismatch(ref reader, path, errors, "absolute URI");
    }
}
