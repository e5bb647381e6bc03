using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace PromptGen.Bedrock.Authentication;

/// <summary>SigV4: fetches the current credentials and signs the attempt with them.</summary>
internal sealed class SigV4Authenticator : IRequestAuthenticator
{
    private readonly AwsCredentialsResolver _credentials;
    private readonly RequestSigner _signer;

    public SigV4Authenticator(AwsCredentialsResolver credentials, RequestSigner signer)
    {
        _credentials = credentials;
        _signer = signer;
    }

    /// <summary>Where the credentials come from, for other AWS clients that must use the same ones (S3 for batch runs).</summary>
    public AwsCredentialsResolver Credentials => _credentials;

    public async ValueTask AuthenticateAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken)
    {
        ImmutableCredentials credentials = await _credentials.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        _signer.Sign(request, body, credentials);
    }
}
