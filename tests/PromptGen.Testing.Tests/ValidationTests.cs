using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>Each input constraint of spec §3 yields a 400 ValidationException whose message names the member.</summary>
public sealed class ValidationTests
{
    private const string Hi = """{"role":"user","content":[{"text":"Hi"}]}""";

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { "not json", "Malformed input request: the body is not valid JSON" },
        { "[1,2]", "Malformed input request: the body must be a JSON object, not array" },
        // A lone surrogate escape reads as JSON but is no string (found by the knowledge-bases fuzz target): refused, not thrown.
        { """{"messages":[{"role":"user","content":[{"text":"\uD800"}]}]}""", "Malformed input request: the body holds a string that is not valid UTF-8" },
        { "{}", "1 validation error detected: Value at 'messages' failed to satisfy constraint: Member must not be null" },
        { """{"messages":null}""", "1 validation error detected: Value at 'messages' failed to satisfy constraint: Member must not be null" },
        { """{"messages":{}}""", "Value at 'messages' failed to satisfy constraint: Member must be a list" },
        { """{"messages":[]}""", "1 validation error detected: Value '[]' at 'messages' failed to satisfy constraint: Member must have length greater than or equal to 1" },
        { """{"messages":["hi"]}""", "Value at 'messages.1.member' failed to satisfy constraint: Member must be an object" },
        { """{"messages":[{"content":[{"text":"Hi"}]}]}""", "Value at 'messages.1.member.role' failed to satisfy constraint: Member must not be null" },
        { """{"messages":[{"role":"bot","content":[{"text":"Hi"}]}]}""", "Value 'bot' at 'messages.1.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant, system]" },
        { """{"messages":[{"role":"user"}]}""", "Value at 'messages.1.member.content' failed to satisfy constraint: Member must not be null" },
        { """{"messages":[{"role":"user","content":[]}]}""", "Value '[]' at 'messages.1.member.content' failed to satisfy constraint: Member must have length greater than or equal to 1" },
        { """{"messages":[{"role":"user","content":[{}]}]}""", "Value at 'messages.1.member.content.1.member' failed to satisfy constraint: Member must have exactly one union member set, found 0" },
        { """{"messages":[{"role":"user","content":[{"text":"a","image":{"format":"png","source":{"bytes":"AA=="}}}]}]}""", "Value at 'messages.1.member.content.1.member' failed to satisfy constraint: Member must have exactly one union member set, found 2" },
        { """{"messages":[{"role":"user","content":[{"text":5}]}]}""", "Value at 'messages.1.member.content.1.member.text' failed to satisfy constraint: Member must be a string" },
        { """{"messages":[{"role":"assistant","content":[{"text":"Hi"}]}]}""", "A conversation must start with a user message. Try again with a conversation that starts with a user message." },
        { $$$"""{"messages":[{{{Hi}}},{{{Hi}}}]}""", "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again." },
        { $$$"""{"messages":[{{{Hi}}},{"role":"system","content":[{"text":"x"}]}]}""", "A conversation must alternate between user and assistant roles." },
        { $$$"""{"messages":[{{{Hi}}}],"system":{"text":"x"}}""", "Value at 'system' failed to satisfy constraint: Member must be a list" },
        { $$$"""{"messages":[{{{Hi}}}],"system":[{"text":""}]}""", "1 validation error detected: Value '' at 'system.1.member.text' failed to satisfy constraint: Member must have length greater than or equal to 1" },
        { $$$"""{"messages":[{{{Hi}}}],"system":[{"text":"a","cachePoint":{"type":"default"}}]}""", "Value at 'system.1.member' failed to satisfy constraint: Member must have exactly one union member set, found 2" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":[]}""", "Value at 'inferenceConfig' failed to satisfy constraint: Member must be an object" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":{"maxTokens":0}}""", "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":{"maxTokens":1.5}}""", "Value at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must be an integer" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":{"maxTokens":"64"}}""", "Value at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must be an integer" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":{"temperature":1.5}}""", "Value '1.5' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":{"temperature":-0.1}}""", "Value '-0.1' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value greater than or equal to 0" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":{"topP":2}}""", "Value '2' at 'inferenceConfig.topP' failed to satisfy constraint: Member must have value less than or equal to 1" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":{"topP":"high"}}""", "Value at 'inferenceConfig.topP' failed to satisfy constraint: Member must be a number" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":{"stopSequences":"END"}}""", "Value at 'inferenceConfig.stopSequences' failed to satisfy constraint: Member must be a list" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":{"stopSequences":["END",""]}}""", "Value '' at 'inferenceConfig.stopSequences.2.member' failed to satisfy constraint: Member must have length greater than or equal to 1" },
        { $$$"""{"messages":[{{{Hi}}}],"inferenceConfig":{"stopSequences":[{{{string.Join(",", Enumerable.Repeat("\"s\"", 2501))}}}]}}""", "Value at 'inferenceConfig.stopSequences' failed to satisfy constraint: Member must have length less than or equal to 2500" },
        { """{"messages":[],"inferenceConfig":{"maxTokens":0}}""", "2 validation errors detected: Value '[]' at 'messages' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '0' at 'inferenceConfig.maxTokens'" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_body_is_a_validation_exception_naming_the_member(string body, string expectedMessage)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        await AssertValidationErrorAsync(response, expectedMessage);
        Assert.False(Assert.Single(emulator.Requests).Accepted);
    }

    [Theory]
    [InlineData("", "Value '' at 'modelId' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    [InlineData("bad model!", "Value 'bad model!' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern")]
    [InlineData("LONG", "at 'modelId' failed to satisfy constraint: Member must have length less than or equal to 2048")]
    public async Task Invalid_model_id_is_a_validation_exception(string modelId, string expectedMessage)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string id = modelId == "LONG" ? "a." + new string('b', 2047) : modelId;

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, Converse.Body("hi"), modelId: id);

        await AssertValidationErrorAsync(response, expectedMessage);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Content_type_other_than_json_is_a_validation_exception(string? contentType)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, Converse.Body("hi"), contentType: contentType);
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow);

        using HttpResponseMessage response = await Converse.Http.SendAsync(request);

        await AssertValidationErrorAsync(response, "The request Content-Type must be application/json");
    }

    [Fact]
    public async Task Json_content_type_with_a_charset_is_accepted()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, Converse.Body("hi"), contentType: "application/json; charset=utf-8");
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow);

        using HttpResponseMessage response = await Converse.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_members_are_ignored()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        const string body = """
            {"messages":[{"role":"user","content":[{"text":"Hi"},{"futureBlock":{"x":1}}],"futureMessageMember":true}],
             "futureTopLevelMember":{"anything":[1,2,3]},"inferenceConfig":{"maxTokens":5,"futureKnob":9}}
            """;

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Full_request_of_the_spec_is_accepted()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        const string body = """
            {
              "system": [{"text": "You are terse."}, {"cachePoint": {"type": "default"}}],
              "messages": [
                {"role": "user", "content": [
                  {"text": "Weather in Paris? See image."},
                  {"image": {"format": "png", "source": {"bytes": "iVBORw=="}}}]},
                {"role": "assistant", "content": [
                  {"toolUse": {"toolUseId": "tooluse_1", "name": "get_weather", "input": {"city": "Paris"}}}]},
                {"role": "user", "content": [
                  {"toolResult": {"toolUseId": "tooluse_1", "status": "success",
                                  "content": [{"json": {"tempC": 21}}, {"text": "sunny"}]}}]}
              ],
              "inferenceConfig": {"maxTokens": 256, "temperature": 0.2, "topP": 0.9, "stopSequences": ["END"]},
              "toolConfig": {
                "tools": [{"toolSpec": {"name": "get_weather", "description": "Get weather",
                  "inputSchema": {"json": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}}],
                "toolChoice": {"auto": {}}
              },
              "guardrailConfig": {"guardrailIdentifier": "abc123", "guardrailVersion": "1", "trace": "enabled"},
              "additionalModelRequestFields": {"top_k": 50},
              "performanceConfig": {"latency": "optimized"},
              "requestMetadata": {"team": "x"},
              "outputConfig": {"textFormat": {"type": "json_schema",
                "structure": {"jsonSchema": {"name": "r", "schema": "{\"type\":\"object\"}"}}}}
            }
            """;

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.Equal("You are terse.", recorded.SystemText);
        Assert.Null(recorded.UserText); // the last user turn holds only a tool result
        Assert.Equal("{}", Converse.ReplyText(await response.Content.ReadAsStringAsync())); // a sample of the schema {"type":"object"}
    }

    [Fact]
    public async Task Authentication_is_checked_before_validation()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, "{}");

        using HttpResponseMessage response = await Converse.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task AssertValidationErrorAsync(HttpResponseMessage response, string expectedMessage)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationException", Converse.ErrorType(response));
        string message = await Converse.ErrorMessageAsync(response);
        Assert.True(message.StartsWith(expectedMessage, StringComparison.Ordinal) || message.Contains(expectedMessage, StringComparison.Ordinal), $"message was: {message}");
    }
}
