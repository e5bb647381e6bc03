using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>Several tool calls in one answer (parallel tool use), and rules that look at the tool results sent back.</summary>
public sealed class ParallelToolUseReplyTests
{
    private const string Tools =
        "\"toolConfig\":" + """{"tools":[{"toolSpec":{"name":"get_weather","inputSchema":{"json":{"type":"object","properties":{"city":{"type":"string"}}}}}}]}""";

    private static readonly EmulatorToolCall[] TwoCities =
    {
        new("get_weather", """{"city":"Paris"}"""),
        new("get_weather", """{"city":"Oslo"}"""),
    };

    private static string FirstTurn => """{"messages":[{"role":"user","content":[{"text":"weather?"}]}],""" + Tools + "}";

    private static string SecondTurn(string status) =>
        """{"messages":[{"role":"user","content":[{"text":"weather?"}]},"""
        + """{"role":"assistant","content":[{"toolUse":{"toolUseId":"tooluse_1","name":"get_weather","input":{"city":"Paris"}}}]},"""
        + """{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1","status":""" + JsonSerializer.Serialize(status)
        + ""","content":[{"text":"rain"},{"json":{"c":12}}]}}]}],""" + Tools + "}";

    [Fact]
    public async Task A_tool_uses_reply_answers_with_text_then_one_block_per_call_with_distinct_ids()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyToolUses(TwoCities, preamble: "Checking.");

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, FirstTurn, Converse.HaikuModel);
        JsonElement content = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("output").GetProperty("message").GetProperty("content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, content.GetArrayLength());
        Assert.Equal("Checking.", content[0].GetProperty("text").GetString());
        Assert.Equal(("tooluse_1", "Paris"), (content[1].GetProperty("toolUse").GetProperty("toolUseId").GetString(), content[1].GetProperty("toolUse").GetProperty("input").GetProperty("city").GetString()));
        Assert.Equal(("tooluse_2", "Oslo"), (content[2].GetProperty("toolUse").GetProperty("toolUseId").GetString(), content[2].GetProperty("toolUse").GetProperty("input").GetProperty("city").GetString()));
    }

    [Fact]
    public async Task Streamed_tool_uses_come_as_one_content_block_each_at_increasing_indexes()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Stream(chunkSize: 5).ReplyToolUses(TwoCities, preamble: "Hm.");

        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, FirstTurn, "converse-stream");
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow);
        using HttpResponseMessage response = await Converse.Http.SendAsync(request);
        var frames = FrameReader.ReadAll(await response.Content.ReadAsByteArrayAsync());

        var starts = frames.Where(frame => frame.EventType == "contentBlockStart").Select(frame => JsonDocument.Parse(frame.Payload).RootElement).ToArray();
        Assert.Equal(new[] { 1, 2 }, starts.Select(start => start.GetProperty("contentBlockIndex").GetInt32()));
        Assert.Equal(new[] { "tooluse_1", "tooluse_2" }, starts.Select(start => start.GetProperty("start").GetProperty("toolUse").GetProperty("toolUseId").GetString()));
        string InputOf(int index) => string.Concat(frames.Where(frame => frame.EventType == "contentBlockDelta")
            .Select(frame => JsonDocument.Parse(frame.Payload).RootElement)
            .Where(delta => delta.GetProperty("contentBlockIndex").GetInt32() == index)
            .Select(delta => delta.GetProperty("delta").TryGetProperty("toolUse", out JsonElement use) ? use.GetProperty("input").GetString() : delta.GetProperty("delta").GetProperty("text").GetString()));
        Assert.Equal("Hm.", InputOf(0));
        Assert.Equal("""{"city":"Paris"}""", InputOf(1));
        Assert.Equal("""{"city":"Oslo"}""", InputOf(2));
        Assert.Equal(3, frames.Count(frame => frame.EventType == "contentBlockStop"));
        Assert.Equal("""{"stopReason":"tool_use"}""", frames[^2].Payload);
    }

    [Fact]
    public async Task Rules_see_the_tool_results_of_the_last_user_turn()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(call => call.ToolResults.Any(result => result.IsError)).ReplyText("saw an error");
        emulator.Script.When(call => call.HasToolResultFor("tooluse_1") && call.ToolResults[0].Text == "rain\n{\"c\":12}").ReplyText("saw rain");
        emulator.Script.Always().ReplyText("first turn");

        Assert.Equal("first turn", await TextAsync(emulator, FirstTurn));
        Assert.Equal("saw rain", await TextAsync(emulator, SecondTurn("success")));
        Assert.Equal("saw an error", await TextAsync(emulator, SecondTurn("error")));
    }

    [Fact]
    public async Task Script_files_can_play_a_tool_loop_with_toolResultContains()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.LoadJson("""
            { "rules": [
                { "promptContains": "weather?", "reply": { "toolUse": { "name": "get_weather", "input": { "city": "Paris" } } } },
                { "toolResultContains": "\"c\":12", "reply": { "text": "12 degrees" } }
            ] }
            """);

        Assert.Equal("tool_use", JsonDocument.Parse(await (await Converse.SendSignedAsync(emulator, FirstTurn, Converse.HaikuModel)).Content.ReadAsStringAsync()).RootElement.GetProperty("stopReason").GetString());
        Assert.Equal("12 degrees", await TextAsync(emulator, SecondTurn("success")));
        Assert.Equal("a tool result contains \"\"c\":12\" -> text", emulator.Script.Rules[1].ToString());
    }

    [Fact]
    public void Script_files_can_answer_with_several_tool_uses()
    {
        var script = new EmulatorScript();
        script.LoadJson("""{"rules":[{"reply":{"toolUses":[{"name":"a","input":{}},{"input":{"x":1}}]}}]}""");

        EmulatorReply reply = script.Rules.Single().Reply;
        Assert.Equal(new[] { new EmulatorToolCall("a", "{}"), new EmulatorToolCall(null, """{"x":1}""") }, reply.ToolCalls);
        Assert.Throws<EmulatorScriptException>(() => script.LoadJson("""{"rules":[{"reply":{"toolUses":[]}}]}"""));
        Assert.Throws<ArgumentException>(() => EmulatorReply.FromToolUses(Array.Empty<EmulatorToolCall>()));
    }

    private static async Task<string> TextAsync(BedrockEmulator emulator, string body)
    {
        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body, Converse.HaikuModel);
        string json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, json);
        return JsonDocument.Parse(json).RootElement.GetProperty("output").GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString()!;
    }
}
