using System;
using System.Globalization;
using System.Net.Http;

namespace PromptGen.Bedrock.Retries;

/// <summary>Reads <c>Retry-After</c> (delta-seconds or an HTTP date) from an error response.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                TimeSpan wait = date - timeProvider.GetUtcNow();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        // Fractional seconds are not valid HTTP but some proxies send them; HttpClient's parser rejects them.
        if (response.Headers.TryGetValues("Retry-After", out var values))
        {
            foreach (string value in values)
            {
                if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds)
                    && seconds is >= 0 and < 86_400)
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }

        return null;
    }
}
