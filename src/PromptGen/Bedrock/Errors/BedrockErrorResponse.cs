using System;
using System.Text;
using System.Text.Json;

namespace PromptGen.Bedrock.Errors;

/// <summary>
/// What a non-2xx Bedrock response says about itself (wire spec §6): the error code from <c>x-amzn-ErrorType</c>,
/// else the body's <c>code</c>, else its <c>__type</c>; the message from <c>message</c> (or <c>Message</c>); and the
/// extra members of the modelled errors. A body that is not a JSON object (an HTML page from a proxy, an empty
/// body) yields no code and a short snippet of the body as the message.
/// </summary>
internal sealed class BedrockErrorResponse
{
    private const int SnippetLength = 200;

    private BedrockErrorResponse(string? code, string message)
    {
        Code = code;
        Message = message;
    }

    /// <summary>The sanitized error code, or null when the response named none.</summary>
    public string? Code { get; }

    public string Message { get; }

    public int? OriginalStatusCode { get; private init; }

    public string? ResourceName { get; private init; }

    public string? OriginalMessage { get; private init; }

    /// <summary>An error described by code and message alone, as an event stream's <c>:message-type error</c> frame is.</summary>
    public static BedrockErrorResponse FromCodeAndMessage(string? code, string? message) =>
        new(SanitizeErrorCode(code), string.IsNullOrEmpty(message) ? "(the error has no message)" : message);

    public static BedrockErrorResponse Parse(string? errorTypeHeader, byte[] body, string? reasonPhrase)
    {
        string? headerCode = SanitizeErrorCode(errorTypeHeader);
        JsonDocument? document = TryParseObject(body);
        if (document is null)
        {
            return new BedrockErrorResponse(headerCode, DescribeNonJsonBody(body, reasonPhrase));
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            string? code = headerCode ?? SanitizeErrorCode(StringMember(root, "code")) ?? SanitizeErrorCode(StringMember(root, "__type"));
            string message = StringMember(root, "message") ?? StringMember(root, "Message") ?? "(the error response has no message)";
            return new BedrockErrorResponse(code, message)
            {
                OriginalStatusCode = IntMember(root, "originalStatusCode"),
                ResourceName = StringMember(root, "resourceName"),
                OriginalMessage = StringMember(root, "originalMessage"),
            };
        }
    }

    /// <summary>
    /// <c>ThrottlingException:http://internal.amazon.com/...</c> and <c>com.amazon.coral#ValidationException</c>
    /// both mean the plain name: cut at the first comma, then at the first colon, then keep what follows a '#'.
    /// </summary>
    internal static string? SanitizeErrorCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        ReadOnlySpan<char> code = raw.AsSpan();
        int comma = code.IndexOf(',');
        if (comma >= 0)
        {
            code = code[..comma];
        }

        int colon = code.IndexOf(':');
        if (colon >= 0)
        {
            code = code[..colon];
        }

        int hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        code = code.Trim();
        return code.IsEmpty ? null : code.ToString();
    }

    private static JsonDocument? TryParseObject(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        // JsonDocument checks the structure but reads string contents lazily: invalid UTF-8 inside a string would
        // throw InvalidOperationException from GetString later. Found by fuzzing (an exception frame's message).
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body));
        }

        try
        {
            JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringMember(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\uD800") is valid JSON but not a valid string: keep the text as sent.
            string raw = value.GetRawText();
            return raw[1..^1];
        }
    }

    private static int? IntMember(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : null;

    private static string DescribeNonJsonBody(byte[] body, string? reasonPhrase)
    {
        string reason = string.IsNullOrWhiteSpace(reasonPhrase) ? "" : $" (HTTP reason: {reasonPhrase})";
        if (body.Length == 0)
        {
            return "The error response had an empty body" + reason + ".";
        }

        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, SnippetLength * 4));
        var snippet = new StringBuilder(SnippetLength + 1);
        bool lastWasSpace = false;
        foreach (char c in text)
        {
            if (snippet.Length == SnippetLength)
            {
                snippet.Append('…');
                break;
            }

            bool isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!isSpace || !lastWasSpace)
            {
                snippet.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        return $"The error response was not JSON{reason}: {snippet.ToString().Trim()}";
    }
}
