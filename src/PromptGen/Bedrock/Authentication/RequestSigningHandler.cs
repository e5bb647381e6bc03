using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Bedrock.Authentication;

/// <summary>
/// Authenticates PromptGen's requests as the last step before the transport. It wraps the primary handler, so every
/// other handler of the <see cref="HttpClient"/> (IHttpClientFactory's logging, an application's own handlers and
/// <c>IHttpClientLogger</c>s) runs outside it and never sees a credential; after the transport has answered (or
/// failed) it takes the credential headers off again, so nothing that looks at the request later finds them either
/// (docs/reliability.md, "Credentials never leave the signer"). A request without PromptGen's
/// <see cref="RequestAuthentication"/> passes through untouched.
/// </summary>
internal sealed class RequestSigningHandler : DelegatingHandler
{
    public RequestSigningHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RequestAuthentication.Key, out RequestAuthentication? authentication))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            // Signed here, at every send: a handler outside that sends the request again gets a fresh signature.
            await authentication.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The transport has written the headers by the time it returns the response headers.
            RequestAuthentication.RemoveCredentials(request);
        }
    }
}
