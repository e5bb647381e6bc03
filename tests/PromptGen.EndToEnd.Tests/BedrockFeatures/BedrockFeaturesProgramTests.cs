using System;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests.BedrockFeatures;

/// <summary>The README's Bedrock-specifics sample runs offline and shows each feature's request and typed result.</summary>
public sealed class BedrockFeaturesProgramTests
{
    [Fact]
    public async Task The_sample_shows_cache_use_a_blocked_prompt_latency_options_and_reasoning()
    {
        (int exitCode, string output, string errors) = await SampleProgram.RunAsync("BedrockFeatures");

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}\n{errors}");
        Assert.Matches(@"call 1\s+answer:  Hold the top and side buttons[^\n]*\n\s+tokens:  \d+ input, [1-9]\d* written to the cache, 0 read from it", output);
        Assert.Matches(@"call 2\s+answer:  [^\n]*\n\s+tokens:  \d+ input, 0 written to the cache, [1-9]\d* read from it", output);
        Assert.Contains("\"guardrailConfig\": {\"guardrailIdentifier\":\"gr1helpdesk\",\"guardrailVersion\":\"2\",\"trace\":\"enabled\"}", output, StringComparison.Ordinal);
        Assert.Contains("\"requestMetadata\": {\"app\":\"helpdesk\",\"tenant\":\"contoso-eu\"}", output, StringComparison.Ordinal);
        Assert.Contains("blocked: Sorry, I can only help with the Acme Lamp 3000.", output, StringComparison.Ordinal);
        Assert.Contains("why:     guardrail gr1helpdesk denied topic 'Investment advice' (BLOCKED)", output, StringComparison.Ordinal);
        Assert.Contains("\"performanceConfig\": {\"latency\":\"optimized\"}", output, StringComparison.Ordinal);
        Assert.Contains("\"serviceTier\": {\"type\":\"priority\"}", output, StringComparison.Ordinal);
        Assert.Contains("thought: Amber blinking is listed under errors", output, StringComparison.Ordinal);
        Assert.Contains("\"additionalModelRequestFields\": {\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}}", output, StringComparison.Ordinal);
    }
}
