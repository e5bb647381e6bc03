using System;
using System.Globalization;

namespace PromptGen.Bedrock.Errors;

/// <summary>
/// Keeps a service's message to a length that belongs in an exception and a log line. Bedrock's own messages are a
/// few hundred characters; a proxy or a broken endpoint can send megabytes, which must not become a
/// megabyte-long <see cref="System.Exception.Message"/>.
/// </summary>
internal static class ServiceMessageText
{
    /// <summary>The most characters of a service message an exception quotes.</summary>
    public const int MaxLength = 2048;

    // Secrets are masked before cutting, so a secret straddling the cut is not left half visible; only this much
    // past the cut is searched, which covers any credential or token a request carries.
    private const int RedactionMargin = 8 * 1024;

    /// <summary><paramref name="message"/> with the request's secrets masked, cut to <see cref="MaxLength"/> characters.</summary>
    public static string Prepare(string message, RequestSecretRedactor redactor)
    {
        string head = message.Length > MaxLength + RedactionMargin ? message[..(MaxLength + RedactionMargin)] : message;
        return Truncate(redactor.Redact(head), message.Length);
    }

    /// <summary>Cuts <paramref name="text"/> to <see cref="MaxLength"/> characters, saying how long the whole was.</summary>
    public static string Truncate(string text, int originalLength)
    {
        if (text.Length <= MaxLength && originalLength <= MaxLength)
        {
            return text;
        }

        int cut = Math.Min(MaxLength, text.Length);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // never split a surrogate pair
        }

        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, cut)}… (cut to {MaxLength:N0} of {originalLength:N0} characters)");
    }
}
