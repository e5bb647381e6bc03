using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>The README's first command: the QuickStart runs offline and prints results from a signed round trip.</summary>
public sealed class QuickStartProgramTests
{
    [Fact]
    public async Task QuickStart_prints_each_result_with_what_was_sent()
    {
        (int exitCode, string output, string errors) = await RunQuickStartAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}\n{errors}");
        Assert.Contains("result:  The customer was charged twice", output, StringComparison.Ordinal);
        Assert.Contains("result:  Bonjour", output, StringComparison.Ordinal);
        Assert.Contains("result:  Billing, High urgency (92% sure): Refund the duplicate charge; Email the customer", output, StringComparison.Ordinal);
        Assert.Contains("schema:  sent as outputConfig (native structured output)", output, StringComparison.Ordinal);
        Assert.Contains("result:  Refundly", output, StringComparison.Ordinal);
        Assert.Contains("POST /model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse", output, StringComparison.Ordinal);
        Assert.Contains("signature valid: True", output, StringComparison.Ordinal);
        Assert.DoesNotContain("signature valid: False", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_mode_without_credentials_says_what_is_missing()
    {
        (int exitCode, string _, string errors) = await RunQuickStartAsync("--live");

        Assert.Equal(1, exitCode);
        Assert.Contains("--live calls real Amazon Bedrock and needs AWS credentials", errors, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunQuickStartAsync(params string[] arguments)
    {
        string quickStart = Path.Combine(AppContext.BaseDirectory, "QuickStart.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(quickStart);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // An empty, isolated AWS environment: no credentials or profiles of the machine leak into the test.
        string empty = Directory.CreateTempSubdirectory("promptgen-noaws").FullName;
        foreach (string name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_BEARER_TOKEN_BEDROCK", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME" })
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
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("QuickStart did not finish within 60 s");
        }

        return (process.ExitCode, await output, await errors);
    }
}
