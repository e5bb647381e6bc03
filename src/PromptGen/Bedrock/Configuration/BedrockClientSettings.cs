using System;

namespace PromptGen.Bedrock.Configuration;

/// <summary>
/// Where and how the client talks to Bedrock, once options, environment and profile are combined. A plain class,
/// not a record: a record's generated ToString would print the bearer token.
/// </summary>
internal sealed class BedrockClientSettings
{
    public BedrockClientSettings(Uri endpoint, string? region, string? bearerToken)
    {
        Endpoint = endpoint;
        Region = region;
        BearerToken = bearerToken;
    }

    public Uri Endpoint { get; }

    /// <summary>Null only with bearer authentication and a custom endpoint, the one case that needs no region.</summary>
    public string? Region { get; }

    /// <summary>The Bedrock API key; null means SigV4.</summary>
    public string? BearerToken { get; }
}
