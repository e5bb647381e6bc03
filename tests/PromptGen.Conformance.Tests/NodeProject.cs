using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// The Node project under tests/Conformance: the official AWS SDK for JavaScript and smithy packages, pinned by its
/// package-lock.json. The build installs it when node_modules is missing, and says so (tests/NodePackages.targets);
/// here it is installed again with <c>npm ci</c> when node_modules does not match the lock. Every script runs with a
/// time limit, so a broken install or a hung SDK fails a test instead of CI.
/// </summary>
public sealed class NodeProject : IAsyncLifetime
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    public string Directory { get; } = Path.Combine(RepositoryRoot(), "tests", "Conformance");

    public async ValueTask InitializeAsync()
    {
        string version = await RunProcessAsync("node", "--version", stdin: null, TimeSpan.FromSeconds(30),
            "Node.js is needed for the conformance tests (the official AWS SDK for JavaScript runs in it); install node (>= 18) and npm.");
        if (!Version.TryParse(version.Trim().TrimStart('v'), out Version? parsed) || parsed.Major < 18)
        {
            throw new InvalidOperationException($"The conformance tests need Node.js 18 or later; found {version.Trim()}.");
        }

        if (!IsInstalled())
        {
            await RunProcessAsync("npm", "ci --no-audit --no-fund --ignore-scripts", stdin: null, InstallTimeout,
                $"'npm ci' failed in {Directory}; the conformance tests need the npm registry once to install the pinned packages.");
            if (!IsInstalled())
            {
                throw new InvalidOperationException($"'npm ci' in {Directory} finished, but the pinned packages are still not installed.");
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs <c>node &lt;script&gt; &lt;arguments&gt;</c> with <paramref name="stdin"/> and returns its stdout.</summary>
    public Task<string> RunScriptAsync(string script, string arguments, string stdin) =>
        RunProcessAsync("node", $"{script} {arguments}".TrimEnd(), stdin, ScriptTimeout, $"node {script} failed");

    public async Task<JsonElement> RunScriptJsonAsync(string script, string arguments, string stdin)
    {
        string output = await RunScriptAsync(script, arguments, stdin);
        using JsonDocument document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Every dependency of package.json is installed at the version package-lock.json pins, so a package added to the
    /// project since the last install triggers a new one.
    /// </summary>
    private bool IsInstalled()
    {
        if (!File.Exists(Path.Combine(Directory, "node_modules", ".package-lock.json")))
        {
            return false;
        }

        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "package.json")));
        using JsonDocument locked = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "package-lock.json")));
        JsonElement lockedPackages = locked.RootElement.GetProperty("packages");
        foreach (string section in new[] { "dependencies", "devDependencies" })
        {
            if (!manifest.RootElement.TryGetProperty(section, out JsonElement dependencies))
            {
                continue;
            }

            foreach (JsonProperty dependency in dependencies.EnumerateObject())
            {
                string installedManifest = Path.Combine(Directory, "node_modules", dependency.Name, "package.json");
                if (!File.Exists(installedManifest)
                    || !lockedPackages.TryGetProperty("node_modules/" + dependency.Name, out JsonElement pinned))
                {
                    return false;
                }

                using JsonDocument installed = JsonDocument.Parse(File.ReadAllBytes(installedManifest));
                if (pinned.GetProperty("version").GetString() != installed.RootElement.GetProperty("version").GetString())
                {
                    return false;
                }
            }
        }

        return true;
    }

    private async Task<string> RunProcessAsync(string fileName, string arguments, string? stdin, TimeSpan timeout, string failure)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        // The SDK must use only what the scripts give it, never a developer's AWS configuration.
        foreach (string name in new[] { "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(Directory, "no-such-aws-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Directory, "no-such-aws-credentials");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{failure}: '{fileName}' was not found on PATH ({e.Message}).", e);
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{failure}: '{fileName} {arguments}' did not finish within {timeout.TotalSeconds:0} s. stderr: {await stderr}");
            }

            string output = await stdout;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{failure}: '{fileName} {arguments}' exited with {process.ExitCode}. stderr: {await stderr}");
            }

            return output;
        }
    }

    private static string RepositoryRoot()
    {
        // Not [CallerFilePath]: CI builds map source paths to /_/.
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PromptGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PromptGen.sln was not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>Every conformance test shares one installed Node project and runs one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<NodeProject>
{
    public const string Name = "Node conformance";
}
