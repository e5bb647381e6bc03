using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>Reading 2xx Converse bodies (wire spec §3).</summary>
public sealed class ConverseResponseTests
{
    private const string ModelId = "amazon.nova-lite-v1:0";

    [Fact]
    public async Task Full_response_is_read()
    {
        ConverseResponse response = await Converse(
            """
            {"output":{"message":{"role":"assistant","content":[{"text":"Let me check."},{"text":" Done."}]}},
             "stopReason":"end_turn",
             "usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15,"cacheReadInputTokens":3,"cacheWriteInputTokens":0},
             "metrics":{"latencyMs":123},
             "additionalModelResponseFields":{"stop_sequence":null}}
            """);

        Assert.Equal(ConversationRole.Assistant, response.Output!.Message!.Role);
        Assert.Equal("Let me check. Done.", response.GetOutputText());
        Assert.Equal(StopReason.EndTurn, response.StopReason);
        Assert.Equal(10, response.Usage!.InputTokens);
        Assert.Equal(5, response.Usage.OutputTokens);
        Assert.Equal(15, response.Usage.TotalTokens);
        Assert.Equal(3, response.Usage.CacheReadInputTokens);
        Assert.Equal(123, response.Metrics!.LatencyMs);
        Assert.Equal(JsonValueKind.Object, response.AdditionalModelResponseFields!.Value.ValueKind);
    }

    [Fact]
    public async Task Unknown_content_members_are_kept()
    {
        ConverseResponse response = await Converse(
            """
            {"output":{"message":{"role":"assistant","content":[
               {"text":"Let me check."},
               {"toolUse":{"toolUseId":"tooluse_1","name":"get_weather","input":{"city":"Paris"}}},
               {"reasoningContent":{"reasoningText":{"text":"hmm","signature":"sig"}}}]}},
             "stopReason":"tool_use","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"metrics":{"latencyMs":1}}
            """);

        var content = response.Output!.Message!.Content;
        Assert.Equal(3, content.Count);
        Assert.Equal("sig", content[2].ReasoningContent!.ReasoningText!.Signature);
        Assert.Null(content[2].Text);
        Assert.Equal(StopReason.ToolUse, response.StopReason);
    }

    [Fact]
    public async Task Tool_use_blocks_are_typed_and_not_left_in_unknown_members()
    {
        ConverseResponse response = await Converse(
            """
            {"output":{"message":{"role":"assistant","content":[
               {"toolUse":{"toolUseId":"tooluse_1","name":"get_weather","input":{"city":"Paris"},"brandNew":1}}]}},
             "stopReason":"tool_use","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"metrics":{"latencyMs":1}}
            """);

        ContentBlock block = Assert.Single(response.Output!.Message!.Content);
        Assert.Null(block.UnknownMembers);
        Assert.Equal("tooluse_1", block.ToolUse!.ToolUseId);
        Assert.Equal("get_weather", block.ToolUse.Name);
        Assert.Equal("Paris", block.ToolUse.Input.GetProperty("city").GetString());
        Assert.Equal(1, block.ToolUse.UnknownMembers!["brandNew"].GetInt32());
    }

    [Fact]
    public async Task Unknown_stop_reason_and_top_level_members_do_not_fail()
    {
        ConverseResponse response = await Converse(
            """{"output":{"message":{"role":"assistant","content":[{"text":"x"}]}},"stopReason":"brand_new_reason","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"metrics":{"latencyMs":1},"serviceTier":{"type":"flex"},"somethingNew":[1,2]}""");

        Assert.Equal("brand_new_reason", response.StopReason?.Value);
    }

    [Theory]
    [InlineData("{\"output\":{\"message\":")]
    [InlineData("<html>OK</html>")]
    [InlineData("")]
    [InlineData("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":\"not a list\"}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2}}")]
    public async Task Malformed_json_is_a_response_error_with_the_request_id(string body)
    {
        var error = await Assert.ThrowsAsync<BedrockResponseException>(() => Converse(body, "req-malformed"));

        Assert.Equal("req-malformed", error.RequestId);
        Assert.Contains("not valid JSON", error.Message);
        Assert.Contains("req-malformed", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("""{"stopReason":"end_turn","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2}}""", "'output'")]
    [InlineData("""{"output":{"message":{"role":"assistant","content":[]}},"usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2}}""", "'stopReason'")]
    [InlineData("""{"output":{"message":{"role":"assistant","content":[]}},"stopReason":"end_turn"}""", "'usage'")]
    [InlineData("null", "a JSON object")]
    public async Task Missing_required_member_is_a_response_error(string body, string missing)
    {
        var error = await Assert.ThrowsAsync<BedrockResponseException>(() => Converse(body, "req-missing"));

        Assert.Equal("req-missing", error.RequestId);
        Assert.Contains("without " + missing, error.Message);
    }

    private static async Task<ConverseResponse> Converse(string body, string requestId = "req-1")
    {
        var handler = CapturingHandler.Responding(HttpStatusCode.OK, body, ("x-amzn-RequestId", requestId));
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);
        return await client.ConverseAsync(ModelId, TestClients.HiRequest());
    }
}
