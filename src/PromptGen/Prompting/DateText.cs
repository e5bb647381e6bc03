using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PromptGen.Prompting;

/// <summary>
/// Reads dates and date-times as models write them, without guessing: ISO 8601 forms always; a numeric date whose
/// day and month could be either way round (<c>04/07/2025</c>) is refused, one that reads only one way
/// (<c>25/04/2025</c>) is not; English month names in the usual orders. The rules are in docs/parsing.md.
/// </summary>
internal static partial class DateText
{
    /// <summary>What a date is asked for as, in refusals: the forms accepted, the first the one to use.</summary>
    public const string DateForms = "date as yyyy-MM-dd (or with the month in words, 7 April 2025)";

    public const string DateTimeForms = "date-time as yyyy-MM-ddTHH:mm:ss with an offset (2025-04-07T14:30:00+02:00) or Z";

    private static readonly string[] Months =
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    private static readonly string[] Weekdays = { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" };

    /// <summary>Reads a date; a date-time is accepted when its time is midnight (its offset is then irrelevant).</summary>
    /// <param name="text">The text, already trimmed.</param>
    /// <param name="date">The date read.</param>
    /// <param name="problem">Why the text is refused, when it is close to a date; null otherwise.</param>
    public static bool TryParseDate(string text, out DateOnly date, out string? problem)
    {
        if (!TryParse(text, out date, out TimeSpan? time, out _, out problem))
        {
            return false;
        }

        if (time is { } timeOfDay && timeOfDay != TimeSpan.Zero)
        {
            problem = "it has a time of day";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reads a date-time. Without an offset the kind is <see cref="DateTimeKind.Unspecified"/>; with <c>Z</c> it is
    /// <see cref="DateTimeKind.Utc"/>; another offset is applied, giving the same instant in UTC (never local time).
    /// A date alone is its midnight.
    /// </summary>
    public static bool TryParseDateTime(string text, out DateTime value, out string? problem)
    {
        value = default;
        if (!TryParse(text, out DateOnly date, out TimeSpan? time, out TimeSpan? offset, out problem))
        {
            return false;
        }

        DateTime local = date.ToDateTime(TimeOnly.MinValue).Add(time ?? TimeSpan.Zero);
        if (offset is not { } utcOffset)
        {
            value = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            return true;
        }

        long utcTicks = local.Ticks - utcOffset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            problem = "it is out of range";
            return false;
        }

        value = new DateTime(utcTicks, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Reads a date-time with its offset exactly as written (never converted); without one, UTC.</summary>
    public static bool TryParseDateTimeOffset(string text, out DateTimeOffset value, out string? problem)
    {
        value = default;
        if (!TryParse(text, out DateOnly date, out TimeSpan? time, out TimeSpan? offset, out problem))
        {
            return false;
        }

        try
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue).Add(time ?? TimeSpan.Zero), offset ?? TimeSpan.Zero);
            return true;
        }
        catch (ArgumentException)
        {
            problem = "it is out of range";
            return false;
        }
    }

    /// <summary>A date, then optionally a time of day (after <c>T</c>, a space or <c>at</c>) and an offset.</summary>
    private static bool TryParse(string text, out DateOnly date, out TimeSpan? time, out TimeSpan? offset, out string? problem)
    {
        time = null;
        offset = null;
        if (!TryParseDatePart(text, out date, out int end, out problem))
        {
            return false;
        }

        if (end == text.Length)
        {
            return true;
        }

        Match rest = TimePart().Match(text, end);
        if (!rest.Success)
        {
            return false;
        }

        if (!TryTime(rest, out TimeSpan timeOfDay, out problem))
        {
            return false;
        }

        time = timeOfDay;
        if (rest.Groups["zone"].Success)
        {
            if (!TryOffset(rest.Groups["zone"].Value, out TimeSpan utcOffset))
            {
                problem = "its offset is not one";
                return false;
            }

            offset = utcOffset;
        }

        return true;
    }

    private static bool TryParseDatePart(string text, out DateOnly date, out int end, out string? problem)
    {
        date = default;
        end = 0;
        problem = null;
        Match match;
        if ((match = IsoDate().Match(text)).Success)
        {
            end = match.Length;
            return TryDate(Number(match, "year"), Number(match, "month"), Number(match, "day"), out date, out problem);
        }

        if ((match = IsoWeekDate().Match(text)).Success)
        {
            end = match.Length;
            int year = Number(match, "year");
            int week = Number(match, "week");
            if (year < 1 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
            {
                problem = "there is no such week";
                return false;
            }

            try
            {
                date = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, (DayOfWeek)(Number(match, "weekday") % 7)));
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                problem = "there is no such week";
                return false;
            }
        }

        if ((match = IsoOrdinalDate().Match(text)).Success)
        {
            end = match.Length;
            int year = Number(match, "year");
            int day = Number(match, "day");
            if (year < 1 || day < 1 || day > (DateTime.IsLeapYear(year) ? 366 : 365))
            {
                problem = "there is no such day";
                return false;
            }

            date = new DateOnly(year, 1, 1).AddDays(day - 1);
            return true;
        }

        if ((match = DayMonthYear().Match(text)).Success)
        {
            end = match.Length;
            return TryDayAndMonth(match, out date, out problem);
        }

        if ((match = MonthInWords().Match(text)).Success)
        {
            end = match.Length;
            return TryMonthInWords(match, out date, out problem);
        }

        return false;
    }

