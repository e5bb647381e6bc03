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
/// <c>promptgen models</c> run as the built tool: list with its filters, show, and refresh against the emulator's
/// ListFoundationModels and ListInferenceProfiles (whose catalog file plays "what AWS lists today"), writing a project's
/// promptgen.models.json that a second run leaves alone and whose hand-set facts survive.
/// </summary>
public sealed class ModelsCommandTests : IAsyncLifetime
{
    // What "AWS" lists in these tests: a new model, Nova Lite turned legacy, Nova Micro with one more profile.
    private const string AwsToday = """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "acme.next-v1:0", "provider": "Acme", "family": "Next", "name": "Acme Next", "modality": "chat",
              "limits": { "contextTokens": 1000, "maxOutputTokens": 100 }, "lifecycle": { "status": "active" },
              "inferenceProfile": { "required": true, "prefixes": ["us", "eu"] },
              "capabilities": ["converse", "converseStream"], "unconfirmed": [], "source": "test"
            },
            { "id": "amazon.nova-lite-v1:0", "lifecycle": { "status": "legacy" } },
            { "id": "amazon.nova-micro-v1:0", "inferenceProfile": { "prefixes": ["us", "eu", "apac", "global"] } }
          ]
        }
        """;

    // The project's file before the refresh: hand-set facts on a model the refresh updates.
    private const string ProjectFile = """
        {
          "asOf": "2026-11-30",
          "models": [
            {
              "id": "amazon.nova-lite-v1:0",
              "limits": { "maxOutputTokens": 1000 },
              "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 0.25, "outputPerMillion": 1.5, "asOf": "2026-11-30", "source": "https://example.test/prices" } ]
            }
          ]
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("promptgen-models-").FullName;
    private BedrockEmulator _emulator = null!;

    private string ProjectPath => Path.Combine(_directory, "promptgen.models.json");

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
    public async Task Refresh_against_the_emulator_writes_the_new_and_changed_facts_keeps_hand_set_ones_and_then_changes_nothing()
    {
        await File.WriteAllTextAsync(ProjectPath, ProjectFile);

        (int exit, string stdout, string stderr) = await RefreshLiveAsync();

        Assert.True(exit == 0, stderr);
        Assert.Contains("1 model(s) added, 2 updated", stdout, StringComparison.Ordinal);
        JsonObject file = JsonNode.Parse(await File.ReadAllTextAsync(ProjectPath))!.AsObject();
        Assert.Equal(Today, (string?)file["asOf"]);
        JsonObject[] rows = file["models"]!.AsArray().Select(row => row!.AsObject()).ToArray();
        Assert.Equal(new[] { "amazon.nova-lite-v1:0", "acme.next-v1:0", "amazon.nova-micro-v1:0" }, rows.Select(row => (string?)row["id"]));

        // Nova Lite: the hand-set limit and price stay; the lifecycle is AWS's.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {
              "id": "amazon.nova-lite-v1:0",
              "limits": { "maxOutputTokens": 1000 },
              "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 0.25, "outputPerMillion": 1.5, "asOf": "2026-11-30", "source": "https://example.test/prices" } ],
              "lifecycle": { "status": "legacy" }
            }
            """), rows[0]), rows[0].ToJsonString());

        // The new model: what the lists say, the rest unknown and marked so.
        JsonObject added = rows[1];
        Assert.Equal(("Acme", "Acme Next", "chat", "active"), ((string?)added["provider"], (string?)added["name"], (string?)added["modality"], (string?)added["lifecycle"]!["status"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "required": true, "prefixes": ["us", "eu"] }"""), added["inferenceProfile"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["converse", "converseStream"]"""), added["capabilities"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "contextTokens": 0, "maxOutputTokens": 0 }"""), added["limits"]));
        Assert.Contains("promptgen models refresh", (string?)added["source"], StringComparison.Ordinal);

        // Nova Micro: only its profiles, which differ from the built-in catalog.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "id": "amazon.nova-micro-v1:0", "inferenceProfile": { "required": false, "prefixes": ["us", "eu", "apac", "global"] } }"""), rows[2]), rows[2].ToJsonString());

        // The file reads as a catalog file, and the tool shows the merged facts.
        (int showExit, string shown, _) = await RunToolAsync("models", "show", "amazon.nova-lite-v1:0", "--models", ProjectPath);
        Assert.Equal(0, showExit);
        Assert.Contains("lifecycle:     legacy", shown, StringComparison.Ordinal);
        Assert.Contains("output 1,000", shown, StringComparison.Ordinal);
        Assert.Contains("input $0.25, output $1.5", shown, StringComparison.Ordinal);

        // A second run changes nothing, byte for byte.
        byte[] first = await File.ReadAllBytesAsync(ProjectPath);
        (int again, string againOut, string againErr) = await RefreshLiveAsync();
        Assert.True(again == 0, againErr);
        Assert.Contains("up to date", againOut, StringComparison.Ordinal);
        Assert.Equal(first, await File.ReadAllBytesAsync(ProjectPath));
    }

    [Fact]
    public async Task Facts_set_by_hand_on_an_added_model_survive_the_next_refresh()
    {
        Assert.Equal(0, (await RefreshLiveAsync()).ExitCode);
        JsonObject file = JsonNode.Parse(await File.ReadAllTextAsync(ProjectPath))!.AsObject();
        JsonObject acme = file["models"]!.AsArray().Select(row => row!.AsObject()).Single(row => (string?)row["id"] == "acme.next-v1:0");
        acme["limits"] = JsonNode.Parse("""{ "contextTokens": 32000, "maxOutputTokens": 4096 }""");
        acme["capabilities"] = JsonNode.Parse("""["converse", "converseStream", "systemPrompt", "toolUse"]""");
        acme["source"] = "Acme's model card, read by hand";
        string edited = file.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(ProjectPath, edited);

        (int exit, string stdout, string stderr) = await RefreshLiveAsync();

        Assert.True(exit == 0, stderr);
        Assert.Contains("up to date", stdout, StringComparison.Ordinal);
        Assert.Equal(edited, await File.ReadAllTextAsync(ProjectPath));
    }

    [Fact]
    public async Task Refresh_from_saved_answers_writes_what_the_live_refresh_writes()
    {
        var options = new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        };
        using var client = new BedrockRuntimeClient(options);
        string models = Path.Combine(_directory, "foundation-models.json");
        string profiles = Path.Combine(_directory, "inference-profiles.json");
        await File.WriteAllTextAsync(models, await BedrockModelLists.ListFoundationModelsAsync(client, null, CancellationToken.None));
        await File.WriteAllTextAsync(profiles, await BedrockModelLists.ListInferenceProfilesAsync(client, null, CancellationToken.None));
        string saved = Path.Combine(_directory, "from-files.json");

        (int exit, _, string stderr) = await RunToolAsync("models", "refresh", "--output", saved, "--from-file", profiles, "--from-file", models);
        Assert.True(exit == 0, stderr);
        Assert.Equal(0, (await RefreshLiveAsync()).ExitCode);

        Assert.Equal(await File.ReadAllTextAsync(ProjectPath), await File.ReadAllTextAsync(saved));
    }

    [Fact]
    public async Task Refresh_refuses_a_saved_file_that_is_not_a_list_answer()
    {
        string wrong = Path.Combine(_directory, "wrong.json");
        await File.WriteAllTextAsync(wrong, """{ "models": [] }""");

        (int exit, _, string stderr) = await RunToolAsync("models", "refresh", "--output", ProjectPath, "--from-file", wrong);

        Assert.Equal(2, exit);
        Assert.Contains("neither a list-foundation-models nor a list-inference-profiles answer", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(ProjectPath));
    }

    [Fact]
    public async Task List_filters_by_provider_modality_and_lifecycle()
    {
        (int exit, string stdout, string stderr) = await RunToolAsync("models", "list", "--provider", "stability ai", "--modality", "image", "--lifecycle", "active");

        Assert.True(exit == 0, stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal(("Stability AI", "image", "active"), (line.Split('\t')[1], line.Split('\t')[2], line.Split('\t')[3])));
        Assert.Contains(lines, line => line.StartsWith("stability.sd3-5-large-v1:0\t", StringComparison.Ordinal));

        (int bad, _, string badErr) = await RunToolAsync("models", "list", "--modality", "video");
        Assert.Equal(2, bad);
        Assert.Contains("video", badErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_a_model_by_profile_id_and_refuses_an_unknown_one()
    {
        (int exit, string stdout, _) = await RunToolAsync("models", "show", "us.anthropic.claude-haiku-4-5-20251001-v1:0");
        Assert.Equal(0, exit);
        Assert.StartsWith("anthropic.claude-haiku-4-5-20251001-v1:0: Claude Haiku 4.5 (Anthropic", stdout, StringComparison.Ordinal);
        Assert.Contains("inference profile only", stdout, StringComparison.Ordinal);

        (int missing, _, string stderr) = await RunToolAsync("models", "show", "acme.nothing-v9:0");
        Assert.Equal(1, missing);
        Assert.Contains("the catalog has no model 'acme.nothing-v9:0'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_the_body_of_an_image_or_embedding_model_and_says_when_a_files_model_has_none()
    {
        (int exit, string stdout, _) = await RunToolAsync("models", "show", "amazon.titan-embed-text-v2:0");
        Assert.Equal(0, exit);
        Assert.Contains("body:          titanTextEmbeddingsV2", stdout, StringComparison.Ordinal);

        File.WriteAllText(ProjectPath, """
            { "asOf": "2026-12-01", "models": [ { "id": "amazon.titan-embed-text-v3:0", "provider": "Amazon", "family": "Titan Text Embeddings",
              "name": "Titan Text Embeddings V3", "modality": "embedding", "limits": { "contextTokens": 8192, "maxOutputTokens": 0 },
              "lifecycle": { "status": "active" }, "capabilities": [], "source": "a test's override" } ] }
            """);
        (int added, string shown, _) = await RunToolAsync("models", "show", "amazon.titan-embed-text-v3:0", "--models", ProjectPath);
        Assert.Equal(0, added);
        Assert.Contains("body:          none PromptGen can tell from the id (state it as invokeBody)", shown, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RefreshLiveAsync() =>
        RunToolAsync("models", "refresh", "--output", ProjectPath, "--endpoint", _emulator.Endpoint.ToString(), "--region", "us-east-1");

    private Task<(int ExitCode, string Stdout, string Stderr)> RunToolAsync(params string[] args) => PromptGenTool.RunAsync(_directory, args);
}
