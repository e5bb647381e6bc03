using System;
using System.Diagnostics.CodeAnalysis;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using PromptGen.Bedrock.Authentication;

namespace PromptGen.Bedrock.Configuration;

/// <summary>
/// Profiles from <c>~/.aws/config</c> and <c>~/.aws/credentials</c> (or <c>AWS_CONFIG_FILE</c> and
/// <c>AWS_SHARED_CREDENTIALS_FILE</c>) through AWSSDK.Core, so SSO, assume-role and process profiles work as in
/// the AWS CLI.
/// </summary>
internal sealed class SharedConfigProfileSource : IAwsProfileSource
{
    public static SharedConfigProfileSource Default { get; } = new(null);

    private readonly string? _credentialsFilePath;

    /// <param name="credentialsFilePath">A credentials file to read instead of the default location; null for the default.</param>
    public SharedConfigProfileSource(string? credentialsFilePath)
    {
        _credentialsFilePath = credentialsFilePath;
    }

    public string? GetRegion(string profileName) =>
        TryGetProfile(profileName, out CredentialProfile? profile) ? profile.Region?.SystemName : null;

    public AWSCredentials? GetCredentials(string profileName)
    {
        if (!TryGetProfile(profileName, out CredentialProfile? profile))
        {
            return null;
        }

        try
        {
            return profile.GetAWSCredentials(profile.CredentialProfileStore);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new BedrockConfigurationException(
                $"The AWS profile '{profileName}' exists, but AWSSDK.Core cannot make credentials from it ({SafeErrorText.Describe(e)}).");
        }
    }

    private bool TryGetProfile(string profileName, [NotNullWhen(true)] out CredentialProfile? profile)
    {
        try
        {
            profile = new CredentialProfileStoreChain(_credentialsFilePath).TryGetProfile(profileName, out CredentialProfile found) ? found : null;
            return profile is not null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new BedrockConfigurationException(
                $"The shared AWS config files could not be read while looking up the profile '{profileName}' ({SafeErrorText.Describe(e)}).");
        }
    }
}
