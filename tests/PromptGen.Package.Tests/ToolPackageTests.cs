using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>
/// The promptgen tool as a package user gets it: installed from the local feed into a tool path of its own, then
/// 'promptgen emulator --port 0' started and called by an app built from the packages, configured only by the
/// environment variables the tool printed.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ToolPackageTests
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly PackedPackages _packages;

    public ToolPackageTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void Installed_tool_runs_the_emulator_and_an_app_calls_it_with_the_printed_settings()
    {
        string promptgen = InstallTool();

        string client = EmulatorClient.Create(_packages, "ToolClient", "net10.0", withTesting: false);
        string clientOutput = Path.Combine(client, "out");
        (int buildExit, string buildOutput) = DotNetCli.Run(client, BuildTimeout, new Dictionary<string, string?>(), "build", "-c", "Release", "-o", clientOutput, "-nodeReuse:false", "-clp:NoSummary");
        Assert.True(buildExit == 0, $"build of the client failed:\n{buildOutput}");

        using var emulator = new ToolProcess(promptgen, "emulator", "--port", "0");
        string? firstLine = emulator.ReadLine(StartupTimeout);
        Match listening = Regex.Match(firstLine ?? string.Empty, @"^Listening on (http://127\.0\.0\.1:\d+)$");
        Assert.True(listening.Success, $"first line: {firstLine}; stderr: {emulator.StandardError}");
        string hint = emulator.WaitForError("Ctrl+C", StartupTimeout);

        // Exactly what the tool told the user to export, and nothing of the machine's AWS set-up.
        Dictionary<string, string?> environment = ConsumerProjectTests.IsolatedAwsEnvironment();
        foreach (Match export in Regex.Matches(hint, @"^\s*export (AWS_[A-Z_]+)=(\S+)$", RegexOptions.Multiline))
        {
            if (!export.Groups[2].Value.StartsWith('<'))
            {
                environment[export.Groups[1].Value] = export.Groups[2].Value;
            }
        }

        Assert.Equal(listening.Groups[1].Value, environment["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"]);
        (int runExit, string runOutput) = DotNetCli.Run(clientOutput, TimeSpan.FromMinutes(1), environment, Path.Combine(clientOutput, "ToolClient.dll"));
        Assert.True(runExit == 0, $"the client exited with {runExit}:\n{runOutput}\nemulator stderr:\n{emulator.StandardError}");
        Assert.Contains("reply: Emulated reply from us.anthropic.claude-haiku-4-5-20251001-v1:0 to: Say hello to Ada.", runOutput, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/2 (h2c, prior knowledge) on http://127.0.0.1:", emulator.ReadLine(StartupTimeout), StringComparison.Ordinal);
        Assert.Equal("POST /model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse 200", emulator.ReadLine(StartupTimeout));
    }

    /// <summary>The installed tool's help is the approved one (tests/PromptGen.Testing.Tests/Snapshots).</summary>
    [Fact]
    public void Installed_tool_prints_the_approved_help()
    {
        string promptgen = InstallTool();
        foreach ((string snapshot, string[] args) in new[] { ("promptgen-help.txt", new[] { "--help" }), ("promptgen-emulator-help.txt", new[] { "emulator", "--help" }) })
        {
            using var tool = new ToolProcess(promptgen, args);
            Assert.Equal(0, tool.WaitForExit(StartupTimeout));
            string approved = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "PromptGen.Testing.Tests", "Snapshots", snapshot));
            Assert.Equal(Normalize(approved), Normalize(tool.StandardOutput));
        }
    }

    private static string Normalize(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd())).TrimEnd();

    private static readonly Lock InstallLock = new();
    private static string? _installed;

    /// <summary>'dotnet tool install --tool-path' from this run's feed, once; returns the promptgen command's path.</summary>
    private string InstallTool()
    {
        lock (InstallLock)
        {
            if (_installed is not null)
            {
                return _installed;
            }

            string toolPath = Path.Combine(_packages.WorkDirectory, "tools");
            (int exitCode, string output) = DotNetCli.Run(
                _packages.WorkDirectory,
                InstallTimeout,
                new Dictionary<string, string?>(),
                "tool", "install", "PromptGen.Tool",
                "--tool-path", toolPath,
                "--add-source", _packages.Feed,
                "--configfile", _packages.NuGetConfig,
                "--version", _packages.Version);
            Assert.True(exitCode == 0, $"dotnet tool install failed ({exitCode}):\n{output}");
            string command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "promptgen.exe" : "promptgen");
            Assert.True(File.Exists(command), $"{command} was not installed:\n{output}");
            return _installed = command;
        }
    }

    /// <summary>An installed command run as a child process, its output collected; disposing kills it.</summary>
    private sealed class ToolProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();
        private readonly Queue<string> _lines = new();
        private bool _ended;

        public ToolProcess(string command, params string[] args)
        {
            var start = new ProcessStartInfo(command)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            // The apphost finds the runtime the way a user's shell would; DOTNET_ROOT points at the one running the tests.
            // The apphost finds the runtime through DOTNET_ROOT: the one running these tests (<root>/shared/Microsoft.NETCore.App/<version>/).
            start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) =>
            {
                lock (_lines)
                {
                    if (e.Data is null)
                    {
                        _ended = true;
                    }
                    else
                    {
                        _lines.Enqueue(e.Data);
                        _stdout.AppendLine(e.Data);
                    }

                    Monitor.PulseAll(_lines);
                }
            };
            _process.ErrorDataReceived += (_, e) =>
            {
                lock (_lines)
                {
                    _stderr.AppendLine(e.Data);
                    Monitor.PulseAll(_lines);
                }
            };
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string StandardError
        {
            get
            {
                lock (_lines)
                {
                    return _stderr.ToString();
                }
            }
        }

        public string StandardOutput
        {
            get
            {
                lock (_lines)
                {
                    return _stdout.ToString();
                }
            }
        }

        public string? ReadLine(TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            lock (_lines)
            {
                while (_lines.Count == 0 && !_ended && DateTime.UtcNow < deadline)
                {
                    Monitor.Wait(_lines, TimeSpan.FromMilliseconds(100));
                }

                return _lines.Count > 0 ? _lines.Dequeue() : null;
            }
        }

        /// <summary>Standard error once it contains <paramref name="text"/> (or whatever it has after <paramref name="timeout"/>).</summary>
        public string WaitForError(string text, TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            lock (_lines)
            {
                while (!_stderr.ToString().Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
                {
                    Monitor.Wait(_lines, TimeSpan.FromMilliseconds(100));
                }

                return _stderr.ToString();
            }
        }

        public int WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit(timeout))
            {
                throw new TimeoutException($"{_process.StartInfo.FileName} still runs after {timeout}");
            }

            _process.WaitForExit(); // drains the redirected streams
            return _process.ExitCode;
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }
            finally
            {
                _process.Dispose();
            }
        }
    }
}
