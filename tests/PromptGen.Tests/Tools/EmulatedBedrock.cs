using System;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing;

namespace PromptGen.Tests.Tools;

/// <summary>The emulator and a real client pointed at it (bearer key), for tool-loop tests.</summary>
internal sealed class EmulatedBedrock : IAsyncDisposable
{
    private const string Key = "tool-tests-key";

    private EmulatedBedrock(BedrockEmulator emulator)
    {
        Emulator = emulator;
        Client = new BedrockRuntimeClient(new BedrockOptions { Endpoint = emulator.Endpoint, BearerToken = Key });
    }

    public BedrockEmulator Emulator { get; }

    public BedrockRuntimeClient Client { get; }

    public EmulatorScript Script => Emulator.Script;

    public static async Task<EmulatedBedrock> StartAsync()
    {
        var options = new BedrockEmulatorOptions();
        options.BearerTokens.Add(Key);
        return new EmulatedBedrock(await BedrockEmulator.StartAsync(options));
    }

    /// <summary>The body of the <paramref name="index"/>th request, parsed.</summary>
    public JsonElement Request(int index)
    {
        using JsonDocument document = JsonDocument.Parse(Emulator.Requests[index].Body);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
