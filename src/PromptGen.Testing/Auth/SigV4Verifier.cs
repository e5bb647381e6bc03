using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing.Auth;

/// <summary>The outcome of checking a SigV4 request: whether the signature arithmetic holds, and the first rule broken.</summary>
internal sealed record SigV4Verification(bool SignatureValid, EmulatorError? Error);

/// <summary>
/// Verifies AWS Signature Version 4 the way the service does: it rebuilds the canonical request from the bytes that
/// arrived, so a client that signs something other than what it sends is caught.
/// </summary>
internal sealed class SigV4Verifier
{
    /// <summary>Bedrock Runtime signs as <c>bedrock</c>, not <c>bedrock-runtime</c> (spec §1).</summary>
    public const string ServiceName = "bedrock";

    private const string ScopeTerminator = "aws4_request";
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly IReadOnlyDictionary<string, string> _secretsByAccessKey;
    private readonly string _region;
    private readonly TimeSpan _maxClockSkew;
    private readonly TimeProvider _clock;

    public SigV4Verifier(IReadOnlyDictionary<string, string> secretsByAccessKey, string region, TimeSpan maxClockSkew, TimeProvider clock)
    {
        _secretsByAccessKey = secretsByAccessKey;
        _region = region;
        _maxClockSkew = maxClockSkew;
        _clock = clock;
    }

    public SigV4Verification Verify(IncomingRequest request, SigV4AuthorizationHeader authorization)
    {
        string? amzDate = request.SingleHeader("x-amz-date");
        string payloadHash = Convert.ToHexString(SHA256.HashData(request.Body)).ToLowerInvariant();

        bool signatureValid = false;
        if (_secretsByAccessKey.TryGetValue(authorization.AccessKeyId, out string? secret) && amzDate is not null)
        {
            string expected = ComputeSignature(secret, authorization, request, amzDate, payloadHash);
            signatureValid = HexEquals(expected, authorization.Signature);
        }

        EmulatorError? error = FirstBrokenRule(request, authorization, amzDate, payloadHash, secret is not null, signatureValid);
        return new SigV4Verification(signatureValid, error);
    }

    /// <summary>The SigV4 signature, lowercase hex, for the given secret and the request as it arrived.</summary>
    public static string ComputeSignature(string secret, SigV4AuthorizationHeader authorization, IncomingRequest request, string amzDate, string payloadHash)
    {
        string canonicalRequest = CanonicalRequest.Build(request, authorization, payloadHash);
        string stringToSign = string.Join('\n',
            SigV4AuthorizationHeader.SupportedAlgorithm,
            amzDate,
            authorization.CredentialScope,
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))).ToLowerInvariant());

        byte[] key = Encoding.UTF8.GetBytes("AWS4" + secret);
        foreach (string scopePart in new[] { authorization.ScopeDate, authorization.ScopeRegion, authorization.ScopeService, authorization.ScopeTerminator })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scopePart));
        }

        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();
    }

    private EmulatorError? FirstBrokenRule(
        IncomingRequest request, SigV4AuthorizationHeader authorization, string? amzDate, string payloadHash, bool keyKnown, bool signatureValid)
    {
        if (authorization.Algorithm != SigV4AuthorizationHeader.SupportedAlgorithm)
        {
            return EmulatorErrors.IncompleteSignature($"Unsupported AWS 'algorithm': '{authorization.Algorithm}'.");
        }

        if (authorization.ScopeTerminator != ScopeTerminator)
        {
            return EmulatorErrors.InvalidSignature($"Credential should be scoped with a valid terminator: '{ScopeTerminator}', not '{authorization.ScopeTerminator}'.");
        }

        if (!keyKnown)
        {
            return EmulatorErrors.UnrecognizedClient();
        }

        if (authorization.ScopeService != ServiceName)
        {
            return EmulatorErrors.InvalidSignature($"Credential should be scoped to correct service: '{ServiceName}'. ");
        }

        if (authorization.ScopeRegion != _region)
        {
            return EmulatorErrors.InvalidSignature($"Credential should be scoped to a valid region, not '{authorization.ScopeRegion}'. This emulator serves '{_region}'.");
        }

        if (amzDate is null)
        {
            return EmulatorErrors.IncompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (!DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset signedAt))
        {
            return EmulatorErrors.IncompleteSignature($"X-Amz-Date must use the ISO-8601 basic format yyyyMMddTHHmmssZ; got '{amzDate}'.");
        }

        if (!amzDate.StartsWith(authorization.ScopeDate, StringComparison.Ordinal) || authorization.ScopeDate.Length != 8)
        {
            return EmulatorErrors.InvalidSignature(
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.ScopeDate}' != '{amzDate[..8]}', from '{amzDate}'.");
        }

        var signed = new HashSet<string>(authorization.SignedHeaders, StringComparer.OrdinalIgnoreCase);
        if (!signed.Contains("host") && !signed.Contains(":authority"))
        {
            return EmulatorErrors.InvalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        if (!signed.Contains("x-amz-date"))
        {
            return EmulatorErrors.InvalidSignature("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        }

        if (request.SingleHeader("x-amz-security-token") is not null && !signed.Contains("x-amz-security-token"))
        {
            return EmulatorErrors.InvalidSignature("'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
        }

        string? declaredPayloadHash = request.SingleHeader("x-amz-content-sha256");
        if (declaredPayloadHash is not null && !string.Equals(declaredPayloadHash.Trim(), payloadHash, StringComparison.OrdinalIgnoreCase))
        {
            return EmulatorErrors.InvalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        if (ClockSkewError(amzDate, signedAt) is { } skewError)
        {
            return skewError;
        }

        return signatureValid ? null : EmulatorErrors.SignatureMismatch();
    }

    private EmulatorError? ClockSkewError(string amzDate, DateTimeOffset signedAt)
    {
        // A skew of a century or more cannot be told from "off", and would overflow the date arithmetic below.
        if (_maxClockSkew == Timeout.InfiniteTimeSpan || _maxClockSkew >= TimeSpan.FromDays(36500))
        {
            return null;
        }

        DateTimeOffset now = _clock.GetUtcNow();
        string minutes = _maxClockSkew.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        if (signedAt < now - _maxClockSkew)
        {
            return EmulatorErrors.InvalidSignature(
                $"Signature expired: {amzDate} is now earlier than {Format(now - _maxClockSkew)} ({Format(now)} - {minutes} min.)");
        }

        if (signedAt > now + _maxClockSkew)
        {
            return EmulatorErrors.InvalidSignature(
                $"Signature not yet current: {amzDate} is still later than {Format(now + _maxClockSkew)} ({Format(now)} + {minutes} min.)");
        }

        return null;
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    private static bool HexEquals(string expectedLowerHex, string provided)
    {
        if (provided.Length != expectedLowerHex.Length || !provided.All(Uri.IsHexDigit))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(expectedLowerHex), Convert.FromHexString(provided));
    }
}
