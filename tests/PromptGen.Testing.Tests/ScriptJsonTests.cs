using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

public sealed class ScriptJsonTests
{
    private const string ValidScript = """
        {
          // comments and trailing commas are allowed in hand-written scripts
          "rules": [
            { "model": "us.amazon.nova-lite-v1:0", "promptContains": "ticket", "times": 1, "delayMs": 10,
              "reply": { "text": "About a refund.", "stopReason": "max_tokens", "inputTokens": 4, "outputTokens": 6 } },
            { "promptMatches": "order #\\d+", "systemContains": "support",
              "error": { "code": "ThrottlingException", "status": 429, "message": "Rate exceeded" } },
            { "systemMatches": "^terse", "reply": { "text": "Ok." } },
          ]
        }
        """;

    [Fact]
    public async Task Valid_script_drives_the_emulator()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.LoadJson(ValidScript);

        Assert.Equal(3, emulator.Script.Rules.Count);
        Assert.Equal("About a refund.", await Converse.AskAsync(emulator, "my ticket", modelId: "us.amazon.nova-lite-v1:0"));
        Assert.Contains("(used 1 of 1)", await Converse.AskUnscriptedAsync(emulator, "my ticket", modelId: "us.amazon.nova-lite-v1:0"), StringComparison.Ordinal);
        using HttpResponseMessage throttled = await Converse.SendPromptAsync(emulator, "order #12", system: "support desk");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("Rate exceeded", await Converse.ErrorMessageAsync(throttled));
        Assert.Equal("Ok.", await Converse.AskAsync(emulator, "hi", system: "terse please"));
    }

    [Fact]
    public void Loaded_reply_keeps_every_field()
    {
        var script = new EmulatorScript();
        script.LoadJson(ValidScript);

        ScriptRule first = script.Rules[0];
        Assert.Equal(("About a refund.", "max_tokens", 4, 6), (first.Reply.Text, first.Reply.StopReason, first.Reply.InputTokens, first.Reply.OutputTokens));
        Assert.Equal((1, TimeSpan.FromMilliseconds(10)), (first.MaxUses, first.Delay));
        Assert.Equal("model = us.amazon.nova-lite-v1:0 and prompt contains \"ticket\"", first.Description);
        Assert.Equal(("ThrottlingException", 429), (script.Rules[1].Reply.ErrorCode, script.Rules[1].Reply.ErrorStatus));
    }

    [Fact]
    public void Script_file_is_loaded()
    {
        string path = Path.Combine(Path.GetTempPath(), $"emulator-script-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ValidScript);
        try
        {
            var script = new EmulatorScript();
            script.LoadFile(path);
            Assert.Equal(3, script.Rules.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""[]""", "the top level must be an object")]
    [InlineData("""{}""", "'rules' must be a list of rules.")]
    [InlineData("""{"rules":[],"extra":1}""", "the top level has unknown member 'extra'")]
    [InlineData("""{"rules":[1]}""", "rules[0] must be an object.")]
    [InlineData("""{"rules":[{"promtContains":"x","reply":{"text":"y"}}]}""", "rules[0] has unknown member 'promtContains'")]
    [InlineData("""{"rules":[{"promptContains":"x"}]}""", "rules[0] must have exactly one of 'reply', 'error' or 'fault'.")]
    [InlineData("""{"rules":[{"reply":{"text":"y"},"error":{"code":"E","status":400,"message":"m"}}]}""", "rules[0] must have exactly one of 'reply', 'error' or 'fault'.")]
    [InlineData("""{"rules":[{"reply":{"text":"y"}},{"reply":{}}]}""", "rules[1].reply must have exactly one of 'text', 'json', 'toolUse', 'toolUses', 'guardrailIntervention' or 'contentFiltered'.")]
    [InlineData("""{"rules":[{"reply":{"guardrailIntervention":{"mesage":"x"}}}]}""", "rules[0].reply.guardrailIntervention has unknown member 'mesage'")]
    [InlineData("""{"rules":[{"reply":{"guardrailIntervention":{},"stopReason":"end_turn"}}]}""", "a guardrail intervention stops with 'guardrail_intervened'")]
    [InlineData("""{"rules":[{"reply":{"text":"y","reasoning":{"signature":"s"}}}]}""", "rules[0].reply.reasoning.text is required.")]
    [InlineData("""{"rules":[{"reply":{"text":"y","cacheUsage":{"read":-1}}}]}""", "rules[0].reply.cacheUsage.read must be at least 0; got -1.")]
    [InlineData("""{"rules":[{"reply":{"text":3}}]}""", "rules[0].reply.text must be a string.")]
    [InlineData("""{"rules":[{"times":0,"reply":{"text":"y"}}]}""", "rules[0].times must be at least 1; got 0.")]
    [InlineData("""{"rules":[{"delayMs":"100","reply":{"text":"y"}}]}""", "rules[0].delayMs must be an integer.")]
    [InlineData("""{"rules":[{"promptMatches":"(","reply":{"text":"y"}}]}""", "rules[0].promptMatches is not a valid regular expression")]
    [InlineData("""{"rules":[{"error":{"code":"E","status":200,"message":"m"}}]}""", "rules[0].error.status must be at least 400; got 200.")]
    [InlineData("""{"rules":[{"error":{"code":"Bad:Code","status":400,"message":"m"}}]}""", "rules[0].error: The error code 'Bad:Code' cannot hold")]
    [InlineData("""{"rules":[{"error":{"code":"E","status":400}}]}""", "rules[0].error.message is required.")]
    public void Invalid_script_is_rejected_with_a_message_naming_the_problem(string json, string expectedProblem)
    {
        var script = new EmulatorScript();
        script.Always().ReplyText("existing");

        EmulatorScriptException error = Assert.Throws<EmulatorScriptException>(() => script.LoadJson(json));

        Assert.StartsWith("Invalid emulator script: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedProblem, error.Message, StringComparison.Ordinal);
        Assert.Single(script.Rules); // nothing of the bad script was added
    }

    [Fact]
    public void Invalid_script_file_names_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"emulator-script-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"rules":[{"reply":{}}]}""");
        try
        {
            EmulatorScriptException error = Assert.Throws<EmulatorScriptException>(() => new EmulatorScript().LoadFile(path));
            Assert.Equal($"Invalid emulator script '{path}': rules[0].reply must have exactly one of 'text', 'json', 'toolUse', 'toolUses', 'guardrailIntervention' or 'contentFiltered'.", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_script_file_is_reported()
    {
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        EmulatorScriptException error = Assert.Throws<EmulatorScriptException>(() => new EmulatorScript().LoadFile(path));

        Assert.StartsWith($"Cannot read emulator script '{path}'", error.Message, StringComparison.Ordinal);
    }
}
