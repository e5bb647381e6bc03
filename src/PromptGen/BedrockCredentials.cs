using System;
using Amazon.Runtime;

namespace PromptGen;

/// <summary>
/// Explicit AWS credentials for <see cref="BedrockOptions.Credentials"/>, without naming AWS SDK types. Most
/// applications need none of this: the default AWS credential chain (environment, profile, SSO, container or
/// instance role) is used when no credentials are set.
/// </summary>
public static class BedrockCredentials
{
    /// <summary>An access key pair, with the session token of temporary credentials.</summary>
    /// <param name="accessKeyId">The access key id, e.g. <c>AKIA…</c> or <c>ASIA…</c>.</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token of temporary (STS) credentials; null for long-term keys.</param>
    /// <exception cref="ArgumentException">The key id or the secret is null, empty or white space.</exception>
    public static AWSCredentials FromAccessKey(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        if (string.IsNullOrWhiteSpace(accessKeyId))
        {
            throw new ArgumentException("An access key id is required.", nameof(accessKeyId));
        }

        if (string.IsNullOrWhiteSpace(secretAccessKey))
        {
            throw new ArgumentException("A secret access key is required.", nameof(secretAccessKey));
        }

        return string.IsNullOrEmpty(sessionToken)
            ? new BasicAWSCredentials(accessKeyId, secretAccessKey)
            : new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken);
    }
}
