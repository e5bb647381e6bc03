using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>
/// The open and closed vocabularies of the wire: stop reasons keep values Bedrock adds later, echoed settings a
/// newer Bedrock names differently read as null instead of failing the answer, and what we send is spelled as
/// the wire spec says.
/// </summary>
public sealed class WireVocabularyTests
{
    [Fact]
    public void Stop_reasons_compare_by_value_ignoring_case()
    {
        Assert.Equal(StopReason.EndTurn, new StopReason("END_TURN"));
        Assert.True(new StopReason("max_tokens") == StopReason.MaxTokens);
        Assert.NotEqual(StopReason.EndTurn, StopReason.ToolUse);
        Assert.Equal(StopReason.EndTurn.GetHashCode(), new StopReason("End_Turn").GetHashCode());
        Assert.Equal("tool_use", StopReason.ToolUse.ToString());
        Assert.Equal(string.Empty, default(StopReason).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_stop_reason_needs_a_value(string value) =>
        Assert.Throws<ArgumentException>(() => new StopReason(value));

    [Fact]
    public async Task Echoed_settings_a_newer_Bedrock_names_differently_read_as_null()
    {
        ConverseResponse response = await Converse(
            """
            {"output":{"message":{"role":"assistant","content":[{"text":"ok"}]}},"stopReason":"a_new_reason",
             "usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2,"cacheDetails":[{"ttl":"24h","inputTokens":3},{"ttl":"1h","inputTokens":4}]},
             "metrics":{"latencyMs":1},"serviceTier":{"type":"ultra"},"performanceConfig":{"latency":"warp"}}
            """);

        Assert.Equal("a_new_reason", response.StopReason?.Value);
        Assert.Null(response.ServiceTier);
        Assert.Null(response.PerformanceConfig!.Latency);
        Assert.Null(response.Usage!.CacheDetails![0].Ttl);
        Assert.Equal(CacheTtl.OneHour, response.Usage.CacheDetails[1].Ttl);
        Assert.Equal(4, response.Usage.CacheDetails[1].InputTokens);
    }

    [Fact]
    public async Task Known_echoed_settings_are_read()
    {
        ConverseResponse response = await Converse(
            """
            {"output":{"message":{"role":"assistant","content":[{"text":"ok"}]}},"stopReason":"end_turn",
             "usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"metrics":{"latencyMs":1},
             "serviceTier":{"type":"flex"},"performanceConfig":{"latency":"optimized"}}
            """);

        Assert.Equal(ServiceTier.Flex, response.ServiceTier);
        Assert.Equal(LatencyMode.Optimized, response.PerformanceConfig!.Latency);
    }

    [Fact]
    public async Task Settings_are_sent_with_their_wire_spelling()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);
        ConverseRequest request = TestClients.HiRequest();
        request.ServiceTier = ServiceTier.Priority;
        request.PerformanceConfig = new PerformanceConfiguration { Latency = LatencyMode.Optimized };
        request.GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = "gr1", GuardrailVersion = "1", Trace = GuardrailTrace.EnabledFull };
        request.Messages[0].Content.Add(ContentBlock.FromCachePoint(CacheTtl.OneHour));
        request.Messages.Add(new Message { Role = ConversationRole.Assistant, Content = { ContentBlock.FromText("a") } });
        request.Messages.Add(new Message
        {
            Content = { new ContentBlock { ToolResult = new ToolResultBlock { ToolUseId = "t1", Status = ToolResultStatus.Error, Content = { ToolResultContentBlock.FromText("x") } } } },
        });

        await client.ConverseAsync("amazon.nova-lite-v1:0", request);

        JsonElement body = JsonDocument.Parse(handler.Single.Body).RootElement;
        Assert.Equal("""{"type":"priority"}""", body.GetProperty("serviceTier").GetRawText());
        Assert.Equal("optimized", body.GetProperty("performanceConfig").GetProperty("latency").GetString());
        Assert.Equal("enabled_full", body.GetProperty("guardrailConfig").GetProperty("trace").GetString());
        Assert.Equal("1h", body.GetProperty("messages")[0].GetProperty("content")[1].GetProperty("cachePoint").GetProperty("ttl").GetString());
        Assert.Equal("assistant", body.GetProperty("messages")[1].GetProperty("role").GetString());
        Assert.Equal("error", body.GetProperty("messages")[2].GetProperty("content")[0].GetProperty("toolResult").GetProperty("status").GetString());
    }

    private static async Task<ConverseResponse> Converse(string body)
    {
        var handler = CapturingHandler.Responding(HttpStatusCode.OK, body);
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);
        return await client.ConverseAsync("amazon.nova-lite-v1:0", TestClients.HiRequest());
    }
}
