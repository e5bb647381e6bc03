using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PromptGen.CompilerServices;

/// <summary>
/// Constraint checks the generated parser runs after reading a value. Each adds a
/// <see cref="ResultErrorKind.ConstraintViolation"/> worded for the model ("must be at most 5, got 7"). A null value
/// passes every check: whether null is allowed is the parser's business, not the constraint's.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResultValidation
{
    /// <summary>Model output is untrusted input to a regex; a pathological pattern/input pair must not hang a call.</summary>
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="min"/> ≤ <paramref name="value"/> ≤ <paramref name="max"/>; pass
    /// <see cref="double.NegativeInfinity"/> or <see cref="double.PositiveInfinity"/> for an open side.
    /// </summary>
    public static void Range(ResultErrorList errors, JsonPath path, double value, double min, double max)
    {
        if (value >= min && value <= max)
        {
            return;
        }

        string got = value.ToString("R", CultureInfo.InvariantCulture);
        errors.Add(path, ResultErrorKind.ConstraintViolation, (double.IsNegativeInfinity(min), double.IsPositiveInfinity(max)) switch
        {
            (false, false) => $"must be between {Format(min)} and {Format(max)}, got {got}",
            (false, true) => $"must be at least {Format(min)}, got {got}",
            (true, false) => $"must be at most {Format(max)}, got {got}",
            _ => $"must be a finite number, got {got}",
        });
    }

    /// <summary>
    /// The string's length in Unicode characters (code points, as JSON schema's minLength/maxLength count them, so
    /// an emoji is one); -1 for no bound.
    /// </summary>
    public static void Length(ResultErrorList errors, JsonPath path, string? value, int min, int max)
    {
        if (value is null)
        {
            return;
        }

        int length = CountCodePoints(value);
        if (Outside(length, min, max))
        {
            errors.Add(path, ResultErrorKind.ConstraintViolation, Bounds(min, max, "character") + $", got {length}");
        }
    }

    /// <summary>The number of items in a collection; -1 for no bound.</summary>
    public static void Count(ResultErrorList errors, JsonPath path, int count, int min, int max)
    {
        if (Outside(count, min, max))
        {
            errors.Add(path, ResultErrorKind.ConstraintViolation, Bounds(min, max, "item") + $", got {count}");
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> contains a match of <paramref name="pattern"/> (JSON schema semantics:
    /// unanchored unless the pattern anchors itself). Each pattern is compiled once and cached; a match that takes
    /// longer than a second counts as a violation.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is not a valid regular expression.</exception>
    public static void Pattern(ResultErrorList errors, JsonPath path, string? value, string pattern)
    {
        if (value is null)
        {
            return;
        }

        // The interpreter, not RegexOptions.Compiled: it works the same under Native AOT, where nothing can be emitted.
        Regex regex = Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, PatternTimeout));
        bool matches;
        try
        {
            matches = regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            errors.Add(path, ResultErrorKind.ConstraintViolation, $"could not be checked against the pattern {pattern} in time, got {JsonValueReaders.Quote(value)}");
            return;
        }

        if (!matches)
        {
            errors.Add(path, ResultErrorKind.ConstraintViolation, $"must match the pattern {pattern}, got {JsonValueReaders.Quote(value)}");
        }
    }

    private static bool Outside(int value, int min, int max) => (min >= 0 && value < min) || (max >= 0 && value > max);

    private static string Bounds(int min, int max, string unit) => (min >= 0, max >= 0) switch
    {
        (true, true) when min == max => $"must have exactly {Plural(min, unit)}",
        (true, true) => $"must have between {min} and {Plural(max, unit)}",
        (true, false) => $"must have at least {Plural(min, unit)}",
        _ => $"must have at most {Plural(max, unit)}",
    };

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    private static string Format(double bound) => bound.ToString("R", CultureInfo.InvariantCulture);

    private static int CountCodePoints(string value)
    {
        int count = 0;
        foreach (Rune _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
