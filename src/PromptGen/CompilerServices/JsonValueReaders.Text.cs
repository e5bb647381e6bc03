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
    /// Reads a date-time: ISO 8601 (<c>2024-03-05T14:30:00+01:00</c>, a space instead of <c>T</c>, a date alone) or a
    /// date with the month in words; the offset is kept exactly as written, and without one UTC is assumed. A numeric
    /// date whose day and month could be either way round (<c>04/07/2025</c>) is refused (see docs/parsing.md).
    /// </summary>
    public static bool TryReadDateTimeOffset(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out DateTimeOffset value)
    {
        string? problem = null;
        if (TryGetTrimmedString(ref reader, out string text) && DateText.TryParseDateTimeOffset(text, out value, out problem))
        {
            return true;
        }

        value = default;
        return DateMismatch(ref reader, path, errors, DateText.DateTimeForms, text, problem);
    }

    /// <summary>
    /// Reads a date-time as <see cref="TryReadDateTimeOffset"/> does. Without an offset the kind is unspecified; with
    /// <c>Z</c> it is UTC, and another offset gives the same instant in UTC (never the machine's local time).
    /// </summary>
    public static bool TryReadDateTime(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out DateTime value)
    {
        string? problem = null;
        if (TryGetTrimmedString(ref reader, out string text) && DateText.TryParseDateTime(text, out value, out problem))
        {
            return true;
        }

        value = default;
        return DateMismatch(ref reader, path, errors, DateText.DateTimeForms, text, problem);
    }

    /// <summary>
    /// Reads a date: ISO 8601 (<c>2024-03-05</c>; a date-time whose time is midnight, <c>2024-03-05T00:00:00Z</c>),
    /// or with the month in words (<c>5 March 2024</c>, <c>March 5, 2024</c>). A numeric date whose day and month could
    /// be either way round (<c>04/07/2025</c>) is refused; one that reads only one way (<c>25/04/2025</c>) is not.
    /// </summary>
    public static bool TryReadDateOnly(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out DateOnly value)
    {
        string? problem = null;
        if (TryGetTrimmedString(ref reader, out string text) && DateText.TryParseDate(text, out value, out problem))
        {
            return true;
        }

        value = default;
        return DateMismatch(ref reader, path, errors, DateText.DateForms, text, problem);
    }

    /// <summary>The mismatch of a date that was refused, saying why when it is close to one (<c>…: its day and month could be either way round</c>).</summary>
    private static bool DateMismatch(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, string expected, string text, string? problem)
    {
        if (problem is null || text.Length == 0)
        {
            return Mismatch(ref reader, path, errors, expected);
        }

        errors.Add(path, ResultErrorKind.TypeMismatch, $"expected {expected}, got {Describe(ref reader)}: {problem}");
        reader.Skip();
        return false;
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
