using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock.Errors;

namespace PromptGen.Bedrock.Authentication;

/// <summary>
/// What one attempt needs to be authenticated, carried in the request's <see cref="HttpRequestMessage.Options"/> to
/// <see cref="RequestSigningHandler"/>, the innermost handler, which authenticates it just before the transport. Holds
/// no credential itself: the authenticator fetches them (again for every attempt) when asked.
/// </summary>
internal sealed class RequestAuthentication
{
    public static readonly HttpRequestOptionsKey<RequestAuthentication> Key = new("PromptGen.RequestAuthentication");

    private readonly IRequestAuthenticator _authenticator;
    private readonly byte[] _body;
    private volatile bool _authenticated;

    public RequestAuthentication(IRequestAuthenticator authenticator, byte[] body)
    {
        _authenticator = authenticator;
        _body = body;
    }

    /// <summary>Masks what the last authentication put on the request, wherever the service echoes it back.</summary>
    public RequestSecretRedactor Redactor { get; private set; } = RequestSecretRedactor.None;

    /// <summary>Whether the request has been authenticated, i.e. the signer was in the handler chain.</summary>
    public bool IsAuthenticated => _authenticated;

    /// <summary>
    /// Adds the credentials to <paramref name="request"/> (SigV4 with the time of this call, or the API key), replacing
    /// any from an earlier send of the same request.
    /// </summary>
    public async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _authenticator.AuthenticateAsync(request, _body, cancellationToken).ConfigureAwait(false);
        Redactor = RequestSecretRedactor.FromHeaders(request);
        _authenticated = true;
    }

    /// <summary>Takes the credential headers off a request that has been sent.</summary>
    public static void RemoveCredentials(HttpRequestMessage request)
    {
        request.Headers.Authorization = null;
        request.Headers.Remove(RequestSecretRedactor.SecurityTokenHeader);
    }

    /// <summary>Never the body or anything of the authenticator, should something print the request's options.</summary>
    public override string ToString() => nameof(RequestAuthentication);
}
