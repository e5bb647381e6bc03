using System;

namespace PromptGen;

/// <summary>
/// The client cannot be set up or cannot authenticate from what it was given: no region, no credentials, an
/// endpoint that contradicts FIPS or dual-stack, an unreadable profile. The message says what to set; it never
/// contains a secret.
/// </summary>
public sealed class BedrockConfigurationException : BedrockException
{
    public BedrockConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Bedrock could not be reached, or the connection broke before a whole response arrived (DNS, TLS, refused or
/// reset connections). <see cref="Exception.InnerException"/> is the <see cref="System.Net.Http.HttpRequestException"/>
/// (or <see cref="System.IO.IOException"/>) that said so.
/// </summary>
public sealed class BedrockConnectionException : BedrockException
{
    public BedrockConnectionException(Uri endpoint, string message, Exception? innerException)
        : base(message, innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>The Bedrock Runtime endpoint the client was talking to.</summary>
    public Uri Endpoint { get; }
}

/// <summary>
/// A call did not complete within its time limit: <see cref="BedrockOptions.Timeout"/>, or the
/// <see cref="System.Net.Http.HttpClient.Timeout"/> of a caller-supplied client, whichever is shorter.
/// <see cref="Exception.InnerException"/> is a <see cref="TimeoutException"/>. Cancellation through the caller's
/// own token is not a timeout: it surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class BedrockTimeoutException : BedrockException
{
    public BedrockTimeoutException(Uri endpoint, TimeSpan timeout, Exception? innerException = null)
        : base($"The call to Bedrock Runtime at {endpoint} did not complete within {timeout.TotalSeconds:0.###} s.", new TimeoutException("The HTTP request timed out.", innerException))
    {
        Endpoint = endpoint;
        Timeout = timeout;
    }

    public Uri Endpoint { get; }

    /// <summary>The time limit that expired.</summary>
    public TimeSpan Timeout { get; }
}
