using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>
/// guardrailConfig, cachePoint, performanceConfig, serviceTier, requestMetadata and additionalModelRequestFields:
/// refused as Bedrock refuses them, and answered with guardrail interventions, cache usage and reasoning.
/// </summary>
public sealed class InvocationOptionsTests
{
    private const string Hi = """{"role":"user","content":[{"text":"Hi"}]}""";

    /// <summary>Each member without its opening quote (a raw string literal cannot start with one).</summary>
    public static TheoryData<string, string> InvalidMembers => new()
    {
        { """"guardrailConfig":{"guardrailIdentifier":"gr1","guardrailVersion":"v1"}"""", "Value 'v1' at 'guardrailConfig.guardrailVersion' failed to satisfy constraint: Member must satisfy regular expression pattern: (([1-9][0-9]{0,7})|(DRAFT))" },
        { """"guardrailConfig":{"guardrailIdentifier":"gr1","guardrailVersion":"123456789"}"""", "Value '123456789' at 'guardrailConfig.guardrailVersion' failed to satisfy constraint: Member must have length less than or equal to 8" },
        { """"guardrailConfig":{"guardrailIdentifier":"My Guardrail","guardrailVersion":"1"}"""", "Value 'My Guardrail' at 'guardrailConfig.guardrailIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern" },
        { """"guardrailConfig":{"guardrailIdentifier":"gr1","guardrailVersion":"1","trace":"ENABLED"}"""", "Value 'ENABLED' at 'guardrailConfig.trace' failed to satisfy constraint: Member must satisfy enum value set: [enabled, disabled, enabled_full]" },
        { """"guardrailConfig":{"guardrailIdentifier":"gr1","guardrailVersion":"1","streamProcessingMode":"later"}"""", "Value 'later' at 'guardrailConfig.streamProcessingMode' failed to satisfy constraint: Member must satisfy enum value set: [sync, async]" },
        { """"performanceConfig":{"latency":"fast"}"""", "Value 'fast' at 'performanceConfig.latency' failed to satisfy constraint: Member must satisfy enum value set: [standard, optimized]" },
        { """"serviceTier":{}"""", "Value at 'serviceTier.type' failed to satisfy constraint: Member must not be null" },
        { """"serviceTier":{"type":"gold"}"""", "Value 'gold' at 'serviceTier.type' failed to satisfy constraint: Member must satisfy enum value set: [priority, default, flex, reserved]" },
        { """"requestMetadata":{}"""", "Value at 'requestMetadata' failed to satisfy constraint: Member must have length greater than or equal to 1" },
        { """"requestMetadata":{"tenant":"a<b"}"""", "Value 'a<b' at 'requestMetadata.tenant' failed to satisfy constraint: Member must have length less than or equal to 256 and satisfy regular expression pattern" },
        { """"requestMetadata":{"bad key!":"x"}"""", "Value 'bad key!' at 'requestMetadata.bad key!.key' failed to satisfy constraint" },
        { "requestMetadata\":{" + string.Join(",", Enumerable.Range(0, 17).Select(i => $"\"k{i}\":\"v\"")) + "}", "Value at 'requestMetadata' failed to satisfy constraint: Member must have length less than or equal to 16" },
        { """"additionalModelRequestFields":[1]"""", "Value at 'additionalModelRequestFields' failed to satisfy constraint: Member must be a JSON object" },
        { """"system":[{"text":"x"},{"cachePoint":{"type":"ephemeral"}}]"""", "Value 'ephemeral' at 'system.2.member.cachePoint.type' failed to satisfy constraint: Member must satisfy enum value set: [default]" },
        { """"system":[{"text":"x"},{"cachePoint":{}}]"""", "Value at 'system.2.member.cachePoint.type' failed to satisfy constraint: Member must not be null" },
        { """"system":[{"text":"x"},{"cachePoint":{"type":"default","ttl":"2h"}}]"""", "Value '2h' at 'system.2.member.cachePoint.ttl' failed to satisfy constraint: Member must satisfy enum value set: [5m, 1h]" },
        { """"toolConfig":{"tools":[{"toolSpec":{"name":"t","inputSchema":{"json":{"type":"object"}}}},{"cachePoint":{"type":"x"}}]}"""", "Value 'x' at 'toolConfig.tools.2.member.cachePoint.type' failed to satisfy constraint" },
    };

    [Theory]
    [MemberData(nameof(InvalidMembers))]
    public async Task Invalid_invocation_options_are_validation_exceptions_naming_the_member(string member, string expectedMessage)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, $$"""{"messages":[{{Hi}}],"{{member}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string message = await Converse.ErrorMessageAsync(response);
        Assert.True(message.Contains(expectedMessage, StringComparison.Ordinal), $"message was: {message}");
    }

    [Fact]
    public async Task Valid_invocation_options_are_accepted_and_echoed()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        const string body = """
            {"messages":[{"role":"user","content":[{"text":"Long document"},{"cachePoint":{"type":"default","ttl":"1h"}},{"text":"Question?"}]}],
             "system":[{"text":"Be brief."},{"cachePoint":{"type":"default"}}],
             "guardrailConfig":{"guardrailIdentifier":"arn:aws:bedrock:us-east-1:123456789012:guardrail/gr1abc","guardrailVersion":"DRAFT","trace":"enabled_full"},
             "performanceConfig":{"latency":"optimized"},"serviceTier":{"type":"priority"},
             "requestMetadata":{"tenant":"acme-42","user:id":"u@example.com"},
             "additionalModelRequestFields":{"thinking":{"type":"enabled","budget_tokens":2048}}}
            """;

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("optimized", answer.GetProperty("performanceConfig").GetProperty("latency").GetString());
        Assert.Equal("priority", answer.GetProperty("serviceTier").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_cached_prefix_is_written_by_the_first_call_and_read_by_the_next()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string document = new('d', 400);
        string Body(string question) => $$$"""
            {"messages":[{"role":"user","content":[{"text":"{{{document}}}"},{"cachePoint":{"type":"default"}},{"text":"{{{question}}}"}]}]}
            """;

        JsonElement first = await UsageAsync(emulator, Body("First?"));
        JsonElement second = await UsageAsync(emulator, Body("Second question?"));
        JsonElement other = await UsageAsync(emulator, Body("x").Replace("ddd", "eee", StringComparison.Ordinal));

        int cached = first.GetProperty("cacheWriteInputTokens").GetInt32();
        Assert.True(cached >= 100, $"the 400-character document should be about 100 tokens, was {cached}");
        Assert.Equal(0, first.GetProperty("cacheReadInputTokens").GetInt32());
        Assert.Equal((cached, 0), (second.GetProperty("cacheReadInputTokens").GetInt32(), second.GetProperty("cacheWriteInputTokens").GetInt32()));
        Assert.Equal(0, other.GetProperty("cacheReadInputTokens").GetInt32());
        Assert.Equal(
            second.GetProperty("inputTokens").GetInt32() + second.GetProperty("outputTokens").GetInt32() + cached,
            second.GetProperty("totalTokens").GetInt32());
    }

    [Fact]
    public async Task A_request_without_cache_points_reports_no_cache_tokens()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        JsonElement usage = await UsageAsync(emulator, Converse.Body("hi"));

        Assert.False(usage.TryGetProperty("cacheReadInputTokens", out _));
        Assert.False(usage.TryGetProperty("cacheWriteInputTokens", out _));
    }

    [Fact]
    public async Task A_guardrail_intervention_answers_the_blocked_message_with_a_trace_when_asked()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "stocks").ReplyGuardrailIntervention("I can't give investment advice.", topic: "Investment advice");
        const string body = """
            {"messages":[{"role":"user","content":[{"text":"Which stocks?"}]}],
             "guardrailConfig":{"guardrailIdentifier":"gr1abc","guardrailVersion":"3","trace":"enabled"}}
            """;

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        JsonElement answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("guardrail_intervened", answer.GetProperty("stopReason").GetString());
        Assert.Equal("I can't give investment advice.", answer.GetProperty("output").GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString());
        JsonElement topic = answer.GetProperty("trace").GetProperty("guardrail").GetProperty("inputAssessment").GetProperty("gr1abc")
            .GetProperty("topicPolicy").GetProperty("topics")[0];
        Assert.Equal(("Investment advice", "DENY", "BLOCKED"), (topic.GetProperty("name").GetString(), topic.GetProperty("type").GetString(), topic.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_guardrail_intervention_without_trace_has_no_trace_and_needs_a_guardrail()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().ReplyGuardrailIntervention();

        using HttpResponseMessage untraced = await Converse.SendSignedAsync(emulator, """
            {"messages":[{"role":"user","content":[{"text":"Hi"}]}],"guardrailConfig":{"guardrailIdentifier":"gr1abc","guardrailVersion":"1"}}
            """);
        using HttpResponseMessage unguarded = await Converse.SendSignedAsync(emulator, Converse.Body("Hi"));

        Assert.False(JsonDocument.Parse(await untraced.Content.ReadAsStringAsync()).RootElement.TryGetProperty("trace", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unguarded.StatusCode);
        Assert.Contains("has no guardrailConfig", await Converse.ErrorMessageAsync(unguarded), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reasoning_comes_first_with_its_signature()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().Reasoning("Two plus two is four.", signature: "sig-1").CacheUsage(read: 7, write: 3).ReplyText("4");

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, Converse.Body("2+2?"));

        JsonElement answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        JsonElement content = answer.GetProperty("output").GetProperty("message").GetProperty("content");
        JsonElement reasoning = content[0].GetProperty("reasoningContent").GetProperty("reasoningText");
        Assert.Equal(("Two plus two is four.", "sig-1"), (reasoning.GetProperty("text").GetString(), reasoning.GetProperty("signature").GetString()));
        Assert.Equal("4", content[1].GetProperty("text").GetString());
        Assert.Equal((7, 3), (answer.GetProperty("usage").GetProperty("cacheReadInputTokens").GetInt32(), answer.GetProperty("usage").GetProperty("cacheWriteInputTokens").GetInt32()));
    }

    private static async Task<JsonElement> UsageAsync(BedrockEmulator emulator, string body)
    {
        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("usage").Clone();
    }
}

/// <summary>Guardrail interventions, reasoning and cache usage from JSON script files (the emulator executable's format).</summary>
public sealed class InvocationOptionsScriptJsonTests
{
    [Fact]
    public async Task Script_files_answer_with_guardrail_interventions_reasoning_and_cache_usage()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.LoadJson("""
            { "rules": [
                { "promptContains": "stocks", "reply": { "guardrailIntervention": { "message": "No advice.", "topic": "Investment advice" } } },
                { "promptContains": "why", "reply": { "text": "Because.", "reasoning": { "text": "Think.", "signature": "s1" }, "cacheUsage": { "read": 900 } } }
            ] }
            """);

        using HttpResponseMessage blocked = await Converse.SendSignedAsync(emulator, """
            {"messages":[{"role":"user","content":[{"text":"Which stocks?"}]}],
             "guardrailConfig":{"guardrailIdentifier":"gr1abc","guardrailVersion":"1","trace":"enabled"}}
            """);
        using HttpResponseMessage reasoned = await Converse.SendSignedAsync(emulator, Converse.Body("why?"));

        JsonElement block = JsonDocument.Parse(await blocked.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("guardrail_intervened", block.GetProperty("stopReason").GetString());
        Assert.Equal("Investment advice", block.GetProperty("trace").GetProperty("guardrail").GetProperty("inputAssessment").GetProperty("gr1abc")
            .GetProperty("topicPolicy").GetProperty("topics")[0].GetProperty("name").GetString());
        JsonElement answer = JsonDocument.Parse(await reasoned.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("s1", answer.GetProperty("output").GetProperty("message").GetProperty("content")[0].GetProperty("reasoningContent").GetProperty("reasoningText").GetProperty("signature").GetString());
        Assert.Equal((900, 0), (answer.GetProperty("usage").GetProperty("cacheReadInputTokens").GetInt32(), answer.GetProperty("usage").GetProperty("cacheWriteInputTokens").GetInt32()));
    }
}