    /// <summary><c>04/07/2025</c>: read only when day and month cannot be taken for each other.</summary>
    private static bool TryDayAndMonth(Match match, out DateOnly date, out string? problem)
    {
        date = default;
        string yearText = match.Groups["year"].Value;
        if (yearText.Length != 4)
        {
            problem = "its year has two digits";
            return false;
        }

        int first = Number(match, "first");
        int second = Number(match, "second");
        int year = int.Parse(yearText, CultureInfo.InvariantCulture);
        bool dayFirst = TryDate(year, second, first, out DateOnly dayMonth, out _);
        bool monthFirst = TryDate(year, first, second, out DateOnly monthDay, out _);
        if (dayFirst && monthFirst && dayMonth != monthDay)
        {
            problem = "its day and month could be either way round";
            return false;
        }

        if (!dayFirst && !monthFirst)
        {
            problem = "there is no such day";
            return false;
        }

        date = dayFirst ? dayMonth : monthDay;
        problem = null;
        return true;
    }

    private static bool TryMonthInWords(Match match, out DateOnly date, out string? problem)
    {
        date = default;
        problem = null;
        int month = MonthNumber(match.Groups["month"].Value);
        if (month == 0)
        {
            return false;
        }

        if (!TryDate(Number(match, "year"), month, Number(match, "day"), out date, out problem))
        {
            return false;
        }

        Group weekday = match.Groups["weekday"];
        if (weekday.Success)
        {
            int day = DayNumber(weekday.Value);
            if (day < 0)
            {
                return false;
            }

            if ((DayOfWeek)day != date.DayOfWeek)
            {
                problem = $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is a {date.DayOfWeek}, not a {(DayOfWeek)day}";
                return false;
            }
        }

        return true;
    }

    private static bool TryTime(Match match, out TimeSpan time, out string? problem)
    {
        time = default;
        problem = null;
        int hour = Number(match, "hour");
        int minute = Number(match, "minute");
        int second = match.Groups["second"].Success ? Number(match, "second") : 0;
        string fraction = match.Groups["fraction"].Value;
        if (match.Groups["half"].Success)
        {
            if (hour is < 1 or > 12)
            {
                problem = "its hour is not one of a 12-hour clock";
                return false;
            }

            bool pm = char.ToUpperInvariant(match.Groups["half"].Value[0]) == 'P';
            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            problem = "there is no such time of day";
            return false;
        }

        long ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0').AsSpan(0, 7), CultureInfo.InvariantCulture);
        time = new TimeSpan(0, hour, minute, second) + TimeSpan.FromTicks(ticks);
        return true;
    }

    private static bool TryOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is "Z" or "z" || zone.Equals("UTC", StringComparison.OrdinalIgnoreCase) || zone.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string digits = zone.Substring(1).Replace(":", "", StringComparison.Ordinal);
        int hours = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        int minutes = digits.Length > 2 ? int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date, out string? problem)
    {
        problem = null;
        if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
        }

        date = default;
        problem = "there is no such day";
        return false;
    }

    private static int MonthNumber(string word)
    {
        string lower = word.ToLowerInvariant();
        for (int i = 0; i < Months.Length; i++)
        {
            if (lower == Months[i] || (lower.Length == 3 && Months[i].StartsWith(lower, StringComparison.Ordinal)) || (lower == "sept" && i == 8))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static int DayNumber(string word)
    {
        string lower = word.ToLowerInvariant();
        for (int i = 0; i < Weekdays.Length; i++)
        {
            if (lower == Weekdays[i] || (lower.Length == 3 && Weekdays[i].StartsWith(lower, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    // 2025-04-07, 2025-4-7, 2025/04/07, 2025.04.07 and 20250407 (year first: never ambiguous).
    [GeneratedRegex(@"\G(?<year>[0-9]{4})(?:(?<sep>[-/.])(?<month>[0-9]{1,2})\k<sep>(?<day>[0-9]{1,2})|(?<month>[0-9]{2})(?<day>[0-9]{2}))(?![0-9/.-])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    // 2025-W15-1, 2025W151.
    [GeneratedRegex(@"\G(?<year>[0-9]{4})-?W(?<week>[0-9]{2})-?(?<weekday>[1-7])(?![0-9/.-])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWeekDate();

    // 2025-097.
    [GeneratedRegex(@"\G(?<year>[0-9]{4})-(?<day>[0-9]{3})(?![0-9/.-])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoOrdinalDate();

    // 04/07/2025, 4-7-2025, 07.04.2025, and two-digit years (refused).
    [GeneratedRegex(@"\G(?<first>[0-9]{1,2})(?<sep>[-/.])(?<second>[0-9]{1,2})\k<sep>(?<year>[0-9]{2}|[0-9]{4})(?![0-9/.-])", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    // [Monday, ] April 7[th], 2025 | 7[th] [of] April 2025 | 07-Apr-2025 | 2025-Apr-07 | 2025 April 7.
    [GeneratedRegex(
        @"\G(?:(?<weekday>[a-z]{3,9})\.?,?\s+)?(?:(?<month>[a-z]{3,9})\.?\s+(?<day>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?<year>[0-9]{4})"
        + @"|(?<day>[0-9]{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(?<month>[a-z]{3,9})\.?(?:,?\s+|-)(?<year>[0-9]{4})"
        + @"|(?<year>[0-9]{4})(?:\s+|-)(?<month>[a-z]{3,9})\.?(?:\s+|-)(?<day>[0-9]{1,2}))(?![0-9/.-])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthInWords();

    // T14:30, 14:30:15.5, at 2:30 PM, then an offset: Z, UTC, +02:00, +0200, +02.
    [GeneratedRegex(
        @"\G(?:[Tt]|,?\s+(?:at\s+)?)(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:[.,](?<fraction>[0-9]{1,7})[0-9]*)?)?"
        + @"(?:\s*(?<half>[AaPp])\.?[Mm]\.?)?\s*(?<zone>[Zz]|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimePart();
}
