using System;
using System.ComponentModel;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace PromptGen.EndToEnd.Tests.Mcp;

/// <summary>
/// A real MCP server (the official C# SDK) with two tools, connected to a real MCP client over in-memory pipes: the
/// client's tools are what an app hands a prompt method.
/// </summary>
internal sealed class McpToolServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    private McpToolServer(CancellationTokenSource stop, Task running, McpClient client, ToolSignals signals)
    {
        _stop = stop;
        _running = running;
        Client = client;
        Signals = signals;
    }

    public McpClient Client { get; }

    public ToolSignals Signals { get; }

    public static async Task<McpToolServer> StartAsync(string name)
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var signals = new ToolSignals();
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = name, Version = "1.0.0" },
            ToolCollection =
            [
                McpServerTool.Create(
                    [Description("Today's weather forecast for a city.")] (string city) =>
                        city == "Paris" ? $"Rain, 14 °C in {city} ({name})" : throw new McpException($"No station reports for {city}."),
                    new McpServerToolCreateOptions { Name = "get_forecast" }),
                McpServerTool.Create(
                    [Description("Looks something up slowly.")] async (string query, CancellationToken cancellationToken) =>
                    {
                        signals.SlowLookupStarted.TrySetResult();
                        try
                        {
                            await Task.Delay(Timeout.Infinite, cancellationToken);
                        }
                        catch (OperationCanceledException)
                        {
                            signals.SlowLookupCancelled.TrySetResult();
                            throw;
                        }

                        return query;
                    },
                    new McpServerToolCreateOptions { Name = "slow_lookup" }),
            ],
        };

        var stop = new CancellationTokenSource();
        McpServer server = McpServer.Create(new StreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream()), options);
        Task running = server.RunAsync(stop.Token);
        McpClient client = await McpClient.CreateAsync(new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()));
        return new McpToolServer(stop, running, client, signals);
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
    }

    /// <summary>What the server saw of <c>slow_lookup</c>.</summary>
    internal sealed class ToolSignals
    {
        public TaskCompletionSource SlowLookupStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SlowLookupCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
