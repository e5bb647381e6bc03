using System;
using System.Globalization;

namespace PromptGen.Prompting;

/// <summary>
/// ISO 8601 durations with a fixed length: <c>PnW</c>, or <c>PnDTnHnMnS</c> (any part optional, seconds may have
/// a fraction, a leading <c>-</c> negates). Years and months are refused: their length depends on the calendar.
/// </summary>
internal static class IsoDuration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        ReadOnlySpan<char> s = text.AsSpan();
        bool negative = s.Length > 0 && s[0] == '-';
        if (negative)
        {
            s = s.Slice(1);
        }

        if (s.Length < 2 || (s[0] != 'P' && s[0] != 'p'))
        {
            return false;
        }

        s = s.Slice(1);
        double seconds = 0;
        bool inTime = false;
        bool anyPart = false;
        char lastUnit = '\0';
        while (s.Length > 0)
        {
            if (s[0] is 'T' or 't')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                s = s.Slice(1);
                continue;
            }

            int digits = 0;
            while (digits < s.Length && (char.IsAsciiDigit(s[digits]) || s[digits] is '.' or ','))
            {
                digits++;
            }

            if (digits == 0 || digits == s.Length)
            {
                return false;
            }

            string number = s.Slice(0, digits).ToString().Replace(',', '.');
            if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double amount))
            {
                return false;
            }

            char unit = char.ToUpperInvariant(s[digits]);
            double unitSeconds = (inTime, unit) switch
            {
                (false, 'W') => 7 * 86400,
                (false, 'D') => 86400,
                (true, 'H') => 3600,
                (true, 'M') => 60,
                (true, 'S') => 1,
                _ => 0,
            };
            if (unitSeconds == 0 || unit == lastUnit)
            {
                return false;
            }

            lastUnit = unit;
            seconds += amount * unitSeconds;
            anyPart = true;
            s = s.Slice(digits + 1);
        }

        if (!anyPart || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond) * (negative ? -1 : 1));
        return true;
    }
}
