using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace PromptGen.Testing.Tests.Support;

/// <summary>
/// The built <c>promptgen emulator</c> (src/PromptGen.Tool) run as a child process, its output read line by line. Disposing kills it if it still runs,
/// so a failing test never leaves it behind.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _stdout = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stderr = new();

    private EmulatorProcess(Process process) => _process = process;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>promptgen emulator</c> with <paramref name="args"/>.</summary>
    public static EmulatorProcess Start(params string[] args) => StartTool(["emulator", .. args]);

    /// <summary>Starts <c>promptgen</c> with <paramref name="args"/> (the command first).</summary>
    public static EmulatorProcess StartTool(params string[] args)
    {
        string dll = typeof(EmulatorProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "PromptGen.ToolDll").Value!;
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = startInfo };
        var emulator = new EmulatorProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                emulator._stdout.Writer.TryComplete();
            }
            else
            {
                emulator._stdout.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (emulator._stderr)
            {
                emulator._stderr.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return emulator;
    }

    /// <summary>The next line of standard output; null when the stream ended or nothing came within <paramref name="timeout"/>.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await _stdout.Reader.ReadAsync(cancel.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>The exit code; throws when the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Asks the process to stop as a service manager would: SIGTERM.</summary>
    public void Terminate()
    {
        const int SIGTERM = 15;
        if (kill(_process.Id, SIGTERM) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
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

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the C function's own name
    private static extern int kill(int pid, int signal);
#pragma warning restore SA1300, IDE1006
}
