using System;
using System.Globalization;
using System.Text.Json;

namespace PromptGen.CompilerServices;

public abstract partial class JsonValueReaders
{
    // Numbers in strings are read with the invariant culture: "3.5" is three and a half everywhere; "3,5" is not a number.
    private const NumberStyles IntegerStyles = NumberStyles.AllowLeadingSign;
    private const NumberStyles RealStyles = NumberStyles.Float;

    /// <summary>Reads an integer; <c>3.0</c> and <c>"1e3"</c> are accepted (they are whole), <c>3.5</c> is not.</summary>
    public static bool TryReadInt32(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out int value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value))
        {
            return true;
        }

        bool read = TryReadWhole(ref reader, path, errors, int.MinValue, int.MaxValue, out long whole);
        value = (int)whole;
        return read;
    }

    /// <summary>Reads an integer; <c>3.0</c> and <c>"1e3"</c> are accepted (they are whole), <c>3.5</c> is not.</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out long value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value))
        {
            return true;
        }

        return TryReadWhole(ref reader, path, errors, long.MinValue, long.MaxValue, out value);
    }

    /// <summary>Reads a finite double.</summary>
    public static bool TryReadDouble(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out double value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value) && double.IsFinite(value))
        {
            return true;
        }

        if (TryGetNumberText(ref reader, out string text)
            && double.TryParse(text, RealStyles, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value))
        {
            return true;
        }

        value = 0;
        return Mismatch(ref reader, path, errors, "number");
    }

    /// <summary>Reads a finite float (a value beyond its range is an error, not infinity).</summary>
    public static bool TryReadSingle(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out float value)
    {
        if (TryGetNumberText(ref reader, out string text)
            && float.TryParse(text, RealStyles, CultureInfo.InvariantCulture, out value)
            && float.IsFinite(value))
        {
            return true;
        }

        value = 0;
        return Mismatch(ref reader, path, errors, "number");
    }

    /// <summary>Reads a decimal, keeping every digit the model wrote (no detour through double).</summary>
    public static bool TryReadDecimal(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out decimal value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out value))
        {
            return true;
        }

        if (TryGetNumberText(ref reader, out string text)
            && decimal.TryParse(text, RealStyles, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        value = 0;
        return Mismatch(ref reader, path, errors, "number");
    }

    private static bool TryReadWhole(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, long min, long max, out long value)
    {
        value = 0;
        if (!TryGetNumberText(ref reader, out string text))
        {
            return Mismatch(ref reader, path, errors, "integer");
        }

        if (long.TryParse(text, IntegerStyles, CultureInfo.InvariantCulture, out long parsed))
        {
            if (parsed >= min && parsed <= max)
            {
                value = parsed;
                return true;
            }

            return OutOfRange(ref reader, path, errors, min, max);
        }

        // 3.0 or 1e3: a whole number written as a real one.
        if (decimal.TryParse(text, RealStyles, CultureInfo.InvariantCulture, out decimal real) && real == decimal.Truncate(real))
        {
            if (real >= min && real <= max)
            {
                value = (long)real;
                return true;
            }

            return OutOfRange(ref reader, path, errors, min, max);
        }

        // A number too large even for decimal is out of range; anything else is not an integer at all.
        if (double.TryParse(text, RealStyles, CultureInfo.InvariantCulture, out double huge) && Math.Abs(huge) >= 1e28)
        {
            return OutOfRange(ref reader, path, errors, min, max);
        }

        return Mismatch(ref reader, path, errors, "integer");
    }

    private static bool OutOfRange(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, long min, long max) =>
        Mismatch(ref reader, path, errors, FormattableString.Invariant($"integer between {min} and {max}"));
}
