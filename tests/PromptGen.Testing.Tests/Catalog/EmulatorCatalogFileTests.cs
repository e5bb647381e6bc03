using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>
/// The emulator loads a project's promptgen.models.json (BedrockEmulatorOptions.ModelCatalogFiles, `promptgen emulator
/// --models`) and judges model ids by the merged catalog, as the project's build does.
/// </summary>
public sealed class EmulatorCatalogFileTests : IDisposable
{
    private const string NextWeeksProfile = "us.amazon.nova-9-lite-v1:0";

    private const string Catalog = """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "amazon.nova-9-lite-v1:0", "provider": "Amazon", "family": "Nova 9", "name": "Nova 9 Lite", "modality": "chat",
              "limits": { "contextTokens": 300000, "maxOutputTokens": 8000 },
              "lifecycle": { "status": "active" },
              "inferenceProfile": { "required": true, "prefixes": ["us"] },
              "capabilities": ["converse", "converseStream", "systemPrompt"],
              "unconfirmed": [],
              "source": "a test's override"
            },
            { "id": "amazon.nova-micro-v1:0", "lifecycle": { "status": "endOfLife", "endOfLife": "2026-11-30", "successor": "amazon.nova-lite-v1:0" } }
          ]
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("promptgen-catalog-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(_directory, "promptgen.models.json");
        File.WriteAllText(path, text);
        return path;
    }

    private Task<BedrockEmulator> StartAsync(bool withCatalog)
    {
        var options = new BedrockEmulatorOptions();
        if (withCatalog)
        {
            options.ModelCatalogFiles.Add(Write(Catalog));
        }

        return BedrockEmulator.StartAsync(options);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.BadRequest)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task A_model_the_file_adds_is_answered(bool withCatalog, HttpStatusCode expected)
    {
        await using BedrockEmulator emulator = await StartAsync(withCatalog);

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "hi", modelId: NextWeeksProfile);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_added_model_limits_are_enforced()
    {
        await using BedrockEmulator emulator = await StartAsync(withCatalog: true);

        using HttpResponseMessage response = await Converse.SendSignedAsync(
            emulator, """{"messages":[{"role":"user","content":[{"text":"hi"}]}],"inferenceConfig":{"maxTokens":9000}}""", NextWeeksProfile);

        Assert.Equal((HttpStatusCode.BadRequest, "ValidationException"), (response.StatusCode, Converse.ErrorType(response)));
    }

    [Fact]
    public async Task A_model_the_file_retires_is_not_found()
    {
        await using BedrockEmulator emulator = await StartAsync(withCatalog: true);

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "hi", modelId: "us.amazon.nova-micro-v1:0");

        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFoundException"), (response.StatusCode, Converse.ErrorType(response)));
    }

    [Fact]
    public async Task A_file_that_does_not_read_stops_the_emulator_naming_the_fault()
    {
        var options = new BedrockEmulatorOptions();
        string path = Write("{ \"asOf\": \"2026-12-01\", \"models\": [ { \"id\": \"amazon.nova-micro-v1:0\", \"limits\": { \"maxOutputTokens\": -1 } } ] }");
        options.ModelCatalogFiles.Add(path);

        InvalidDataException error = await Assert.ThrowsAsync<InvalidDataException>(() => BedrockEmulator.StartAsync(options));

        Assert.Contains(path + "(1,102): 'maxOutputTokens' must be a whole number", error.Message, StringComparison.Ordinal);
    }
}
