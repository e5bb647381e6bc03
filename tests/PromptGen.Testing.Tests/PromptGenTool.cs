using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Testing.Tests;

/// <summary>Runs the built <c>promptgen</c> tool as a user would, for the tests of its commands.</summary>
internal static class PromptGenTool
{
    /// <summary>Runs the built tool in <paramref name="directory"/> with the emulator's credentials and no AWS configuration of this machine's.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string directory, params string[] args)
    {
        string dll = typeof(PromptGenTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "PromptGen.ToolDll").Value!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (string name in start.Environment.Keys.Where(key => key.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = EmulatorCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = EmulatorCredentials.SecretAccessKey;
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(directory, "no-such-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(directory, "no-such-credentials");
        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
