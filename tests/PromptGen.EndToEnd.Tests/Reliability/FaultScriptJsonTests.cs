using System;
using System.Linq;
using System.Threading.Tasks;
using PromptGen.Testing;
using Xunit;
using static PromptGen.EndToEnd.Tests.Reliability.FaultClients;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>Faults in the JSON script format that <c>promptgen emulator --script</c> reads.</summary>
public sealed class FaultScriptJsonTests
{
    [Fact]
    public async Task Json_script_injects_each_fault()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.LoadJson("""
            { "rules": [
                { "promptContains": "drop", "times": 1, "fault": "dropConnection" },
                { "promptContains": "cut", "times": 1, "fault": { "truncatedBody": "half of this goes missing" } },
                { "promptContains": "slow-down", "error": { "code": "ThrottlingException", "status": 429, "message": "wait", "retryAfterSeconds": 30 } },
                { "promptContains": "coin", "share": 1, "seed": 3, "times": 2, "error": { "code": "InternalServerException", "status": 500, "message": "boom" } },
            ] }
            """);
        using BedrockRuntimeClient client = Create(emulator);

        Assert.StartsWith("Emulated reply", (await client.ConverseAsync(ModelId, Ask("drop"))).GetOutputText());
        Assert.StartsWith("Emulated reply", (await client.ConverseAsync(ModelId, Ask("cut"))).GetOutputText());
        Assert.StartsWith("Emulated reply", (await client.ConverseAsync(ModelId, Ask("coin"))).GetOutputText());
        var throttled = await Assert.ThrowsAsync<BedrockThrottlingException>(() => client.ConverseAsync(ModelId, Ask("slow-down")));

        Assert.Equal(TimeSpan.FromSeconds(30), throttled.RetryAfter);
        Assert.Equal(
            [EmulatorStatusCodes.ConnectionDropped, 200, EmulatorStatusCodes.TruncatedBody, 200, 500, 500, 200, 429],
            emulator.Requests.Select(r => r.ResponseStatus));
    }

    [Theory]
    [InlineData("""{ "rules": [ { "fault": "explode" } ] }""", "rules[0].fault must be")]
    [InlineData("""{ "rules": [ { "fault": "dropConnection", "reply": { "text": "x" } } ] }""", "exactly one of 'reply', 'error' or 'fault'")]
    [InlineData("""{ "rules": [ { "share": 1.5, "fault": "dropConnection" } ] }""", "share must be a number from 0 to 1")]
    [InlineData("""{ "rules": [ { "seed": 2, "fault": "dropConnection" } ] }""", "seed needs 'share'")]
    [InlineData("""{ "rules": [ { "error": { "code": "X", "status": 429, "message": "m", "retryAfterSeconds": -1 } } ] }""", "retryAfterSeconds must be at least 0")]
    public async Task Invalid_fault_scripts_are_rejected_with_the_member_named(string json, string expected)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        var error = Assert.Throws<EmulatorScriptException>(() => emulator.Script.LoadJson(json));

        Assert.Contains(expected, error.Message);
        Assert.Empty(emulator.Script.Rules);
    }

    [Fact]
    public void Retry_after_only_goes_on_errors()
    {
        Assert.Throws<InvalidOperationException>(() => EmulatorReply.FromText("x").WithRetryAfter(TimeSpan.FromSeconds(1)));
        Assert.Equal(EmulatorFault.DropConnection, EmulatorReply.DropConnection().Fault);
        Assert.Equal("share 0.25", new EmulatorScript().Always().Share(0.25).ReplyThrottling().Description);
    }
}
