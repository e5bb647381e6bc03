using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Batch;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>
/// ListFoundationModels gives a model's lifecycle days (FoundationModelLifecycle <c>legacyTime</c>,
/// <c>endOfLifeTime</c>): the emulator serves the catalog's, and <c>promptgen models refresh</c> writes them into the
/// project's file (from the live list and from saved answers, in either timestamp form), once.
/// </summary>
public sealed class ModelsRefreshLifecycleTests : IAsyncLifetime
{
    // What "AWS" lists: Nova Lite legacy since 2026-11-01, its end of life announced for 2027-05-01.
    private const string AwsToday = """
        { "asOf": "2026-12-01", "models": [ { "id": "amazon.nova-lite-v1:0", "lifecycle": { "status": "legacy", "legacySince": "2026-11-01", "endOfLife": "2027-05-01" } } ] }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("promptgen-lifecycle-").FullName;
    private BedrockEmulator _emulator = null!;

    private string ProjectPath => Path.Combine(_directory, "promptgen.models.json");

    public async ValueTask InitializeAsync()
    {
        string aws = Path.Combine(_directory, "aws-today.json");
        await File.WriteAllTextAsync(aws, AwsToday);
        _emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { ModelCatalogFiles = { aws } });
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_emulator_lists_the_days_as_lifecycle_timestamps()
    {
        using BedrockRuntimeClient client = Client();

        JsonNode lite = JsonNode.Parse(await BedrockModelLists.ListFoundationModelsAsync(client, null, CancellationToken.None))!["modelSummaries"]!
            .AsArray().Single(model => (string?)model!["modelId"] == "amazon.nova-lite-v1:0")!;

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{ "status": "LEGACY", "legacyTime": "2026-11-01T00:00:00.000Z", "endOfLifeTime": "2027-05-01T00:00:00.000Z" }"""),
            lite["modelLifecycle"]), lite["modelLifecycle"]!.ToJsonString());
    }

    [Fact]
    public async Task Refresh_writes_the_days_once()
    {
        (int exit, string stdout, string stderr) = await RefreshLiveAsync();

        Assert.True(exit == 0, stderr);
        Assert.Contains("0 model(s) added, 1 updated", stdout, StringComparison.Ordinal);
        JsonNode row = Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(ProjectPath))!["models"]!.AsArray())!;
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{ "id": "amazon.nova-lite-v1:0", "lifecycle": { "status": "legacy", "legacySince": "2026-11-01", "endOfLife": "2027-05-01" } }"""),
            row), row.ToJsonString());

        byte[] first = await File.ReadAllBytesAsync(ProjectPath);
        (int again, string againOut, _) = await RefreshLiveAsync();
        Assert.Equal(0, again);
        Assert.Contains("up to date", againOut, StringComparison.Ordinal);
        Assert.Equal(first, await File.ReadAllBytesAsync(ProjectPath));

        (int show, string shown, _) = await PromptGenTool.RunAsync(_directory, "models", "show", "amazon.nova-lite-v1:0", "--models", ProjectPath);
        Assert.Equal(0, show);
        Assert.Contains("2027-05-01", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saved_answers_with_epoch_second_timestamps_give_the_same_days()
    {
        // The API's own JSON carries timestamps as epoch seconds; the AWS CLI prints them as ISO 8601 text.
        const string Saved = """
            { "modelSummaries": [ { "modelId": "amazon.nova-lite-v1:0", "providerName": "Amazon", "modelName": "Nova Lite",
              "inputModalities": ["TEXT", "IMAGE", "VIDEO"], "outputModalities": ["TEXT"], "responseStreamingSupported": true,
              "inferenceTypesSupported": ["ON_DEMAND", "INFERENCE_PROFILE"],
              "modelLifecycle": { "status": "LEGACY", "legacyTime": 1793491200, "endOfLifeTime": 1809129600.0 } } ] }
            """;
        string models = Path.Combine(_directory, "foundation-models.json");
        await File.WriteAllTextAsync(models, Saved);

        (int exit, _, string stderr) = await PromptGenTool.RunAsync(_directory, "models", "refresh", "--output", ProjectPath, "--from-file", models);

        Assert.True(exit == 0, stderr);
        JsonNode row = Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(ProjectPath))!["models"]!.AsArray())!;
        Assert.Equal(("2026-11-01", "2027-05-01"), ((string?)row["lifecycle"]!["legacySince"], (string?)row["lifecycle"]!["endOfLife"]));
    }

    [Fact]
    public async Task A_timestamp_that_is_not_one_is_refused_with_its_member_named()
    {
        string models = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(models, """
            { "modelSummaries": [ { "modelId": "amazon.nova-lite-v1:0", "outputModalities": ["TEXT"], "inferenceTypesSupported": ["ON_DEMAND"],
              "modelLifecycle": { "status": "LEGACY", "endOfLifeTime": "soon" } } ] }
            """);

        (int exit, _, string stderr) = await PromptGenTool.RunAsync(_directory, "models", "refresh", "--output", ProjectPath, "--from-file", models);

        Assert.NotEqual(0, exit);
        Assert.Contains("modelLifecycle.endOfLifeTime", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(ProjectPath));
    }

    private BedrockRuntimeClient Client() => new(new BedrockOptions
    {
        Region = "us-east-1",
        Endpoint = _emulator.Endpoint,
        Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
    });

    private Task<(int ExitCode, string Stdout, string Stderr)> RefreshLiveAsync() =>
        PromptGenTool.RunAsync(_directory, "models", "refresh", "--output", ProjectPath, "--endpoint", _emulator.Endpoint.ToString(), "--region", "us-east-1");
}
