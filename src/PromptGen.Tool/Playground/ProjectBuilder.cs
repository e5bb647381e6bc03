using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Tool.Playground;

/// <summary>
/// Turns a project into its built assembly: <c>dotnet build</c>, then <c>dotnet msbuild -getProperty:TargetPath</c>
/// (the SDK's own answer for where the output went, whatever the project sets).
/// </summary>
internal static class ProjectBuilder
{
    public static async Task<string> BuildAsync(string projectPath, string? framework, TextWriter log, CancellationToken cancellationToken)
    {
        string[] frameworkArgs = framework is null ? [] : ["-p:TargetFramework=" + framework];
        (int exit, string output) = await DotNetAsync(["build", projectPath, "-nologo", "-v", "q", .. frameworkArgs], cancellationToken);
        if (exit != 0)
        {
            await log.WriteLineAsync(output);
            throw new PlaygroundSetupException($"'dotnet build {projectPath}' failed (exit code {exit}).");
        }

        (exit, output) = await DotNetAsync(["msbuild", projectPath, "-nologo", "-getProperty:TargetPath", .. frameworkArgs], cancellationToken);
        string targetPath = output.Trim();
        if (exit != 0 || targetPath.Length == 0)
        {
            throw new PlaygroundSetupException(framework is null
                ? $"Found no output assembly for '{projectPath}'; if it targets several frameworks, choose one with --framework."
                : $"Found no output assembly for '{projectPath}' and framework {framework}.");
        }

        return targetPath;
    }

    private static async Task<(int Exit, string Output)> DotNetAsync(string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new PlaygroundSetupException("Could not start 'dotnet'.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
