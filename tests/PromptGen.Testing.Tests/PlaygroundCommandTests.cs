using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>
/// <c>promptgen playground</c> run for real as a child process on tests/PlaygroundToolSample's built DLL: it finds the
/// descriptors by the generator's assembly attribute, serves the page and API on 127.0.0.1 and runs a method against
/// its in-process emulator, scripted with --script. Every wait is bounded.
/// </summary>
public sealed class PlaygroundCommandTests
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private static string SampleDll => typeof(PlaygroundCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "PromptGen.PlaygroundSampleDll").Value!;

    [Fact(Timeout = 90_000)]
    public async Task Serves_the_assemblys_described_methods_and_runs_one_against_the_scripted_emulator()
    {
        string script = Path.Combine(Path.GetTempPath(), $"playground-script-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(script, """{"rules":[{"promptContains":"Say hello to Ada","reply":{"text":"Hello Ada, from the script."}}]}""");
        try
        {
            using EmulatorProcess tool = EmulatorProcess.StartTool("playground", SampleDll, "--port", "0", "--script", script);
            string? firstLine = await tool.ReadLineAsync(StartupTimeout);
            Assert.True(firstLine?.StartsWith("Playground on http://127.0.0.1:", StringComparison.Ordinal), $"first line: {firstLine}; stderr: {tool.StandardError}");
            Assert.EndsWith("/playground/", firstLine, StringComparison.Ordinal);
            Assert.StartsWith("Calling the emulator at http://127.0.0.1:", await tool.ReadLineAsync(StartupTimeout), StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri(firstLine!["Playground on ".Length..]), Timeout = TimeSpan.FromSeconds(20) };

            string page = await http.GetStringAsync(string.Empty);
            Assert.Contains("<script src=\"app.js\"></script>", page, StringComparison.Ordinal);

            using JsonDocument methods = JsonDocument.Parse(await http.GetStringAsync("api/methods"));
            JsonElement[] listed = methods.RootElement.GetProperty("methods").EnumerateArray().ToArray();
            Assert.Equal(new[] { "HelloAsync", "DraftAsync" }, listed.Select(method => method.GetProperty("method").GetString()));
            Assert.All(listed, method => Assert.Equal("PlaygroundToolSample.ISamplePrompts", method.GetProperty("interface").GetString()));
            string helloId = listed[0].GetProperty("id").GetString()!;

            using var body = new StringContent($$$"""{"method":"{{{helloId}}}","arguments":{"name":"Ada"}}""", Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await http.PostAsync("api/run", body);
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            using JsonDocument run = JsonDocument.Parse(text);
            Assert.Equal("Hello Ada, from the script.", run.RootElement.GetProperty("result").GetString());
            Assert.Equal("us.anthropic.claude-haiku-4-5-20251001-v1:0", run.RootElement.GetProperty("model").GetString());
            Assert.Equal(JsonValueKind.Null, run.RootElement.GetProperty("usage").GetProperty("estimatedCostUsd").ValueKind);

            if (!OperatingSystem.IsWindows())
            {
                tool.Terminate();
                Assert.Equal(0, await tool.WaitForExitAsync(TimeSpan.FromSeconds(15)));
            }
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task An_assembly_without_descriptors_is_a_usage_error_that_says_what_to_do()
    {
        // This test assembly has no [PromptDescriptors] interface.
        using EmulatorProcess tool = EmulatorProcess.StartTool("playground", typeof(PlaygroundCommandTests).Assembly.Location, "--port", "0");

        Assert.Equal(2, await tool.WaitForExitAsync(StartupTimeout));
        Assert.Contains("has no prompt descriptors: mark a [PromptClient] interface", tool.StandardError, StringComparison.Ordinal);
        Assert.Null(await tool.ReadLineAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_file_is_a_usage_error()
    {
        using EmulatorProcess tool = EmulatorProcess.StartTool("playground", Path.Combine(Path.GetTempPath(), "no-such-app.dll"), "--port", "0");

        Assert.Equal(2, await tool.WaitForExitAsync(StartupTimeout));
        Assert.Contains("No assembly at", tool.StandardError, StringComparison.Ordinal);
    }
}
