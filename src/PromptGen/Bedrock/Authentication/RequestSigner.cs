using System;
using System.Collections.Generic;
using System.Net.Http;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace PromptGen.Bedrock.Authentication;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> with SigV4 for Bedrock through AWSSDK.Core's standalone
/// <see cref="AWSSigV4Signer"/> (not <c>SigV4SigningHandler</c>, which throws and catches an exception on every
/// request). The signer canonicalizes the wire path by encoding each segment again, which is what Bedrock
/// expects: <c>%3A</c> on the wire is <c>%253A</c> in the canonical request.
/// </summary>
internal sealed class RequestSigner
{
    /// <summary>The SigV4 signing name of Bedrock Runtime: <c>bedrock</c>, not the endpoint prefix <c>bedrock-runtime</c>.</summary>
    public const string SigningName = "bedrock";

    private readonly RegionEndpoint _region;
    private readonly TimeProvider _timeProvider;

    public RequestSigner(string region, TimeProvider timeProvider)
    {
        _region = RegionEndpoint.GetBySystemName(region);
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Adds <c>Authorization</c>, <c>X-Amz-Date</c>, <c>X-Amz-Content-SHA256</c> and, for temporary credentials,
    /// <c>X-Amz-Security-Token</c>. Signs <c>host</c>, <c>Content-Type</c> and those <c>x-amz-*</c> headers.
    /// </summary>
    public void Sign(HttpRequestMessage request, byte[] body, ImmutableCredentials credentials)
    {
        var signingRequest = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)),
            Content = body,
        };

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signingRequest.Headers["Content-Type"] = contentType.ToString();
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = new FixedCredentials(credentials),
            Region = _region,
            Service = SigningName,
            SignedAt = _timeProvider.GetUtcNow().UtcDateTime,
        };

        AWSSigningResult result = AWSSigV4Signer.Sign(signingRequest, parameters);
        foreach (KeyValuePair<string, string> header in result.Headers)
        {
            request.Headers.Remove(header.Key);
            // Without validation: the Authorization value must go out byte for byte as signed.
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>
    /// Hands the signer credentials that were already fetched, so fetching (which can fail or be slow) and
    /// signing (which is pure computation) stay separate steps.
    /// </summary>
    private sealed class FixedCredentials : AWSCredentials
    {
        private readonly ImmutableCredentials _credentials;

        public FixedCredentials(ImmutableCredentials credentials)
        {
            _credentials = credentials;
        }

        public override ImmutableCredentials GetCredentials() => _credentials;
    }
}
