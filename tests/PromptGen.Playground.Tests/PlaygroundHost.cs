using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Amazon.Runtime;
using AspNetApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Playground.Tests;

/// <summary>
/// The AspNetApi sample in Development on a real Kestrel port of 127.0.0.1, calling the in-process emulator with
/// real-looking AWS keys (made up for each run), its playground at /playground and the lab prompts' at /lab; and one
/// Chromium for every test of the collection (Debian's, at /usr/bin/chromium: Playwright never downloads one).
/// </summary>
public sealed class PlaygroundHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A test request with this header appears to come from that address (as behind a proxy's forwarded-for).</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    private IPlaywright? _playwright;

    public BedrockEmulator Emulator { get; private set; } = null!;

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>An access key id shaped like a real one (AKIA + 16), made up for this run.</summary>
    public string AccessKeyId { get; } = "AKIA" + RandomString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);

    /// <summary>A secret access key shaped like a real one (40 characters), made up for this run.</summary>
    public string SecretAccessKey { get; } = RandomString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);

    /// <summary>Where screenshots go: test artifacts beside the test assembly.</summary>
    public static string ArtifactsFolder => Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async ValueTask InitializeAsync()
    {
        var options = new BedrockEmulatorOptions();
        options.Credentials.Clear();
        options.Credentials[AccessKeyId] = SecretAccessKey;
        Emulator = await BedrockEmulator.StartAsync(options);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            $"--contentRoot={AppContext.BaseDirectory}",
            $"--PromptGen:Endpoint={Emulator.Endpoint}",
            "--PromptGen:Retry:MaxAttempts=1",
        ];
        App = TicketApi.Build(args, builder =>
        {
            builder.Services.Configure<BedrockOptions>(bedrock =>
            {
                bedrock.Credentials = new BasicAWSCredentials(AccessKeyId, SecretAccessKey);
                bedrock.ModelCatalogFiles.Add(WritePriceFile());
            });
            builder.Services.AddTransient<IStartupFilter, RemoteAddressOverride>();
        });
        App.MapPromptPlayground(ILabPrompts.Descriptors, options => options.Path = "/lab");
        App.MapPromptPlayground(ILabPrompts.Descriptors, options =>
        {
            options.Path = "/open";
            options.AllowRemoteRequests = true;
        });
        await App.StartAsync();
        BaseAddress = new Uri(App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        Client = new HttpClient { BaseAddress = BaseAddress };

        // Never fetch a browser: the system's Chromium is the one under test.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assert.True(File.Exists(ChromiumPath), $"The browser tests need Debian's Chromium at {ChromiumPath} (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in a container has no user namespaces for Chromium's sandbox.
            Args = ["--no-sandbox"],
        });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    /// <summary>A fresh page (its own context, so its session storage) at 1280x900.</summary>
    public async Task<IPage> NewPageAsync()
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BaseURL = BaseAddress.ToString(),
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Client?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }

    /// <summary>
    /// A project catalog file pricing Claude Haiku 4.5 (test figures, not AWS's: $2 in, $10 out per million tokens,
    /// us-east-1 geo profiles); Nova Lite gets no price, so its cost stays unknown.
    /// </summary>
    private static string WritePriceFile()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "promptgen.models.playground-prices.json");
        File.WriteAllText(path, """
            { "asOf": "2026-12-01", "models": [
              { "id": "anthropic.claude-haiku-4-5-20251001-v1:0", "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 2, "outputPerMillion": 10, "asOf": "2026-12-01", "source": "https://example.test/prices" } ] }
            ] }
            """);
        return path;
    }

    private static string RandomString(string alphabet, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));

    /// <summary>Puts the remote address a test names on its request, first in the pipeline.</summary>
    private sealed class RemoteAddressOverride : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PlaygroundHost>
{
    public const string Name = "Playground";
}
