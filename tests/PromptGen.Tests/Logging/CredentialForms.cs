using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PromptGen.Tests.Logging;

/// <summary>
/// A credential and every form a log sink could write it in: raw, JSON-escaped (System.Text.Json's default escaping
/// of <c>+</c> as <c>\u002B</c>, and <c>\/</c> for <c>/</c> as some JSON writers do), base64 and base64url of its
/// UTF-8 bytes, URL-encoded (either hex case, <c>+</c> or <c>%20</c> for spaces); and, for values long enough to be
/// cut, the 16-character pieces of it, so that a truncated copy is found too.
/// </summary>
internal sealed class CredentialForms
{
    private const int PieceLength = 16;

    private readonly List<(string Form, string Text, StringComparison Comparison)> _forms = new();

    /// <param name="name">What the credential is, for the failure message.</param>
    /// <param name="value">The credential.</param>
    /// <param name="knownPrefix">A public prefix (<c>bedrock-api-key-</c>, <c>AWS4-HMAC-SHA256 </c>) not to look for on its own.</param>
    public CredentialForms(string name, string value, string knownPrefix = "")
    {
        Name = name;
        Value = value;
        Add("raw", value, StringComparison.Ordinal);
        string defaultJson = JsonEncodedText.Encode(value).ToString();
        Add("JSON-escaped", defaultJson, StringComparison.Ordinal);
        Add("JSON-escaped, relaxed", JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), StringComparison.Ordinal);
        Add("JSON-escaped with \\/", defaultJson.Replace("/", "\\/", StringComparison.Ordinal), StringComparison.Ordinal);
        Add("JSON-escaped, relaxed, with \\/", JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString().Replace("/", "\\/", StringComparison.Ordinal), StringComparison.Ordinal);
        string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        Add("base64", base64, StringComparison.Ordinal);
        Add("base64 without padding", base64.TrimEnd('='), StringComparison.Ordinal);
        Add("base64url", base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'), StringComparison.Ordinal);
        Add("URL-encoded", Uri.EscapeDataString(value), StringComparison.OrdinalIgnoreCase);
        Add("form-URL-encoded", WebUtility.UrlEncode(value), StringComparison.OrdinalIgnoreCase);

        string secretPart = value.StartsWith(knownPrefix, StringComparison.Ordinal) ? value[knownPrefix.Length..] : value;
        if (secretPart.Length >= 2 * PieceLength)
        {
            for (int start = 0; start + PieceLength <= secretPart.Length; start += PieceLength)
            {
                Add($"piece at {start}", secretPart.Substring(start, PieceLength), StringComparison.Ordinal);
            }
        }
    }

    public string Name { get; }

    public string Value { get; }

    /// <summary>Every form of the credential found in <paramref name="entry"/>, as "form in JSON|plain text".</summary>
    public IEnumerable<string> FindIn(SerializedEntry entry)
    {
        foreach ((string form, string text, StringComparison comparison) in _forms)
        {
            if (entry.Json.Contains(text, comparison))
            {
                yield return $"{Name} ({form}) in the JSON";
            }

            if (entry.Plain.Contains(text, comparison))
            {
                yield return $"{Name} ({form}) in the values";
            }
        }
    }

    /// <summary>Every credential form found in any entry, with the entry it is in.</summary>
    public static IReadOnlyList<CredentialLeak> Leaks(IEnumerable<CredentialForms> credentials, IEnumerable<SerializedEntry> entries)
    {
        CredentialForms[] all = credentials.ToArray();
        var leaks = new List<CredentialLeak>();
        foreach (SerializedEntry entry in entries)
        {
            foreach (CredentialForms credential in all)
            {
                foreach (string found in credential.FindIn(entry))
                {
                    leaks.Add(new CredentialLeak(credential.Name, found, entry));
                }
            }
        }

        return leaks;
    }

    /// <summary>A failure message: how many leaks of which credential in which capture and category, then a few in full.</summary>
    public static string Describe(IReadOnlyList<CredentialLeak> leaks)
    {
        IEnumerable<string> summary = leaks
            .GroupBy(l => (l.Credential, l.Entry.Source, l.Entry.Category))
            .Select(g => $"  {g.Count(),5} × {g.Key.Credential} via [{g.Key.Source}] {g.Key.Category}");
        return $"{leaks.Count} credential forms in the logs:\n{string.Join("\n", summary)}\n\nFor example:\n" +
            string.Join("\n\n", leaks.DistinctBy(l => l.Entry.Category).Take(3).Select(l => $"{l.Form}: {l.Entry.Json}"));
    }

    private void Add(string form, string text, StringComparison comparison)
    {
        if (!_forms.Any(f => f.Text == text && f.Comparison == comparison))
        {
            _forms.Add((form, text, comparison));
        }
    }
}

/// <summary>A credential found in a log entry.</summary>
internal sealed record CredentialLeak(string Credential, string Form, SerializedEntry Entry);
