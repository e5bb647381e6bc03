using System;
using System.Collections.Generic;
using System.Net.Http;
using PromptGen.Bedrock.Authentication;

namespace PromptGen.Bedrock.Errors;

/// <summary>
/// Masks the secrets a request carried wherever the service may echo them back. AWS's
/// <c>InvalidSignatureException</c> message quotes the canonical request, which holds the signed
/// <c>X-Amz-Security-Token</c>; a proxy's error page may quote the <c>Authorization</c> header.
/// </summary>
internal sealed class RequestSecretRedactor
{
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    private const string Mask = "***";

    // Shorter values could be ordinary words in a message; no real key or token is this short.
    private const int MinimumSecretLength = 8;

    private readonly List<string> _secrets = new();

    private RequestSecretRedactor()
    {
    }

    /// <summary>Masks nothing: a request that carried no credentials.</summary>
    public static RequestSecretRedactor None { get; } = new();

    /// <summary>
    /// The redactor for the credentials <paramref name="request"/> was sent with: recorded when it was authenticated
    /// (the signer takes the headers off again once the request has gone), else read from its headers.
    /// </summary>
    public static RequestSecretRedactor ForRequest(HttpRequestMessage request) =>
        request.Options.TryGetValue(RequestAuthentication.Key, out RequestAuthentication? authentication) && authentication.IsAuthenticated
            ? authentication.Redactor
            : FromHeaders(request);

    /// <summary>The credentials on <paramref name="request"/> now.</summary>
    public static RequestSecretRedactor FromHeaders(HttpRequestMessage request)
    {
        var redactor = new RequestSecretRedactor();
        if (request.Headers.TryGetValues("Authorization", out IEnumerable<string>? authorization))
        {
            foreach (string value in authorization)
            {
                redactor.Add(value);
                int space = value.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0)
                {
                    redactor.Add(value[(space + 1)..]);
                }
            }
        }

        if (request.Headers.TryGetValues(SecurityTokenHeader, out IEnumerable<string>? tokens))
        {
            foreach (string token in tokens)
            {
                redactor.Add(token);
            }
        }

        // Longest first, so a whole header value is masked before the token inside it.
        redactor._secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        return redactor;
    }

    public string Redact(string text)
    {
        foreach (string secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private void Add(string secret)
    {
        if (secret.Length >= MinimumSecretLength)
        {
            _secrets.Add(secret);
        }
    }
}
