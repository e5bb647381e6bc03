using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock.Authentication;

namespace PromptGen.Bedrock.Configuration;

/// <summary>
/// Where the client looks for what the options leave out: environment variables, shared config profiles and
/// AWSSDK.Core's default credential chain. Tests pass their own; production uses <see cref="Process"/>.
/// </summary>
internal sealed class AwsEnvironment
{
    public AwsEnvironment(
        Func<string, string?> getVariable,
        IAwsProfileSource profiles,
        Func<CancellationToken, Task<AWSCredentials?>> defaultCredentialChain)
    {
        GetVariable = getVariable;
        Profiles = profiles;
        DefaultCredentialChain = defaultCredentialChain;
    }

    public static AwsEnvironment Process { get; } =
        new(Environment.GetEnvironmentVariable, SharedConfigProfileSource.Default, AwsCredentialsResolver.DefaultChainAsync);

    public Func<string, string?> GetVariable { get; }

    public IAwsProfileSource Profiles { get; }

    public Func<CancellationToken, Task<AWSCredentials?>> DefaultCredentialChain { get; }
}
