using System.Collections.Generic;
using Amazon.Runtime;
using PromptGen.Bedrock.Configuration;

namespace PromptGen.Tests.Bedrock.TestDoubles;

internal sealed class FakeProfileSource : IAwsProfileSource
{
    public Dictionary<string, string> Regions { get; } = new();

    public Dictionary<string, AWSCredentials> Credentials { get; } = new();

    public List<string> RegionLookups { get; } = new();

    public string? GetRegion(string profileName)
    {
        RegionLookups.Add(profileName);
        return Regions.TryGetValue(profileName, out string? region) ? region : null;
    }

    public AWSCredentials? GetCredentials(string profileName) =>
        Credentials.TryGetValue(profileName, out AWSCredentials? credentials) ? credentials : null;
}
