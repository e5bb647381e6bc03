using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.BedrockFeatures;

/// <summary>
/// Generated methods with Bedrock invocation options, through signed HTTP against the emulator: the wire request
/// each attribute produces, and the typed outcomes (guardrail interventions, cache tokens, reasoning).
/// </summary>
public sealed class BedrockFeaturePromptTests : IAsyncLifetime
{
    private readonly EmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private IBedrockFeaturePrompts Prompts => IBedrockFeaturePrompts.Create(_fixture.Client);

    private JsonElement Body(int index = 0) => JsonDocument.Parse(_fixture.Emulator.Requests[index].Body).RootElement;

    [Fact]
    public async Task Guardrail_cache_point_and_metadata_attributes_shape_the_request()
    {
        _fixture.Emulator.Script.When(promptContains: "buttons").ReplyText("Three.");

        string answer = await Prompts.AnswerAsync("How many buttons?", new Dictionary<string, string> { ["tenant"] = "acme-42", ["app"] = "override" });

        Assert.Equal("Three.", answer);
        JsonElement body = Body();
        Assert.Equal("""{"guardrailIdentifier":"gr1support","guardrailVersion":"3","trace":"enabled"}""", body.GetProperty("guardrailConfig").GetRawText());
        Assert.Equal("""{"cachePoint":{"type":"default"}}""", body.GetProperty("system")[1].GetRawText());
        Assert.Equal(2, body.GetProperty("system").GetArrayLength());
        Assert.Equal("""{"app":"override","feature":"answers","tenant":"acme-42"}""", body.GetProperty("requestMetadata").GetRawText());
        Assert.Equal(1, body.GetProperty("messages")[0].GetProperty("content").GetArrayLength());
        Assert.False(body.TryGetProperty("performanceConfig", out _));
        Assert.False(body.TryGetProperty("additionalModelRequestFields", out _));
    }

    [Fact]
    public async Task Without_per_call_metadata_the_constant_pairs_are_sent()
    {
        await Prompts.AnswerAsync("Lights?", metadata: null);

        Assert.Equal("""{"app":"support-bot","feature":"answers"}""", Body().GetProperty("requestMetadata").GetRawText());
    }

    [Fact]
    public async Task A_guardrail_intervention_throws_with_the_assessment_instead_of_answering()
    {
        _fixture.Emulator.Script.When().ReplyGuardrailIntervention("Sorry, I can only answer questions about the manual.", topic: "Off-topic");

        GuardrailInterventionException exception = await Assert.ThrowsAsync<GuardrailInterventionException>(
            () => Prompts.AnswerAsync("Tell me a joke", metadata: null));

        Assert.Equal("Sorry, I can only answer questions about the manual.", exception.OutputText);
        Assert.Equal("us.amazon.nova-pro-v1:0", exception.ModelId);
        GuardrailTopic topic = exception.Assessment!.InputAssessment!["gr1support"].TopicPolicy!.Topics.Single();
        Assert.Equal(("Off-topic", "BLOCKED"), (topic.Name, topic.Action));
        Assert.IsAssignableFrom<BedrockException>(exception);
    }

    [Fact]
    public async Task A_guardrail_intervention_on_a_typed_result_throws_before_any_repair()
    {
        _fixture.Emulator.Script.When().ReplyGuardrailIntervention();

        await Assert.ThrowsAsync<GuardrailInterventionException>(() => Prompts.SolveAsync("riddle"));

        Assert.Single(_fixture.Emulator.Requests);
    }

    [Fact]
    public async Task Reasoning_becomes_claude_thinking_and_repair_turns_send_the_signed_reasoning_back()
    {
        _fixture.Emulator.Script.When().Times(1).Reasoning("Count the steps first.", "sig-a").ReplyJson("""{"answer":"42"}""");
        _fixture.Emulator.Script.When().Reasoning("Add steps.", "sig-b").ReplyJson("""{"answer":"42","steps":3}""");

        PromptResult<PuzzleSolution> result = await Prompts.SolveAsync("Life, the universe and everything?");

        Assert.Equal(new PuzzleSolution("42", 3), result.Value);
        Assert.Equal("Add steps.", result.ReasoningText); // the reasoning of the answer that produced the value
        Assert.Equal("""{"thinking":{"type":"enabled","budget_tokens":2048}}""", Body().GetProperty("additionalModelRequestFields").GetRawText());
        Assert.Equal(4096, Body().GetProperty("inferenceConfig").GetProperty("maxTokens").GetInt32());
        JsonElement repairedAssistant = Body(1).GetProperty("messages")[1];
        Assert.Equal("""{"reasoningText":{"text":"Count the steps first.","signature":"sig-a"}}""", repairedAssistant.GetProperty("content")[0].GetProperty("reasoningContent").GetRawText());
    }

