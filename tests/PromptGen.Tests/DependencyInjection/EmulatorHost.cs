using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PromptGen.Testing;

namespace PromptGen.Tests.DependencyInjection;

/// <summary>An emulator and the configuration an app would have for it (appsettings.json with a "PromptGen" section).</summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private EmulatorHost(BedrockEmulator emulator) => Emulator = emulator;

    public BedrockEmulator Emulator { get; }

    public static async Task<EmulatorHost> StartAsync() => new(await BedrockEmulator.StartAsync());

    /// <summary>appsettings.json text pointing PromptGen at the emulator, plus <paramref name="extraSettings"/> JSON members.</summary>
    public string AppSettingsJson(string extraSettings = "") => $$"""
        {
          "Logging": { "LogLevel": { "Default": "Warning" } },
          "PromptGen": {
            "Region": "us-east-1",
            "Endpoint": "{{Emulator.Endpoint}}"{{(extraSettings.Length > 0 ? "," : "")}}
            {{extraSettings}}
          }
        }
        """;

    public static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    /// <summary>Services as a host builds them: configuration registered, then PromptGen with the emulator's keys.</summary>
    public ServiceCollection Services(string extraSettings = "", Action<PromptGen.BedrockOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration(AppSettingsJson(extraSettings)));
        services.AddPromptGen(options =>
        {
            options.Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);
            configure?.Invoke(options);
        });
        return services;
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
