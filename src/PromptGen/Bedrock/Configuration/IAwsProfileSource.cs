using Amazon.Runtime;

namespace PromptGen.Bedrock.Configuration;

/// <summary>Reads named profiles of the shared AWS config files; a seam so tests need no files in the home directory.</summary>
internal interface IAwsProfileSource
{
    /// <summary>The profile's <c>region</c>, or null when the profile or its region does not exist.</summary>
    string? GetRegion(string profileName);

    /// <summary>The profile's credentials, or null when the profile does not exist.</summary>
    /// <exception cref="BedrockConfigurationException">The profile exists but holds no usable credentials.</exception>
    AWSCredentials? GetCredentials(string profileName);
}
