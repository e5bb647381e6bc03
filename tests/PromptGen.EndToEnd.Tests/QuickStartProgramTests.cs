using System;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>The README's first command: the QuickStart runs offline and prints results from a signed round trip.</summary>
public sealed class QuickStartProgramTests
{
    [Fact]
    public async Task QuickStart_prints_each_result_with_what_was_sent()
    {
        (int exitCode, string output, string errors) = await SampleProgram.RunAsync("QuickStart");

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}\n{errors}");
        // A newcomer must not take the scripted answers for a model's, and learns how to go live.
        Assert.Contains("The answers below are scripted by this sample", output, StringComparison.Ordinal);
        Assert.Contains("run with --live", output, StringComparison.Ordinal);
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
        (int exitCode, string _, string errors) = await SampleProgram.RunAsync("QuickStart", "--live");

        Assert.Equal(1, exitCode);
        Assert.Contains("--live calls real Amazon Bedrock and needs AWS credentials", errors, StringComparison.Ordinal);
    }
}
