using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using PromptGen.Batch;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Batch;

/// <summary>An emulator with a bucket, and the three clients a batch run needs, pointed at it.</summary>
public sealed class BatchEmulatorFixture : IAsyncLifetime
{
    public const string Bucket = "batch-bucket";
    public const string RoleArn = "arn:aws:iam::123456789012:role/BedrockBatch";

    public BedrockEmulator Emulator { get; private set; } = null!;

    public BedrockRuntimeClient Runtime { get; private set; } = null!;

    public BedrockBatchClient ControlPlane { get; private set; } = null!;

    public AmazonS3Client S3 { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Emulator = await BedrockEmulator.StartAsync();
        Emulator.Batch.CreateBucket(Bucket);
        Runtime = CreateRuntime();
        ControlPlane = new BedrockBatchClient(Runtime);
        S3 = CreateS3();
    }

    public BedrockRuntimeClient CreateRuntime() => new(new BedrockOptions
    {
        Region = "us-east-1",
        Endpoint = Emulator.Endpoint,
        Credentials = Credentials,
    });

    public AmazonS3Client CreateS3() => new(Credentials, new AmazonS3Config
    {
        ServiceURL = Emulator.Endpoint.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
    });

    private static BasicAWSCredentials Credentials => new(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);

    public async ValueTask DisposeAsync()
    {
        S3.Dispose();
        Runtime.Dispose();
        await Emulator.DisposeAsync();
    }
}
