using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Bedrock.Authentication;

/// <summary>Adds authentication to one outgoing attempt. Called again for every attempt, so a retry is re-signed.</summary>
internal interface IRequestAuthenticator
{
    /// <summary>
    /// Authenticates <c>request</c>, whose URI and signed headers are already set; <c>body</c> holds the exact bytes
    /// it will send.
    /// </summary>
    ValueTask AuthenticateAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken);
}
