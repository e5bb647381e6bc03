using System;
using System.Collections.Generic;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing.Auth;

/// <summary>Picks the scheme from the Authorization header and applies its rules: SigV4 or a Bedrock API key (Bearer).</summary>
internal sealed class RequestAuthenticator
{
    private readonly SigV4Verifier _sigV4;
    private readonly IReadOnlySet<string> _bearerTokens;

    public RequestAuthenticator(SigV4Verifier sigV4, IReadOnlySet<string> bearerTokens)
    {
        _sigV4 = sigV4;
        _bearerTokens = bearerTokens;
    }

    public AuthenticationResult Authenticate(IncomingRequest request)
    {
        string? authorization = request.SingleHeader("authorization")?.Trim();
        if (string.IsNullOrEmpty(authorization))
        {
            return AuthenticationResult.Refused(AuthSchemes.None, EmulatorErrors.MissingAuthenticationToken());
        }

        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            string token = authorization["Bearer ".Length..].Trim();
            return _bearerTokens.Contains(token)
                ? new AuthenticationResult(AuthSchemes.Bearer, Array.Empty<string>(), false, null)
                : AuthenticationResult.Refused(AuthSchemes.Bearer, EmulatorErrors.BearerTokenRejected());
        }

        if (!authorization.StartsWith("AWS4-", StringComparison.Ordinal))
        {
            return AuthenticationResult.Refused(
                AuthSchemes.Unsupported,
                EmulatorErrors.IncompleteSignature($"Authorization header must use AWS4-HMAC-SHA256 or Bearer. Authorization={authorization}"));
        }

        SigV4AuthorizationHeader? parsed = SigV4AuthorizationHeader.TryParse(authorization, out string? problem);
        if (parsed is null)
        {
            return AuthenticationResult.Refused(AuthSchemes.SigV4, EmulatorErrors.IncompleteSignature(problem!));
        }

        SigV4Verification verification = _sigV4.Verify(request, parsed);
        return new AuthenticationResult(AuthSchemes.SigV4, parsed.SignedHeaders, verification.SignatureValid, verification.Error);
    }
}
