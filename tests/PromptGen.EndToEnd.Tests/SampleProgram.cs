using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.EndToEnd.Tests;

/// <summary>
/// Runs a sample's built program (copied next to the tests) the way a user would, in an empty, isolated AWS
/// environment: no credentials, profiles or endpoints of the machine leak into a sample that must run offline.
/// </summary>
internal static class SampleProgram
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly string[] AwsVariables =
    {
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_BEARER_TOKEN_BEDROCK", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME",
    };

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string sample, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, sample + ".dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        string empty = Directory.CreateTempSubdirectory("promptgen-noaws").FullName;
        foreach (string name in AwsVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(empty, "config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(empty, "credentials");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["HOME"] = empty;

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"samples/{sample} did not finish within {Limit.TotalSeconds:0} s");
        }

        return (process.ExitCode, await output, await errors);
    }
}
