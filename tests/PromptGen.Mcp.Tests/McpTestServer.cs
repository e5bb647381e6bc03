using System;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PromptGen.Testing;

namespace PromptGen.Mcp.Tests;

/// <summary>
/// The C# SDK's MCP server, configured through DI as an app would (<c>AddMcpServer()</c> and PromptGen's
/// <c>With*</c> calls), with the app's Bedrock runtime pointed at the in-process emulator, connected to the SDK's MCP
/// client over in-memory pipes.
/// </summary>
internal sealed class McpTestServer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;
    private readonly BedrockRuntimeClient _bedrock;

    private McpTestServer(BedrockEmulator emulator, BedrockRuntimeClient bedrock, SignalingBedrockRuntime runtime, ServiceProvider services, CancellationTokenSource stop, Task running, McpClient client)
    {
        Emulator = emulator;
        _bedrock = bedrock;
        Bedrock = runtime;
        _services = services;
        _stop = stop;
        _running = running;
        Client = client;
    }

    public BedrockEmulator Emulator { get; }

    public SignalingBedrockRuntime Bedrock { get; }

    public McpClient Client { get; }

    /// <summary>Starts the emulator, the server (configured by <paramref name="serve"/>) and the client.</summary>
    public static async Task<McpTestServer> StartAsync(Action<IMcpServerBuilder> serve, bool withBedrock = true)
    {
        BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        var bedrock = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        });
        var runtime = new SignalingBedrockRuntime(bedrock);

        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var services = new ServiceCollection();
        if (withBedrock)
        {
            services.AddSingleton<IBedrockRuntime>(runtime);
        }

        IMcpServerBuilder builder = services
            .AddMcpServer(options => options.ServerInfo = new() { Name = "promptgen-tests", Version = "1.0.0" })
            .WithStreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream());
        serve(builder);
        ServiceProvider provider = services.BuildServiceProvider();

        var stop = new CancellationTokenSource();
        Task running = provider.GetRequiredService<McpServer>().RunAsync(stop.Token);
        McpClient client = await McpClient.CreateAsync(new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()));
        return new McpTestServer(emulator, bedrock, runtime, provider, stop, running, client);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        await _services.DisposeAsync();
        _bedrock.Dispose();
        await Emulator.DisposeAsync();
    }
}
