using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>Rules and default replies answer with tool uses and JSON, shaped by the request's tools and schemas.</summary>
public sealed class StructuredReplyTests
{
    private const string Model = Converse.HaikuModel;

    private const string WeatherSchema =
        """{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer","minimum":1}},"required":["city","days"]}""";

    private const string OrderSchema =
        """{"type":"object","properties":{"id":{"type":"string","format":"uuid"},"status":{"enum":["open","shipped"]},"lines":{"type":"array","items":{"$ref":"#/$defs/line"}}},"required":["id","status","lines"],"$defs":{"line":{"type":"object","properties":{"sku":{"type":"string","minLength":8},"qty":{"type":"number"}}}}}""";

    [Fact]
    public async Task Tool_use_rule_answers_with_a_tool_use_block()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyToolUse("get_weather", """{"city":"Paris"}""");

        JsonElement answer = await AnswerAsync(emulator, ToolBody(choice: null));

        Assert.Equal("tool_use", answer.GetProperty("stopReason").GetString());
        JsonElement toolUse = Block(answer).GetProperty("toolUse");
        Assert.Equal("tooluse_1", toolUse.GetProperty("toolUseId").GetString());
        Assert.Equal("get_weather", toolUse.GetProperty("name").GetString());
        Assert.Equal("Paris", toolUse.GetProperty("input").GetProperty("city").GetString());
    }

    [Fact]
    public async Task Unnamed_tool_use_calls_the_forced_tool_then_the_first_offered()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyToolUse(null, "{}");

        JsonElement forced = await AnswerAsync(emulator, ToolBody("""{"tool":{"name":"get_time"}}"""));
        JsonElement offered = await AnswerAsync(emulator, ToolBody(choice: null));

        Assert.Equal("get_time", Block(forced).GetProperty("toolUse").GetProperty("name").GetString());
        Assert.Equal("get_weather", Block(offered).GetProperty("toolUse").GetProperty("name").GetString());
        Assert.Equal("tooluse_2", Block(offered).GetProperty("toolUse").GetProperty("toolUseId").GetString());
    }

    [Fact]
    public async Task Unnamed_tool_use_without_tools_is_a_script_error()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyToolUse(null, "{}");

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "hi");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Emulator script error:", await Converse.ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_rule_answers_with_the_json_as_text()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyJson("""{"status":"shipped"}""");

        Assert.Equal("""{"status":"shipped"}""", await Converse.AskAsync(emulator, "order?"));
    }

    [Fact]
    public void Invalid_json_or_tool_name_is_refused_when_the_rule_is_built()
    {
        var script = new EmulatorScript();

        Assert.Throws<ArgumentException>(() => script.Always().ReplyJson("{nope"));
        Assert.Throws<ArgumentException>(() => script.Always().ReplyToolUse("bad name", "{}"));
        Assert.Throws<ArgumentException>(() => script.Always().ReplyToolUse("ok", "not json"));
        Assert.Empty(script.Rules);
    }

    [Fact]
    public async Task Default_reply_to_a_forced_tool_is_a_tool_use_shaped_by_its_schema()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        JsonElement answer = await AnswerAsync(emulator, ToolBody("""{"any":{}}"""));

        Assert.Equal("tool_use", answer.GetProperty("stopReason").GetString());
        JsonElement toolUse = Block(answer).GetProperty("toolUse");
        Assert.Equal("get_weather", toolUse.GetProperty("name").GetString());
        Assert.Equal("""{"city":"sample","days":1}""", toolUse.GetProperty("input").GetRawText());
    }

    [Fact]
    public async Task Default_reply_to_structured_output_is_json_shaped_by_the_schema()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string body = """{"messages":[{"role":"user","content":[{"text":"order 7"}]}],"outputConfig":{"textFormat":{"type":"json_schema","structure":{"jsonSchema":{"name":"order","schema":"""
            + JsonSerializer.Serialize(OrderSchema) + "}}}}}";

        JsonElement answer = await AnswerAsync(emulator, body);

        Assert.Equal("end_turn", answer.GetProperty("stopReason").GetString());
        Assert.Equal(
            """{"id":"00000000-0000-0000-0000-000000000000","status":"open","lines":[{"sku":"samplexx","qty":0}]}""",
            Block(answer).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Call_and_record_expose_tools_output_config_and_message_count()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        ConverseCall? seen = null;
        emulator.Script.When(call => (seen = call) is not null).ReplyText("ok");

        await AnswerAsync(emulator, ToolBody("""{"tool":{"name":"get_time"}}"""));

        Assert.NotNull(seen);
        Assert.Equal((true, "get_time", "tool", false, 1), (seen!.HasToolConfig, seen.ForcedToolName, seen.ToolChoice, seen.HasOutputConfig, seen.MessageCount));
        Assert.Equal(new[] { "get_weather", "get_time" }, seen.ToolNames);
        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.Equal((true, "get_time", false, 1), (recorded.HasToolConfig, recorded.ForcedToolName, recorded.HasOutputConfig, recorded.MessageCount));
        Assert.Contains("\"toolConfig\"", recorded.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_script_rules_reply_with_tool_uses_and_json()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.LoadJson("""
            { "rules": [
                { "promptContains": "weather", "reply": { "toolUse": { "name": "get_weather", "input": { "city": "Oslo", "days": 2 } } } },
                { "promptContains": "time", "reply": { "toolUse": { "input": {} } } },
                { "promptContains": "order", "reply": { "json": { "status": "open", "lines": [] } } }
            ] }
            """);

        JsonElement weather = Block(await AnswerAsync(emulator, ToolBody(choice: null, prompt: "weather?"))).GetProperty("toolUse");
        JsonElement time = Block(await AnswerAsync(emulator, ToolBody("""{"tool":{"name":"get_time"}}""", prompt: "time?"))).GetProperty("toolUse");

        Assert.Equal(("get_weather", """{"city":"Oslo","days":2}"""), (weather.GetProperty("name").GetString(), weather.GetProperty("input").GetRawText()));
        Assert.Equal("get_time", time.GetProperty("name").GetString());
        Assert.Equal("""{"status":"open","lines":[]}""", await Converse.AskAsync(emulator, "order?"));
        Assert.Equal(new[] { "toolUse", "toolUse", "text" }, emulator.Script.Rules.Select(rule => rule.Reply.IsToolUse ? "toolUse" : "text"));
    }

    [Theory]
    [InlineData("""{"rules":[{"reply":{"text":"a","json":{}}}]}""", "rules[0].reply must have exactly one of 'text', 'json', 'toolUse', 'toolUses', 'guardrailIntervention' or 'contentFiltered'.")]
    [InlineData("""{"rules":[{"reply":{"toolUse":{"name":"x"}}}]}""", "rules[0].reply.toolUse.input is required.")]
    [InlineData("""{"rules":[{"reply":{"toolUse":{"name":"a b","input":{}}}}]}""", "rules[0].reply.toolUse.name must match")]
    [InlineData("""{"rules":[{"reply":{"toolUse":{"nam":"x","input":{}}}}]}""", "rules[0].reply.toolUse has unknown member 'nam'")]
    [InlineData("""{"rules":[{"reply":{"toolUse":[]}}]}""", "rules[0].reply.toolUse must be an object")]
    public void Invalid_structured_reply_in_a_script_is_rejected(string json, string expectedProblem)
    {
        EmulatorScriptException error = Assert.Throws<EmulatorScriptException>(() => new EmulatorScript().LoadJson(json));

        Assert.Contains(expectedProblem, error.Message, StringComparison.Ordinal);
    }

    private static string ToolBody(string? choice, string prompt = "weather in Paris?") =>
        """{"messages":[{"role":"user","content":[{"text":""" + JsonSerializer.Serialize(prompt) + """}]}],"toolConfig":{"tools":["""
        + """{"toolSpec":{"name":"get_weather","inputSchema":{"json":""" + WeatherSchema + "}}},"
        + """{"toolSpec":{"name":"get_time","inputSchema":{"json":{"type":"object","properties":{"zone":{"type":"string"}}}}}}]"""
        + (choice is null ? string.Empty : ""","toolChoice":""" + choice) + "}}";

    private static async Task<JsonElement> AnswerAsync(BedrockEmulator emulator, string body)
    {
        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body, Model);
        string json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, json);
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static JsonElement Block(JsonElement answer) =>
        Assert.Single(answer.GetProperty("output").GetProperty("message").GetProperty("content").EnumerateArray());
}
