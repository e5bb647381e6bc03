using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Bedrock.Authentication;

/// <summary>Bedrock API keys: <c>Authorization: Bearer</c> and nothing SigV4-related (wire spec §2).</summary>
internal sealed class BearerTokenAuthenticator : IRequestAuthenticator
{
    private readonly string _token;

    public BearerTokenAuthenticator(string token)
    {
        _token = token;
    }

    public ValueTask AuthenticateAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return ValueTask.CompletedTask;
    }
}
