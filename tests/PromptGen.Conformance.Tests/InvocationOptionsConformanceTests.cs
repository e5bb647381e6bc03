using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// guardrailConfig, cache points, performanceConfig, serviceTier, requestMetadata and model fields against the
/// official AWS SDK for JavaScript: our JSON body equals the SDK's for the same request, and the SDK's models read
/// the emulator's guardrail traces, reasoning blocks and cache tokens (its deserializer drops what it does not model).
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class InvocationOptionsConformanceTests(NodeProject node) : IAsyncLifetime
{
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await BedrockEmulator.StartAsync();
        _emulator.Script.When(promptContains: "[blocked]").ReplyGuardrailIntervention("Blocked by policy.", topic: "Secrets");
        _emulator.Script.When(promptContains: "Hi").ReplyText("Hello.");
        _emulator.Script.When(promptContains: "[reasoning]").Reasoning("Think first.", "sig-x").CacheUsage(read: 40, write: 2).Stream(chunkSize: 4).ReplyText("Done.");
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    private static JsonObject SdkInput(string prompt, bool stream) => new()
    {
        ["system"] = new JsonArray(new JsonObject { ["text"] = "Be brief." }, new JsonObject { ["cachePoint"] = new JsonObject { ["type"] = "default" } }),
        ["messages"] = new JsonArray(new JsonObject
        {
            ["role"] = "user",
            ["content"] = new JsonArray(
                new JsonObject { ["text"] = "A long document." },
                new JsonObject { ["cachePoint"] = new JsonObject { ["type"] = "default", ["ttl"] = "1h" } },
                new JsonObject { ["text"] = prompt }),
        }),
        ["toolConfig"] = new JsonObject
        {
            ["tools"] = new JsonArray(
                new JsonObject { ["toolSpec"] = new JsonObject { ["name"] = "lookup", ["inputSchema"] = new JsonObject { ["json"] = new JsonObject { ["type"] = "object" } } } },
                new JsonObject { ["cachePoint"] = new JsonObject { ["type"] = "default" } }),
        },
        ["guardrailConfig"] = stream
            ? new JsonObject { ["guardrailIdentifier"] = "gr1abc", ["guardrailVersion"] = "DRAFT", ["trace"] = "enabled", ["streamProcessingMode"] = "async" }
            : new JsonObject { ["guardrailIdentifier"] = "gr1abc", ["guardrailVersion"] = "DRAFT", ["trace"] = "enabled" },
        ["performanceConfig"] = new JsonObject { ["latency"] = "optimized" },
        ["serviceTier"] = new JsonObject { ["type"] = "flex" },
        ["requestMetadata"] = new JsonObject { ["tenant"] = "acme-42" },
        ["additionalModelRequestFields"] = new JsonObject { ["thinking"] = new JsonObject { ["type"] = "enabled", ["budget_tokens"] = 1024 } },
    };

    private static ConverseRequest OurRequest(string prompt, bool stream) => new()
    {
        System = [SystemContentBlock.FromText("Be brief."), new SystemContentBlock { CachePoint = new CachePointBlock() }],
        Messages =
        {
            new Message { Content = { ContentBlock.FromText("A long document."), ContentBlock.FromCachePoint(CacheTtl.OneHour), ContentBlock.FromText(prompt) } },
        },
        ToolConfig = new ToolConfiguration
        {
            Tools =
            {
                new Tool { ToolSpec = new ToolSpecification { Name = "lookup", InputSchema = new ToolInputSchema { Json = JsonDocument.Parse("""{"type":"object"}""").RootElement } } },
                new Tool { CachePoint = new CachePointBlock() },
            },
        },
        GuardrailConfig = new GuardrailConfiguration
        {
            GuardrailIdentifier = "gr1abc",
            GuardrailVersion = "DRAFT",
            Trace = GuardrailTrace.Enabled,
            StreamProcessingMode = stream ? GuardrailStreamProcessing.Async : null,
        },
        PerformanceConfig = new PerformanceConfiguration { Latency = LatencyMode.Optimized },
        ServiceTier = ServiceTier.Flex,
        RequestMetadata = new Dictionary<string, string> { ["tenant"] = "acme-42" },
        AdditionalModelRequestFields = JsonDocument.Parse("""{"thinking":{"type":"enabled","budget_tokens":1024}}""").RootElement,
    };

    [Theory]
    [InlineData("converse")]
    [InlineData("converseStream")]
    public async Task Our_json_body_equals_the_sdks_for_every_invocation_option(string operation)
    {
        bool stream = operation == "converseStream";
        Dictionary<string, JsonElement> results = await RunSdkAsync([ConformanceRequests.Call("sdk", operation, SdkInput("Hi", stream))]);
        Ok(results["sdk"]);
        using (BedrockRuntimeClient client = OurClient())
        {
            if (stream)
            {
                await foreach (ConverseStreamEvent _ in client.ConverseStreamAsync(ConformanceRequests.Model, OurRequest("Hi", stream)))
                {
                }
            }
            else
            {
                await client.ConverseAsync(ConformanceRequests.Model, OurRequest("Hi", stream));
            }
        }

        Assert.All(_emulator.Requests, request => Assert.True(request.Accepted, $"{request.ResponseStatus} {request.ErrorCode}"));
        using JsonDocument sdkBody = JsonDocument.Parse(_emulator.Requests[0].Body), ourBody = JsonDocument.Parse(_emulator.Requests[1].Body);
        Assert.Null(JsonSemantics.FirstDifference(sdkBody.RootElement, ourBody.RootElement));
    }

    [Fact]
    public async Task The_sdk_reads_the_emulators_guardrail_trace_reasoning_and_cache_tokens()
    {
        Dictionary<string, JsonElement> results = await RunSdkAsync(
        [
            ConformanceRequests.Call("blocked", "converse", SdkInput("[blocked]", stream: false)),
            ConformanceRequests.Call("reasoning", "converseStream", SdkInput("[reasoning]", stream: true)),
        ]);

        JsonElement blocked = Ok(results["blocked"]);
        Assert.Equal("guardrail_intervened", blocked.GetProperty("stopReason").GetString());
        JsonElement topic = blocked.GetProperty("trace").GetProperty("guardrail").GetProperty("inputAssessment").GetProperty("gr1abc")
            .GetProperty("topicPolicy").GetProperty("topics")[0];
        Assert.Equal(("Secrets", "BLOCKED"), (topic.GetProperty("name").GetString(), topic.GetProperty("action").GetString()));
        Assert.Equal("optimized", blocked.GetProperty("performanceConfig").GetProperty("latency").GetString());
        Assert.Equal("flex", blocked.GetProperty("serviceTier").GetProperty("type").GetString());

        List<JsonElement> events = Ok(results["reasoning"]).EnumerateArray().ToList();
        List<JsonElement> reasoning = events.Where(e => e.TryGetProperty("contentBlockDelta", out JsonElement d) && d.GetProperty("delta").TryGetProperty("reasoningContent", out _))
            .Select(e => e.GetProperty("contentBlockDelta").GetProperty("delta").GetProperty("reasoningContent")).ToList();
        Assert.Equal("Think first.", string.Concat(reasoning.Where(r => r.TryGetProperty("text", out _)).Select(r => r.GetProperty("text").GetString())));
        Assert.Equal("sig-x", reasoning.Single(r => r.TryGetProperty("signature", out _)).GetProperty("signature").GetString());
        JsonElement usage = events[^1].GetProperty("metadata").GetProperty("usage");
        Assert.Equal((40, 2), (usage.GetProperty("cacheReadInputTokens").GetInt32(), usage.GetProperty("cacheWriteInputTokens").GetInt32()));
        Assert.Equal("optimized", events[^1].GetProperty("metadata").GetProperty("performanceConfig").GetProperty("latency").GetString());
    }

    private BedrockRuntimeClient OurClient() => new(new BedrockOptions
    {
        Region = "us-east-1",
        Endpoint = _emulator.Endpoint,
        Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        Timeout = TimeSpan.FromSeconds(30),
        Retry = new BedrockRetryOptions { MaxAttempts = 1 },
    });

    private async Task<Dictionary<string, JsonElement>> RunSdkAsync(JsonArray calls)
    {
        JsonElement results = await node.RunScriptJsonAsync("sdk-calls.mjs", $"{_emulator.Endpoint} http1", calls.ToJsonString());
        return results.EnumerateArray().ToDictionary(result => result.GetProperty("name").GetString()!);
    }

    private static JsonElement Ok(JsonElement result)
    {
        Assert.True(result.GetProperty("ok").GetBoolean(), $"{result.GetProperty("name")}: the SDK failed: {result}");
        return result.GetProperty("output");
    }
}
