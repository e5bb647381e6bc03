using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;

namespace PromptGen.Bedrock.Retries;

/// <summary>
/// Reads <c>Retry-After</c> from an error response, for every value a server may send:
/// <list type="bullet">
/// <item>seconds, of any size: HTTP's <c>delay-seconds</c> (digits), and a decimal fraction some proxies send. A value
/// too large for <see cref="TimeSpan"/> saturates at <see cref="TimeSpan.MaxValue"/>, so it is still longer than
/// any <see cref="BedrockRetryOptions.MaxDelay"/> and the error is raised at once;</item>
/// <item>an HTTP date: the time from now until then, zero for a date in the past, however far away it is;</item>
/// <item>anything else, a negative number included (not valid HTTP, and no wait can be read from it): ignored, as
/// if the header were absent, so the usual jittered back-off applies.</item>
/// </list>
/// </summary>
internal static class RetryAfterHeader
{
    private const string HeaderName = "Retry-After";

    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        // The raw values: HttpClient's typed RetryAfter reads seconds as an int and drops what does not fit.
        if (!response.Headers.NonValidated.TryGetValues(HeaderName, out HeaderStringValues values))
        {
            return null;
        }

        foreach (string value in values)
        {
            if (Parse(value, timeProvider.GetUtcNow()) is { } wait)
            {
                return wait;
            }
        }

        return null;
    }

    /// <summary>The wait one header value asks for, or null when it asks for none that can be read.</summary>
    internal static TimeSpan? Parse(string value, DateTimeOffset now)
    {
        ReadOnlySpan<char> text = value.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        if (IsSeconds(text))
        {
            return FromSeconds(text);
        }

        // HttpClient's parser for the date forms: IMF-fixdate and the obsolete ones recipients must accept.
        if (RetryConditionHeaderValue.TryParse(value, out RetryConditionHeaderValue? parsed) && parsed.Date is { } date)
        {
            TimeSpan wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Digits with at most one decimal point, at least one digit before it: no sign, no exponent, no "Infinity".</summary>
    private static bool IsSeconds(ReadOnlySpan<char> text)
    {
        bool point = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '.' && !point && i > 0)
            {
                point = true;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Exact to the tick; past <see cref="TimeSpan.MaxValue"/> (about 29,000 years), that.</summary>
    private static TimeSpan FromSeconds(ReadOnlySpan<char> digits)
    {
        const decimal MaxSeconds = (decimal)long.MaxValue / TimeSpan.TicksPerSecond;

        // The grammar is checked already, so a value decimal cannot hold is only ever one too large for it.
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal seconds) && seconds < MaxSeconds
            ? TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond))
            : TimeSpan.MaxValue;
    }
}
