using Amazon;
using Amazon.S3;
using PromptGen.Bedrock.Authentication;

namespace PromptGen.Batch;

/// <summary>
/// The S3 client a <see cref="BatchRunner"/> makes for itself from a <see cref="BedrockRuntimeClient"/>: the same
/// credentials and region; for a local endpoint (the emulator), the same endpoint with path-style addressing.
/// </summary>
internal static class BatchS3Client
{
    public static AmazonS3Client For(BedrockRuntimeClient runtime)
    {
        if (runtime.SigV4Credentials is not { } credentials || runtime.Region is not { } region)
        {
            throw new BedrockConfigurationException(
                "A batch run reads and writes S3, which a Bedrock API key cannot sign for: give the Bedrock client AWS credentials "
                + "(BedrockOptions.Credentials, a profile or the default chain), or pass your own IAmazonS3 to BatchRunner.");
        }

        var config = runtime.Endpoint.IsLoopback
            ? new AmazonS3Config { ServiceURL = runtime.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = region }
            : new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        return new AmazonS3Client(new ResolvedAwsCredentials(credentials), config);
    }
}
