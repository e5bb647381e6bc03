using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Mcp.Tests;

/// <summary>
/// The MCP Inspector's CLI (npm <c>@modelcontextprotocol/inspector</c>, pinned in tests/McpInspector by its
/// package-lock.json; <c>.ci/run</c> and the build install it (tests/NodePackages.targets), and a run without it
/// installs it here with <c>npm ci</c>), started
/// against samples/McpServer over stdio: a second MCP client, written by others, in another language.
/// </summary>
internal static class InspectorCli
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private static string ProjectDirectory => Path.Combine(RepositoryRoot(), "tests", "McpInspector");

    /// <summary>Runs the CLI with <paramref name="arguments"/> against the sample server; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        string cli = await EnsureInstalledAsync();
        string server = Path.Combine(AppContext.BaseDirectory, "McpServer.dll");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = ProjectDirectory,
        };
        start.ArgumentList.Add(cli);
        start.ArgumentList.Add("--cli");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(server);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return await RunAsync(start);
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        string cli = Path.Combine(ProjectDirectory, "node_modules", "@modelcontextprotocol", "inspector", "cli", "build", "cli.js");
        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(cli))
            {
                var install = new ProcessStartInfo("npm", "ci --no-audit --no-fund --ignore-scripts")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    RedirectStandardInput = true,
                    UseShellExecute = false,
                    WorkingDirectory = ProjectDirectory,
                };
                (int exitCode, string stdout, string stderr) = await RunAsync(install);
                if (exitCode != 0 || !File.Exists(cli))
                {
                    throw new InvalidOperationException($"'npm ci' in {ProjectDirectory} failed ({exitCode}); the inspector tests need node, npm and the npm registry once:\n{stdout}\n{stderr}");
                }
            }
        }
        finally
        {
            InstallGate.Release();
        }

        return cli;
    }

    private static async Task<(int, string, string)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {RunTimeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PromptGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PromptGen.sln above {AppContext.BaseDirectory}.");
    }
}
