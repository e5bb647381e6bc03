using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>samples/Chat runs offline: a conversation continued through each result, then a typed prompt that falls back.</summary>
public sealed class ChatProgramTests
{
    [Fact]
    public async Task Chat_continues_the_conversation_and_falls_back_from_a_throttled_model()
    {
        (int exitCode, string output, string errors) = await SampleProgram.RunAsync("Chat");

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}\n{errors}");
        Assert.Contains("assistant: I'm sorry your kettle leaks.", output, StringComparison.Ordinal);
        Assert.Contains("assistant: Done: a replacement kettle ships tomorrow", output, StringComparison.Ordinal);
        // Each turn sends the whole conversation so far: 1, 3, then 5 messages.
        Assert.Equal(new[] { "1", "3", "5" }, Regex.Matches(output, @"(\d+) message\(s\) sent").Select(match => match.Groups[1].Value));
        Assert.Matches(@"request id [0-9a-f]{8}-[0-9a-f]{4}-", output);
        Assert.Contains("attempt 1: us.amazon.nova-micro-v1:0 failed: BedrockThrottlingException", output, StringComparison.Ordinal);
        Assert.Contains("attempt 2: us.anthropic.claude-haiku-4-5-20251001-v1:0 answered", output, StringComparison.Ordinal);
        Assert.Contains("result:    Resolved: Kettle leaking at the base; replacement shipped under warranty.", output, StringComparison.Ordinal);
        Assert.Contains(
            "models called: us.amazon.nova-micro-v1:0 (429), us.amazon.nova-micro-v1:0 (429), us.anthropic.claude-haiku-4-5-20251001-v1:0 (200)",
            output,
            StringComparison.Ordinal);
    }
}
