using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Runtime;
using AspNetApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PromptGen.Testing;

namespace PromptGen.AspNetApi.Tests;

/// <summary>
/// The sample app on a real Kestrel port of 127.0.0.1, configured the way it would be in production (command-line
/// configuration over its appsettings.json) to call the emulator with the emulator's test credentials.
/// </summary>
internal sealed class TicketApiHost : IAsyncDisposable
{
    private TicketApiHost(BedrockEmulator emulator, WebApplication app, CapturedLogs logs, HttpClient client)
    {
        Emulator = emulator;
        App = app;
        Logs = logs;
        Client = client;
    }

    public BedrockEmulator Emulator { get; }

    public WebApplication App { get; }

    public CapturedLogs Logs { get; }

    /// <summary>A plain HttpClient on the app's real address.</summary>
    public HttpClient Client { get; }

    public static async Task<TicketApiHost> StartAsync()
    {
        BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        var logs = new CapturedLogs();
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--contentRoot={AppContext.BaseDirectory}",
            $"--PromptGen:Endpoint={emulator.Endpoint}",
            // One attempt, so a scripted throttling error reaches the endpoint at once instead of being retried.
            "--PromptGen:Retry:MaxAttempts=1",
        ];
        WebApplication app = TicketApi.Build(args, builder =>
        {
            // Credentials are never configuration values; an app sets them in code or leaves them to the AWS chain.
            builder.Services.Configure<BedrockOptions>(options =>
                options.Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey));
            builder.Logging.AddProvider(logs);
            // Every level for the captured lines (appsettings.json keeps PromptGen at Information for the console).
            builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        });
        await app.StartAsync();

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new TicketApiHost(emulator, app, logs, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
