using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace PromptGen.Tests.Bedrock.TestDoubles;

/// <summary>
/// Recomputes a SigV4 signature from what was received, written from the SigV4 rules without AWSSDK.Core, so
/// tests do not check the signer against itself. Non-S3 rule: every segment of the wire path is encoded again.
/// </summary>
internal static class IndependentSigV4Verifier
{
    public static string ExpectedAuthorization(
        string method, string wirePath, IReadOnlyDictionary<string, string> headers, byte[] body,
        string accessKey, string secretKey, string region, string service)
    {
        string amzDate = headers["X-Amz-Date"];
        string date = amzDate[..8];
        string signedHeaders = SignedHeaderNames(headers["Authorization"]);
        string canonicalHeaders = string.Concat(signedHeaders.Split(';').Select(name => $"{name}:{headers[name].Trim()}\n"));
        string canonicalRequest = string.Join('\n',
            method,
            string.Join('/', wirePath.Split('/').Select(EncodeAgain)),
            "",
            canonicalHeaders,
            signedHeaders,
            Hex(SHA256.HashData(body)));
        string scope = $"{date}/{region}/{service}/aws4_request";
        string stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        byte[] key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        string signature = Hex(Hmac(key, stringToSign));
        return $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    private static string SignedHeaderNames(string authorization)
    {
        const string marker = "SignedHeaders=";
        int start = authorization.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return authorization[start..authorization.IndexOf(',', start)];
    }

    private static string EncodeAgain(string segment)
    {
        var encoded = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(segment))
        {
            char c = (char)b;
            bool unreserved = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';
            encoded.Append(unreserved ? c.ToString() : $"%{b:X2}");
        }

        return encoded.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
