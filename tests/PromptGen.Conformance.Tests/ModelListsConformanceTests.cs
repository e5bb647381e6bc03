using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// The emulator's ListFoundationModels and ListInferenceProfiles read by real clients: the AWS SDK for JavaScript's
/// <c>ListFoundationModelsCommand</c>/<c>ListInferenceProfilesCommand</c> (tests/Conformance/model-lists.mjs) and the AWS
/// CLI's <c>aws bedrock list-foundation-models</c>/<c>list-inference-profiles</c>, whose saved output
/// <c>promptgen models refresh --from-file</c> reads.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ModelListsConformanceTests(NodeProject node) : IAsyncLifetime
{
    private BedrockEmulator _emulator = null!;
    private string _directory = null!;

    public async ValueTask InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("promptgen-model-lists-").FullName;

        // Nova Pro legacy with its days, so the lists carry FoundationModelLifecycle's legacyTime and endOfLifeTime.
        string catalog = Path.Combine(_directory, "promptgen.models.json");
        await File.WriteAllTextAsync(catalog, """
            { "asOf": "2026-12-01", "models": [ { "id": "amazon.nova-pro-v1:0", "lifecycle": { "status": "legacy", "legacySince": "2026-11-01", "endOfLife": "2027-05-01" } } ] }
            """);
        _emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { ModelCatalogFiles = { catalog } });
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_JavaScript_SDK_lists_foundation_models_and_pages_through_inference_profiles()
    {
        JsonElement result = await node.RunScriptJsonAsync("model-lists.mjs", _emulator.Endpoint.ToString(), string.Empty);

        JsonElement haiku = result.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("modelId").GetString() == "anthropic.claude-haiku-4-5-20251001-v1:0");
        Assert.Equal("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0", haiku.GetProperty("modelArn").GetString());
        Assert.Equal(("Claude Haiku 4.5", "Anthropic", "ACTIVE"), (haiku.GetProperty("modelName").GetString(), haiku.GetProperty("providerName").GetString(), haiku.GetProperty("status").GetString()));
        Assert.Equal(new[] { "TEXT", "IMAGE" }, haiku.GetProperty("inputModalities").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(new[] { "TEXT" }, haiku.GetProperty("outputModalities").EnumerateArray().Select(m => m.GetString()));
        Assert.True(haiku.GetProperty("responseStreamingSupported").GetBoolean());
        Assert.Equal(new[] { "INFERENCE_PROFILE" }, haiku.GetProperty("inferenceTypesSupported").EnumerateArray().Select(m => m.GetString()));
        Assert.DoesNotContain(result.GetProperty("models").EnumerateArray(), m => m.GetProperty("modelId").GetString() == "anthropic.claude-v2:1"); // retired: not listed
        Assert.Equal(JsonValueKind.Null, haiku.GetProperty("legacyTime").ValueKind); // an active model without days has none
        JsonElement pro = result.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("modelId").GetString() == "amazon.nova-pro-v1:0");
        Assert.Equal(
            ("LEGACY", "2026-11-01T00:00:00.000Z", "2027-05-01T00:00:00.000Z"),
            (pro.GetProperty("status").GetString(), pro.GetProperty("legacyTime").GetString(), pro.GetProperty("endOfLifeTime").GetString())); // read as dates
        Assert.Contains("stability.sd3-5-large-v1:0", result.GetProperty("stabilityImages").EnumerateArray().Select(m => m.GetString()));
        Assert.All(result.GetProperty("stabilityImages").EnumerateArray(), m => Assert.StartsWith("stability.", m.GetString(), StringComparison.Ordinal));

        JsonElement[] profiles = result.GetProperty("profiles").EnumerateArray().ToArray();
        Assert.True(result.GetProperty("profilePages").GetInt32() > 1, "maxResults 2 should take several pages");
        Assert.Equal(profiles.Length, profiles.Select(p => p.GetProperty("id").GetString()).Distinct().Count()); // pages neither repeat nor skip
        JsonElement global = profiles.Single(p => p.GetProperty("id").GetString() == "global.anthropic.claude-haiku-4-5-20251001-v1:0");
        Assert.Equal("arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-haiku-4-5-20251001-v1:0", global.GetProperty("arn").GetString());
        Assert.Equal(("ACTIVE", "SYSTEM_DEFINED"), (global.GetProperty("status").GetString(), global.GetProperty("type").GetString()));
        Assert.Equal(new[] { "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0" }, global.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.True(global.GetProperty("createdAtIsDate").GetBoolean());
        Assert.Equal(("ValidationException", 400), (result.GetProperty("refused").GetProperty("name").GetString(), result.GetProperty("refused").GetProperty("status").GetInt32()));
    }

    [AwsCliFact]
    public async Task The_AWS_CLI_lists_foundation_models()
    {
        (int exitCode, string stdout, string stderr) = await AwsAsync("list-foundation-models", "--by-provider", "Amazon");

        Assert.True(exitCode == 0, $"aws exited with {exitCode}: {stderr}");
        using JsonDocument printed = JsonDocument.Parse(stdout);
        JsonElement[] models = printed.RootElement.GetProperty("modelSummaries").EnumerateArray().ToArray();
        Assert.All(models, m => Assert.Equal("Amazon", m.GetProperty("providerName").GetString()));
        JsonElement lite = models.Single(m => m.GetProperty("modelId").GetString() == "amazon.nova-lite-v1:0");
        Assert.Equal("ACTIVE", lite.GetProperty("modelLifecycle").GetProperty("status").GetString());
        Assert.Equal(new[] { "ON_DEMAND" }, lite.GetProperty("inferenceTypesSupported").EnumerateArray().Select(m => m.GetString()));

        // The lifecycle days as the CLI prints them, which `promptgen models refresh --from-file` reads back as days.
        JsonElement pro = models.Single(m => m.GetProperty("modelId").GetString() == "amazon.nova-pro-v1:0").GetProperty("modelLifecycle");
        Assert.StartsWith("2026-11-01T00:00:00", pro.GetProperty("legacyTime").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("2027-05-01T00:00:00", pro.GetProperty("endOfLifeTime").GetString(), StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task The_AWS_CLI_lists_inference_profiles_across_pages()
    {
        (int exitCode, string stdout, string stderr) = await AwsAsync("list-inference-profiles", "--page-size", "3");

        Assert.True(exitCode == 0, $"aws exited with {exitCode}: {stderr}");
        using JsonDocument printed = JsonDocument.Parse(stdout);
        string[] ids = printed.RootElement.GetProperty("inferenceProfileSummaries").EnumerateArray().Select(p => p.GetProperty("inferenceProfileId").GetString()!).ToArray();
        Assert.True(ids.Length > 3, $"the CLI should have followed nextToken; got {ids.Length}");
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("us.amazon.nova-lite-v1:0", ids);
        Assert.Contains("global.anthropic.claude-haiku-4-5-20251001-v1:0", ids);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> AwsAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in new[] { "bedrock" }.Concat(arguments).Concat(new[] { "--endpoint-url", _emulator.Endpoint.ToString().TrimEnd('/'), "--region", "us-east-1", "--output", "json" }))
        {
            start.ArgumentList.Add(argument);
        }

        // Only the emulator's test credentials; never a developer's configuration, profile or endpoint.
        foreach (string name in start.Environment.Keys.Where(key => key.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = EmulatorCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = EmulatorCredentials.SecretAccessKey;
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_directory, "no-such-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_directory, "no-such-credentials");
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = string.Empty;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aws.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
