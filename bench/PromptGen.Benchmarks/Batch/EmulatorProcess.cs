using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace PromptGen.Benchmarks.Batch;

/// <summary>
/// <c>promptgen emulator</c> in a process of its own, so that what it holds (every S3 object of a 100,000-record run)
/// is not counted in the benchmark process's managed memory. The tool is built beside this project
/// (a project reference without its assembly), in the same configuration.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Starts the emulator with <paramref name="arguments"/> after <c>emulator --port 0</c> and waits for its first line.</summary>
    public static EmulatorProcess Start(params string[] arguments)
    {
        string tool = ToolPath();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { tool, "emulator", "--port", "0" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        // Standard output is one line per request after the first two: both streams are drained so the emulator
        // never blocks on a full pipe; the first line says where it listens.
        var firstLine = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) => firstLine.TrySetResult(line.Data);
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        const string Prefix = "Listening on ";
        string? first = firstLine.Task.Wait(TimeSpan.FromSeconds(60)) ? firstLine.Task.Result : null;
        if (first is null || !first.StartsWith(Prefix, StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"promptgen emulator did not start (its first line: '{first}').");
        }

        return new EmulatorProcess(process, new Uri(first[Prefix.Length..].Trim()));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static string ToolPath()
    {
        // BenchmarkDotNet runs a benchmark from its own generated project under bin/, so walk up to the repository.
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PromptGen.sln")))
            {
                string path = Path.Combine(directory.FullName, "src", "PromptGen.Tool", "bin", Configuration, "net10.0", "PromptGen.Tool.dll");
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException($"Build the tool first: dotnet build src/PromptGen.Tool -c {Configuration}", path);
            }
        }

        throw new DirectoryNotFoundException("The repository (PromptGen.sln) was not found above " + AppContext.BaseDirectory);
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
