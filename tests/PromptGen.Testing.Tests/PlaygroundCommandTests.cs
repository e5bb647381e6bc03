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
            // The top-level interface's methods (named by the assembly attribute), then the nested interface's (found
            // as the provider nested in it: an assembly attribute cannot always reach a nested interface).
            Assert.Equal(new[] { "HelloAsync", "DraftAsync", "TranslateAsync" }, listed.Select(method => method.GetProperty("method").GetString()));
            Assert.All(listed[..2], method => Assert.Equal("PlaygroundToolSample.ISamplePrompts", method.GetProperty("interface").GetString()));
            Assert.Equal("PlaygroundToolSample.SupportDesk.INestedPrompts", listed[2].GetProperty("interface").GetString());
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

    [Fact(Timeout = 90_000)]
    public async Task A_method_of_an_interface_nested_in_a_class_runs_like_any_other()
    {
        string script = Path.Combine(Path.GetTempPath(), $"playground-script-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(script, """{"rules":[{"model":"us.amazon.nova-lite-v1:0","promptContains":"Translate to French: Good morning","reply":{"text":"Bonjour."}}]}""");
        try
        {
            using EmulatorProcess tool = EmulatorProcess.StartTool("playground", SampleDll, "--port", "0", "--script", script);
            using HttpClient http = await ConnectAsync(tool);
            string id = await IdOfAsync(http, "TranslateAsync");

            using var body = new StringContent($$$"""{"method":"{{{id}}}","arguments":{"text":"Good morning"}}""", Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await http.PostAsync("api/run", body);
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            using JsonDocument run = JsonDocument.Parse(text);
            Assert.Equal("Bonjour.", run.RootElement.GetProperty("result").GetString());
            Assert.Equal("us.amazon.nova-lite-v1:0", run.RootElement.GetProperty("model").GetString());
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>
    /// Given the project rather than its DLL, the tool builds it (<c>dotnet build</c>), finds its output with
    /// <c>-getProperty:TargetPath</c> and serves the same methods. Bounded by the build, which is incremental here
    /// (the test project's reference built the sample already).
    /// </summary>
    [Fact(Timeout = 300_000)]
    public async Task Given_a_project_it_builds_it_and_serves_its_descriptors()
    {
        string project = Path.Combine(RepositoryRoot(), "tests", "PlaygroundToolSample", "PlaygroundToolSample.csproj");
        Assert.True(File.Exists(project), project);

        using EmulatorProcess tool = EmulatorProcess.StartTool("playground", project, "--port", "0");
        using HttpClient http = await ConnectAsync(tool, TimeSpan.FromSeconds(240));

        using JsonDocument methods = JsonDocument.Parse(await http.GetStringAsync("api/methods"));
        Assert.Equal(new[] { "HelloAsync", "DraftAsync", "TranslateAsync" }, methods.RootElement.GetProperty("methods").EnumerateArray().Select(method => method.GetProperty("method").GetString()));
        string id = await IdOfAsync(http, "DraftAsync");
        using var body = new StringContent($$$"""{"method":"{{{id}}}","arguments":{"topic":"refunds"}}""", Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync("api/preview", body);
        using JsonDocument preview = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Draft a reply about refunds", preview.RootElement.GetProperty("userPrompt").GetString());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_project_that_does_not_build_is_a_usage_error()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"playground-broken-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string project = Path.Combine(folder, "Broken.csproj");
            await File.WriteAllTextAsync(project, """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Library</OutputType></PropertyGroup></Project>""");
            await File.WriteAllTextAsync(Path.Combine(folder, "Broken.cs"), "class Broken { int M() => \"not a number\"; }");

            using EmulatorProcess tool = EmulatorProcess.StartTool("playground", project, "--port", "0");

            Assert.Equal(2, await tool.WaitForExitAsync(TimeSpan.FromSeconds(100)));
            Assert.Contains("failed (exit code", tool.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
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

    private static async Task<HttpClient> ConnectAsync(EmulatorProcess tool, TimeSpan? startup = null)
    {
        string? firstLine = await tool.ReadLineAsync(startup ?? StartupTimeout);
        Assert.True(firstLine?.StartsWith("Playground on http://127.0.0.1:", StringComparison.Ordinal), $"first line: {firstLine}; stderr: {tool.StandardError}");
        return new HttpClient { BaseAddress = new Uri(firstLine!["Playground on ".Length..]), Timeout = TimeSpan.FromSeconds(20) };
    }

    private static async Task<string> IdOfAsync(HttpClient http, string methodName)
    {
        using JsonDocument methods = JsonDocument.Parse(await http.GetStringAsync("api/methods"));
        return methods.RootElement.GetProperty("methods").EnumerateArray()
            .Single(method => method.GetProperty("method").GetString() == methodName).GetProperty("id").GetString()!;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PromptGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PromptGen.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_file_is_a_usage_error()
    {
        using EmulatorProcess tool = EmulatorProcess.StartTool("playground", Path.Combine(Path.GetTempPath(), "no-such-app.dll"), "--port", "0");

        Assert.Equal(2, await tool.WaitForExitAsync(StartupTimeout));
        Assert.Contains("No assembly at", tool.StandardError, StringComparison.Ordinal);
    }
}
