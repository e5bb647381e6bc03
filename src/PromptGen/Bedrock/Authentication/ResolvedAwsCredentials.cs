using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace PromptGen.Bedrock.Authentication;

/// <summary>
/// A Bedrock client's credentials as an AWSSDK.Core <see cref="AWSCredentials"/>, for an AWS SDK client (S3) that must
/// sign with exactly what the Bedrock client signs with, found the same way and refreshed the same way.
/// </summary>
internal sealed class ResolvedAwsCredentials : AWSCredentials
{
    private readonly AwsCredentialsResolver _resolver;

    public ResolvedAwsCredentials(AwsCredentialsResolver resolver) => _resolver = resolver;

    public override ImmutableCredentials GetCredentials() => _resolver.GetCurrentAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => _resolver.GetCurrentAsync(CancellationToken.None).AsTask();
}
