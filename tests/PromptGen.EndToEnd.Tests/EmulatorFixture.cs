using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>A fresh emulator and a signed client pointed at it, per test.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private readonly BedrockEmulatorOptions? _options;

    public EmulatorFixture(BedrockEmulatorOptions? options = null) => _options = options;

    public BedrockEmulator Emulator { get; private set; } = null!;

    public BedrockRuntimeClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Emulator = await BedrockEmulator.StartAsync(_options);
        Client = CreateClient(new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey));
    }

    public BedrockRuntimeClient CreateClient(AWSCredentials credentials) => new(new BedrockOptions
    {
        Region = "us-east-1",
        Endpoint = Emulator.Endpoint,
        Credentials = credentials,
    });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
