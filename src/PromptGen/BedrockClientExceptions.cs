using System;

namespace PromptGen;

/// <summary>
/// The client cannot be set up or cannot authenticate from what it was given: no region, no credentials, an
/// endpoint that contradicts FIPS or dual-stack, an unreadable profile. The message says what to set; it never
/// contains a secret.
/// </summary>
public sealed class BedrockConfigurationException : BedrockException
{
    /// <summary>Creates the error with what to set.</summary>
    /// <param name="message">What is missing or contradictory, and what to set; never a secret.</param>
    /// <param name="innerException">The error that caused this one (an unreadable profile file, say), if any.</param>
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
    /// <summary>Creates the error for a failed connection to <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The Bedrock Runtime endpoint the client was talking to.</param>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The transport error, if any.</param>
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
/// <see cref="System.Net.Http.HttpClient.Timeout"/> of a caller-supplied client, whichever is shorter; for a stream
/// also <see cref="BedrockOptions.StreamTimeout"/> (the whole stream) or <see cref="BedrockOptions.StreamIdleTimeout"/>
/// (the wait for the next event), which the message names.
/// <see cref="Exception.InnerException"/> is a <see cref="TimeoutException"/>. Cancellation through the caller's
/// own token is not a timeout: it surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class BedrockTimeoutException : BedrockException
{
    /// <summary>Creates the error for a call to <paramref name="endpoint"/> that exceeded <paramref name="timeout"/>.</summary>
    /// <param name="endpoint">The Bedrock Runtime endpoint the call went to.</param>
    /// <param name="timeout">The time limit that expired.</param>
    /// <param name="innerException">The error the expiry surfaced as (a <see cref="System.Threading.Tasks.TaskCanceledException"/>, say), if any.</param>
    public BedrockTimeoutException(Uri endpoint, TimeSpan timeout, Exception? innerException = null)
        : base($"The call to Bedrock Runtime at {endpoint} did not complete within {timeout.TotalSeconds:0.###} s.", new TimeoutException("The HTTP request timed out.", innerException))
    {
        Endpoint = endpoint;
        Timeout = timeout;
    }

    /// <summary>The error for a stream's limits, whose message says which one expired.</summary>
    internal BedrockTimeoutException(Uri endpoint, TimeSpan timeout, string message, Exception? innerException)
        : base(message, new TimeoutException("The HTTP request timed out.", innerException))
    {
        Endpoint = endpoint;
        Timeout = timeout;
    }

    /// <summary>The Bedrock Runtime endpoint the call went to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The time limit that expired.</summary>
    public TimeSpan Timeout { get; }
}
