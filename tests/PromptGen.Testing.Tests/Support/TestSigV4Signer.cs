using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace PromptGen.Testing.Tests.Support;

/// <summary>How the test signer signs; the knobs reproduce the signing bugs the emulator must catch.</summary>
internal sealed record SigningOptions
{
    public string AccessKeyId { get; init; } = EmulatorCredentials.AccessKeyId;

    public string SecretAccessKey { get; init; } = EmulatorCredentials.SecretAccessKey;

    public string Region { get; init; } = "us-east-1";

    public string Service { get; init; } = "bedrock";

    public string? SessionToken { get; init; }

    public bool SignSessionToken { get; init; } = true;

    public bool SendContentSha256 { get; init; } = true;

    /// <summary>False reproduces the classic bug of signing the wire path without encoding it a second time.</summary>
    public bool DoubleEncodePath { get; init; } = true;

    /// <summary>Sign the host as HTTP/2's <c>:authority</c> pseudo-header, as the AWS SDK for JavaScript does over h2.</summary>
    public bool SignAuthority { get; init; }

    /// <summary>Headers to leave out of SignedHeaders (they are still sent).</summary>
    public IReadOnlyCollection<string> UnsignedHeaders { get; init; } = Array.Empty<string>();
}

/// <summary>
/// A SigV4 signer written separately from the emulator's verifier (different encoding and canonicalisation code), so a
/// bug shared by both cannot pass unnoticed; the wire spec's test vector pins it.
/// </summary>
internal static class TestSigV4Signer
{
    public static async Task SignAsync(HttpRequestMessage request, DateTimeOffset now, SigningOptions? options = null)
    {
        options ??= new SigningOptions();
        byte[] body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync();
        string amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string day = amzDate[..8];
        string payloadHash = Hex(SHA256.HashData(body));

        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (options.SendContentSha256)
        {
            request.Headers.Remove("X-Amz-Content-Sha256");
            request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", payloadHash);
        }

        if (options.SessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", options.SessionToken);
        }

        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [options.SignAuthority ? ":authority" : "host"] = request.Headers.Host ?? request.RequestUri!.Authority,
            ["x-amz-date"] = amzDate,
        };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signed["content-type"] = contentType.ToString();
        }

        if (options.SendContentSha256)
        {
            signed["x-amz-content-sha256"] = payloadHash;
        }

        if (options.SessionToken is not null && options.SignSessionToken)
        {
            signed["x-amz-security-token"] = options.SessionToken;
        }

        foreach (string name in options.UnsignedHeaders)
        {
            signed.Remove(name);
        }

        string path = request.RequestUri!.AbsolutePath;
        string canonicalPath = options.DoubleEncodePath
            ? string.Join("/", path.Split('/').Select(Uri.EscapeDataString))
            : path;
        string signedHeaders = string.Join(";", signed.Keys);
        string canonicalRequest =
            $"{request.Method.Method}\n{canonicalPath}\n\n{string.Concat(signed.Select(h => $"{h.Key}:{h.Value.Trim()}\n"))}\n{signedHeaders}\n{payloadHash}";

        string scope = $"{day}/{options.Region}/{options.Service}/aws4_request";
        string stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        byte[] kDate = Hmac(Encoding.UTF8.GetBytes("AWS4" + options.SecretAccessKey), day);
        byte[] kRegion = Hmac(kDate, options.Region);
        byte[] kService = Hmac(kRegion, options.Service);
        byte[] kSigning = Hmac(kService, "aws4_request");
        string signature = Hex(Hmac(kSigning, stringToSign));

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential={options.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static byte[] Hmac(byte[] key, string data)
    {
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(data));
    }

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
