using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PromptGen.Testing.Auth;

/// <summary>Rebuilds the SigV4 canonical request from what arrived on the wire.</summary>
internal static class CanonicalRequest
{
    public static string Build(IncomingRequest request, SigV4AuthorizationHeader authorization, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalUri(request.RawPath)).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (string name in authorization.SignedHeaders)
        {
            builder.Append(name.ToLowerInvariant()).Append(':').Append(CanonicalHeaderValue(request.HeaderValues(name))).Append('\n');
        }

        builder.Append('\n');
        builder.Append(authorization.SignedHeadersText).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>
    /// Every non-S3 service signs the path as sent with each segment encoded once more, so a wire <c>%3A</c> is
    /// signed as <c>%253A</c> (spec §2).
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        return string.Join('/', rawPath.Split('/').Select(SigV4Encoding.Encode));
    }

    public static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (string parameter in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = parameter.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? parameter : parameter[..equals];
            string value = equals < 0 ? string.Empty : parameter[(equals + 1)..];
            pairs.Add((SigV4Encoding.Encode(Uri.UnescapeDataString(name)), SigV4Encoding.Encode(Uri.UnescapeDataString(value))));
        }

        return string.Join('&', pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>Each occurrence trimmed with inner runs of spaces collapsed; occurrences joined by commas.</summary>
    public static string CanonicalHeaderValue(IReadOnlyList<string> values) =>
        string.Join(',', values.Select(CollapseSpaces));

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        bool previousWasSpace = false;
        foreach (char c in value.Trim())
        {
            bool isSpace = c == ' ';
            if (!(isSpace && previousWasSpace))
            {
                builder.Append(c);
            }

            previousWasSpace = isSpace;
        }

        return builder.ToString();
    }
}
