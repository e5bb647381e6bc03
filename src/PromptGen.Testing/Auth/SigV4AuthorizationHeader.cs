using System;
using System.Collections.Generic;

namespace PromptGen.Testing.Auth;

/// <summary>
/// The parts of <c>AWS4-HMAC-SHA256 Credential=AKID/20250115/us-east-1/bedrock/aws4_request, SignedHeaders=a;b, Signature=hex</c>.
/// </summary>
internal sealed record SigV4AuthorizationHeader(
    string Algorithm,
    string AccessKeyId,
    string ScopeDate,
    string ScopeRegion,
    string ScopeService,
    string ScopeTerminator,
    string SignedHeadersText,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string SupportedAlgorithm = "AWS4-HMAC-SHA256";

    public string CredentialScope => $"{ScopeDate}/{ScopeRegion}/{ScopeService}/{ScopeTerminator}";

    /// <summary>Parses the header; on failure <paramref name="problem"/> says what is missing, in AWS's wording.</summary>
    public static SigV4AuthorizationHeader? TryParse(string value, out string? problem)
    {
        problem = null;
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        string algorithm = space < 0 ? value : value[..space];
        string rest = space < 0 ? string.Empty : value[(space + 1)..];

        string? credential = null, signedHeaders = null, signature = null;
        foreach (string rawPart in rest.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            string part = rawPart.Trim();
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            string name = part[..equals];
            string partValue = part[(equals + 1)..];
            switch (name)
            {
                case "Credential": credential = partValue; break;
                case "SignedHeaders": signedHeaders = partValue; break;
                case "Signature": signature = partValue; break;
            }
        }

        var missing = new List<string>();
        if (credential is null)
        {
            missing.Add("Authorization header requires 'Credential' parameter.");
        }

        if (signedHeaders is null)
        {
            missing.Add("Authorization header requires 'SignedHeaders' parameter.");
        }

        if (signature is null)
        {
            missing.Add("Authorization header requires 'Signature' parameter.");
        }

        if (missing.Count > 0)
        {
            problem = string.Join(" ", missing) + $" Authorization={value}";
            return null;
        }

        string[] scope = credential!.Split('/');
        if (scope.Length != 5 || Array.Exists(scope, string.IsNullOrEmpty))
        {
            problem = $"Credential should be of the form <AccessKeyId>/<date>/<region>/<service>/aws4_request; got '{credential}'.";
            return null;
        }

        return new SigV4AuthorizationHeader(
            algorithm,
            scope[0],
            scope[1],
            scope[2],
            scope[3],
            scope[4],
            signedHeaders!,
            signedHeaders!.Split(';'),
            signature!);
    }
}
