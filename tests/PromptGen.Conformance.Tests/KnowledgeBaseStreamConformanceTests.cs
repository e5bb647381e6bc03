using System;
using System.Collections.Generic;
using System.IO;
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
/// RetrieveAndGenerateStream against the official <c>@aws-sdk/client-bedrock-agent-runtime</c>
/// (<c>RetrieveAndGenerateStreamCommand</c>, over HTTP/1.1 and HTTP/2): the SDK decodes the emulator's event stream
/// (output and citation events, the session id header, an in-stream exception), and our request body equals the SDK's.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class KnowledgeBaseStreamConformanceTests(NodeProject node) : IAsyncLifetime
{
    private const string KnowledgeBaseId = "KBSTRM0001";
    private const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private const string ModelArn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/" + Model;
    private readonly string _folder = Directory.CreateTempSubdirectory("promptgen-kbs-conformance-").FullName;
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "streams.md"), "An idle stream times out; throttling inside a stream is an error event.");
        _emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { KnowledgeBases = { [KnowledgeBaseId] = _folder } });
        _emulator.Script.When(model: Model, promptContains: "Question: How is throttling retried?")
            .Stream(chunkSize: 7)
            .ReplyText("Throttling is retried with full jitter. Bread is unrelated.");
        _emulator.Script.When(model: Model, promptContains: "Question: Overload the idle stream")
            .Stream(chunkSize: 7)
            .FailStream(StreamFault.Exception("throttlingException", "Slow down", afterEvents: 2))
            .ReplyText("An idle stream times out.");
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("http1")]
    [InlineData("http2")]
    public async Task The_sdk_reads_the_streamed_answer_its_citations_and_an_in_stream_exception(string protocol)
    {
        Dictionary<string, JsonElement> results = await RunSdkAsync(protocol, [
            Call("stream", Input("How is throttling retried?")),
            Call("throttled", Input("Overload the idle stream")),
        ]);

        JsonElement output = Ok(results["stream"]);
        Assert.False(string.IsNullOrEmpty(output.GetProperty("sessionId").GetString()));
        JsonElement[] events = output.GetProperty("events").EnumerateArray().ToArray();
        string text = string.Concat(events.Where(e => e.TryGetProperty("output", out _)).Select(e => e.GetProperty("output").GetProperty("text").GetString()));
        Assert.Equal("Throttling is retried with full jitter. Bread is unrelated.", text);
        Assert.True(events.Count(e => e.TryGetProperty("output", out _)) > 1);
        JsonElement citation = Assert.Single(events, e => e.TryGetProperty("citation", out _)).GetProperty("citation");
        JsonElement part = citation.GetProperty("generatedResponsePart").GetProperty("textResponsePart");
        Assert.Equal("Throttling is retried with full jitter.", part.GetProperty("text").GetString());
        Assert.Equal((0, 38), (part.GetProperty("span").GetProperty("start").GetInt32(), part.GetProperty("span").GetProperty("end").GetInt32()));
        Assert.Contains(
            citation.GetProperty("retrievedReferences").EnumerateArray(),
            reference => reference.GetProperty("location").GetProperty("s3Location").GetProperty("uri").GetString() == "s3://promptgen-kb-kbstrm0001/retries.md");

        JsonElement error = results["throttled"];
        Assert.False(error.GetProperty("ok").GetBoolean());
        Assert.Equal("ThrottlingException", error.GetProperty("error").GetProperty("name").GetString());
        Assert.All(_emulator.Requests, request => Assert.Equal(("RetrieveAndGenerateStream", true), (request.Operation, request.SignatureValid)));
    }

    [Fact]
    public async Task Our_stream_request_body_equals_the_sdks_and_reads_the_same_answer()
    {
        Dictionary<string, JsonElement> results = await RunSdkAsync("http1", [Call("stream", Input("How is throttling retried?"))]);
        string sdkText = string.Concat(Ok(results["stream"]).GetProperty("events").EnumerateArray()
            .Where(e => e.TryGetProperty("output", out _)).Select(e => e.GetProperty("output").GetProperty("text").GetString()));

        using var client = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            Timeout = TimeSpan.FromSeconds(30),
            Retry = new BedrockRetryOptions { MaxAttempts = 1 },
        });
        var ourText = new System.Text.StringBuilder();
        await foreach (RetrieveAndGenerateStreamEvent streamEvent in client.RetrieveAndGenerateStreamAsync(new RetrieveAndGenerateRequest
        {
            Input = { Text = "How is throttling retried?" },
            RetrieveAndGenerateConfiguration =
            {
                KnowledgeBaseConfiguration = new KnowledgeBaseRetrieveAndGenerateConfiguration
                {
                    KnowledgeBaseId = KnowledgeBaseId,
                    ModelArn = ModelArn,
                    RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration { VectorSearchConfiguration = { NumberOfResults = 2 } },
                },
            },
        }))
        {
            if (streamEvent is RetrieveAndGenerateOutputEvent output)
            {
                ourText.Append(output.Text);
            }
        }

        Assert.Equal(sdkText, ourText.ToString());
        RecordedRequest sdk = _emulator.Requests[0], ours = _emulator.Requests[1];
        Assert.Equal((sdk.Operation, sdk.RawPath), (ours.Operation, ours.RawPath));
        Assert.Equal(sdk.Headers["Content-Type"], ours.Headers["Content-Type"]);
        using JsonDocument sdkBody = JsonDocument.Parse(sdk.Body), ourBody = JsonDocument.Parse(ours.Body);
        Assert.Null(JsonSemantics.FirstDifference(sdkBody.RootElement, ourBody.RootElement));
    }

    private static JsonObject Input(string question) => new()
    {
        ["input"] = new JsonObject { ["text"] = question },
        ["retrieveAndGenerateConfiguration"] = new JsonObject
        {
            ["type"] = "KNOWLEDGE_BASE",
            ["knowledgeBaseConfiguration"] = new JsonObject
            {
                ["knowledgeBaseId"] = KnowledgeBaseId,
                ["modelArn"] = ModelArn,
                ["retrievalConfiguration"] = JsonNode.Parse("""{"vectorSearchConfiguration":{"numberOfResults":2}}"""),
            },
        },
    };

    private static JsonObject Call(string name, JsonObject input) => new() { ["name"] = name, ["operation"] = "retrieveAndGenerateStream", ["input"] = input };

    private async Task<Dictionary<string, JsonElement>> RunSdkAsync(string protocol, JsonArray calls)
    {
        Uri endpoint = protocol == "http2" ? _emulator.Http2Endpoint : _emulator.Endpoint;
        JsonElement results = await node.RunScriptJsonAsync("kb-calls.mjs", $"{endpoint} {protocol}", calls.ToJsonString());
        return results.EnumerateArray().ToDictionary(result => result.GetProperty("name").GetString()!);
    }

    private static JsonElement Ok(JsonElement result)
    {
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        return result.GetProperty("output");
    }
}