    [Fact]
    public async Task Latency_tier_and_model_fields_reach_the_wire_and_are_echoed()
    {
        await Prompts.ClassifyAsync("The light blinks");

        JsonElement body = Body();
        Assert.Equal("""{"latency":"optimized"}""", body.GetProperty("performanceConfig").GetRawText());
        Assert.Equal("""{"type":"priority"}""", body.GetProperty("serviceTier").GetRawText());
        Assert.Equal("""{"inferenceConfig":{"topK":20}}""", body.GetProperty("additionalModelRequestFields").GetRawText());
        Assert.Equal("""{"app":"support-bot"}""", body.GetProperty("requestMetadata").GetRawText());
    }

    [Fact]
    public async Task A_stream_with_cache_points_reasoning_and_an_async_guardrail()
    {
        _fixture.Emulator.Script.When().Stream(chunkSize: 5).Reasoning("Buttons, then light.").ReplyText("Press and hold.");

        PromptStream first = Prompts.ExplainAsync("the reset");
        Assert.Equal("Press and hold.", await first.ReadToEndAsync());
        PromptStream second = Prompts.ExplainAsync("the reset");
        await second.ReadToEndAsync();

        JsonElement body = Body();
        Assert.Equal("""{"guardrailIdentifier":"gr1support","guardrailVersion":"DRAFT","trace":"enabled_full","streamProcessingMode":"async"}""", body.GetProperty("guardrailConfig").GetRawText());
        Assert.Equal("""{"cachePoint":{"type":"default","ttl":"1h"}}""", body.GetProperty("system")[1].GetRawText());
        Assert.Equal("""[{"text":"Explain: the reset"},{"cachePoint":{"type":"default","ttl":"1h"}}]""", body.GetProperty("messages")[0].GetProperty("content").GetRawText());
        Assert.Equal("""{"thinking":{"type":"enabled","budget_tokens":1024}}""", body.GetProperty("additionalModelRequestFields").GetRawText());
        Assert.Equal("Buttons, then light.", first.ReasoningText);
        Assert.True(first.Usage!.CacheWriteInputTokens > 0);
        Assert.Equal(0, first.Usage.CacheReadInputTokens);
        Assert.Equal(first.Usage.CacheWriteInputTokens, second.Usage!.CacheReadInputTokens);
    }

    [Fact]
    public async Task A_typed_result_reports_the_cache_tokens_of_every_attempt()
    {
        _fixture.Emulator.Script.When().CacheUsage(read: 900, write: 0).ReplyJson("""{"answer":"7","steps":1}""");

        PromptResult<PuzzleSolution> result = await Prompts.SolveAsync("3+4");

        Assert.Equal(900, result.Usage.CacheReadInputTokens);
        Assert.Equal(0, result.Usage.CacheWriteInputTokens);
    }
}

/// <summary>[CachePoint(CacheAfter.Tools)]: every round of the tool loop ends its tool definitions with a cache point.</summary>
public sealed class CachedToolPromptTests : IAsyncLifetime
{
    private readonly EmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Each_round_sends_the_tools_then_a_cache_point()
    {
        _fixture.Emulator.Script.When().Times(1).ReplyToolUse("count_stock", """{"code":"LAMP-3000"}""");
        _fixture.Emulator.Script.When().ReplyText("12 in stock.");

        string answer = await ICachedToolPrompts.Create(_fixture.Client).StockAsync("LAMP-3000", new StockTools());

        Assert.Equal("12 in stock.", answer);
        Assert.Equal(2, _fixture.Emulator.Requests.Count);
        foreach (RecordedRequest request in _fixture.Emulator.Requests)
        {
            JsonElement tools = JsonDocument.Parse(request.Body).RootElement.GetProperty("toolConfig").GetProperty("tools");
            Assert.Equal("count_stock", tools[0].GetProperty("toolSpec").GetProperty("name").GetString());
            Assert.Equal("""{"cachePoint":{"type":"default","ttl":"1h"}}""", tools[tools.GetArrayLength() - 1].GetRawText());
            Assert.Equal("""{"cachePoint":{"type":"default","ttl":"1h"}}""", JsonDocument.Parse(request.Body).RootElement.GetProperty("system")[1].GetRawText());
        }
    }
}
