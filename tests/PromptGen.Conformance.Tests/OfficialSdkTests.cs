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
/// The official AWS SDK for JavaScript against the emulator, over its HTTP/1.1 handler and its default HTTP/2
/// handler: the emulator accepts its signatures and requests, and the SDK parses every answer, stream and error.
/// Errors are also sent to our client, which must name them the same.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class OfficialSdkTests(NodeProject node) : IAsyncLifetime
{
    private const string StreamedText = "Streamed through the official SDK — ✓ 😀";
    private const string ToolInput = """{"city":"Paris","days":[1,2],"note":"a \"quoted\" word"}""";

    /// <summary>The modelled errors of wire spec §6 with their statuses.</summary>
    public static readonly TheoryData<string, int> ModeledErrors = new()
    {
        { "ValidationException", 400 },
        { "AccessDeniedException", 403 },
        { "ResourceNotFoundException", 404 },
        { "ModelTimeoutException", 408 },
        { "ThrottlingException", 429 },
        { "ModelNotReadyException", 429 },
        { "ModelErrorException", 424 },
        { "ServiceQuotaExceededException", 400 },
        { "InternalServerException", 500 },
        { "ServiceUnavailableException", 503 },
    };

    /// <summary>The exceptions ConverseStream can carry inside the stream (wire spec §4).</summary>
    private static readonly string[] StreamExceptions =
        ["internalServerException", "modelStreamErrorException", "validationException", "throttlingException", "serviceUnavailableException"];

    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await BedrockEmulator.StartAsync();
        _emulator.Script.When(promptContains: "[text]").Usage(11, 7).ReplyText("It is sunny.");
        _emulator.Script.When(promptContains: "[stream-text]").Usage(11, 7).Stream(chunkSize: 5, writeSize: 3).ReplyText(StreamedText);
        _emulator.Script.When(promptContains: "[tool]").Stream(chunkSize: 4).ReplyToolUse("get_weather", ToolInput);
        foreach ((string code, int status) in ModeledErrors.Select(row => row.Data))
        {
            _emulator.Script.When(promptContains: $"[error:{code}]").ReplyError(code, status, $"Scripted {code}");
        }

        foreach (string exceptionType in StreamExceptions)
        {
            _emulator.Script.When(promptContains: $"[stream-exception:{exceptionType}]")
                .FailStream(StreamFault.Exception(exceptionType, $"Scripted {exceptionType}", afterEvents: 2))
                .ReplyText("abcdefghijklmnop");
        }
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("http1")]
    [InlineData("http2")]
    public async Task The_sdk_sends_rich_requests_the_emulator_accepts_and_parses_every_answer(string protocol)
    {
        JsonArray calls =
        [
            ConformanceRequests.Call("converse", "converse", ConformanceRequests.RichSdkInput("Weather in Paris? See image. [text]")),
            ConformanceRequests.Call("converse-tool", "converse", ConformanceRequests.RichSdkInput("Weather? [tool]")),
            ConformanceRequests.Call("stream-text", "converseStream", ConformanceRequests.RichSdkInput("Weather in Paris? [stream-text]")),
            ConformanceRequests.Call("stream-tool", "converseStream", ConformanceRequests.RichSdkInput("Weather? [tool]")),
        ];

        Dictionary<string, JsonElement> results = await RunSdkAsync(protocol, calls);

        JsonElement converse = Ok(results["converse"]);
        Assert.Equal("It is sunny.", converse.GetProperty("output").GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("end_turn", converse.GetProperty("stopReason").GetString());
        Assert.Equal(18, converse.GetProperty("usage").GetProperty("totalTokens").GetInt32());
        Assert.True(converse.GetProperty("metrics").GetProperty("latencyMs").GetInt64() >= 0);

        JsonElement toolUse = Ok(results["converse-tool"]).GetProperty("output").GetProperty("message").GetProperty("content")[0].GetProperty("toolUse");
        Assert.Equal("get_weather", toolUse.GetProperty("name").GetString());
        Assert.Equal("Paris", toolUse.GetProperty("input").GetProperty("city").GetString());

        List<JsonElement> textEvents = Ok(results["stream-text"]).EnumerateArray().ToList();
        Assert.Equal("assistant", textEvents[0].GetProperty("messageStart").GetProperty("role").GetString());
        Assert.Equal(StreamedText, string.Concat(textEvents.Where(e => e.TryGetProperty("contentBlockDelta", out _))
            .Select(e => e.GetProperty("contentBlockDelta").GetProperty("delta").GetProperty("text").GetString())));
        Assert.Equal("end_turn", textEvents[^2].GetProperty("messageStop").GetProperty("stopReason").GetString());
        Assert.Equal(18, textEvents[^1].GetProperty("metadata").GetProperty("usage").GetProperty("totalTokens").GetInt32());

        List<JsonElement> toolEvents = Ok(results["stream-tool"]).EnumerateArray().ToList();
        Assert.Equal("get_weather", toolEvents[1].GetProperty("contentBlockStart").GetProperty("start").GetProperty("toolUse").GetProperty("name").GetString());
        string joined = string.Concat(toolEvents.Where(e => e.TryGetProperty("contentBlockDelta", out _))
            .Select(e => e.GetProperty("contentBlockDelta").GetProperty("delta").GetProperty("toolUse").GetProperty("input").GetString()));
        Assert.Equal(ToolInput, joined);
        Assert.Equal("tool_use", toolEvents[^2].GetProperty("messageStop").GetProperty("stopReason").GetString());

        Assert.Equal(4, _emulator.Requests.Count);
        Assert.All(_emulator.Requests, request =>
        {
            Assert.True(request.SignatureValid, $"{request.RawPath}: signature");
            Assert.True(request.Accepted, $"{request.RawPath}: {request.ResponseStatus} {request.ErrorCode}");
            Assert.Equal(protocol == "http2" ? "HTTP/2" : "HTTP/1.1", request.Protocol);
        });
        Assert.Equal(["Converse", "Converse", "ConverseStream", "ConverseStream"], _emulator.Requests.Select(r => r.Operation));
    }

    [Theory]
    [InlineData("http1")]
    [InlineData("http2")]
    public async Task Modelled_errors_get_the_same_names_in_the_sdk_and_in_our_client(string protocol)
    {
        var calls = new JsonArray();
        foreach (string code in ModeledErrors.Select(row => row.Data.Item1))
        {
            calls.Add(ConformanceRequests.Call($"converse:{code}", "converse", ConformanceRequests.PlainSdkInput($"[error:{code}]")));
            calls.Add(ConformanceRequests.Call($"stream:{code}", "converseStream", ConformanceRequests.PlainSdkInput($"[error:{code}]")));
        }

        foreach (string exceptionType in StreamExceptions)
        {
            calls.Add(ConformanceRequests.Call($"in-stream:{exceptionType}", "converseStream", ConformanceRequests.PlainSdkInput($"[stream-exception:{exceptionType}]")));
        }

        Dictionary<string, JsonElement> results = await RunSdkAsync(protocol, calls);
        using BedrockRuntimeClient client = OurClient();

        foreach ((string code, int status) in ModeledErrors.Select(row => row.Data))
        {
            foreach (string operation in new[] { "converse", "stream" })
            {
                JsonElement error = Failed(results[$"{operation}:{code}"]);
                Assert.Equal(code, error.GetProperty("name").GetString());
                Assert.Equal(status, error.GetProperty("status").GetInt32());
                Assert.Equal($"Scripted {code}", error.GetProperty("message").GetString());

                BedrockServiceException ours = await OurErrorAsync(client, $"[error:{code}]", operation == "stream");
                Assert.Equal(code, ours.ErrorCode);
                Assert.Equal("Bedrock" + code, ours.GetType().Name);
                Assert.Equal(status, (int)ours.StatusCode);
            }
        }

        foreach (string exceptionType in StreamExceptions)
        {
            string code = char.ToUpperInvariant(exceptionType[0]) + exceptionType[1..];
            JsonElement error = Failed(results[$"in-stream:{exceptionType}"]);
            Assert.Equal(code, error.GetProperty("name").GetString());
            Assert.Equal($"Scripted {exceptionType}", error.GetProperty("message").GetString());

            BedrockServiceException ours = await OurErrorAsync(client, $"[stream-exception:{exceptionType}]", stream: true);
            Assert.Equal(code, ours.ErrorCode);
            Assert.Equal("Bedrock" + code, ours.GetType().Name);
        }
    }

    [Theory]
    [InlineData("http1")]
    [InlineData("http2")]
    public async Task An_unknown_model_id_is_refused_with_the_error_bedrock_sends(string protocol)
    {
        const string unknownModel = "us.anthropic.claude-opus-9-20300101-v1:0";
        JsonArray calls =
        [
            UnknownModelCall("converse", "converse", unknownModel),
            UnknownModelCall("stream", "converseStream", unknownModel),
        ];

        Dictionary<string, JsonElement> results = await RunSdkAsync(protocol, calls);
        using BedrockRuntimeClient client = OurClient();
        BedrockServiceException ours = await Assert.ThrowsAnyAsync<BedrockServiceException>(
            () => client.ConverseAsync(unknownModel, ConformanceRequests.PlainRequest("[text]")));

        foreach (string name in new[] { "converse", "stream" })
        {
            JsonElement error = Failed(results[name]);
            Assert.Equal(("ValidationException", 400), (error.GetProperty("name").GetString(), error.GetProperty("status").GetInt32()));
            Assert.Equal("The provided model identifier is invalid.", error.GetProperty("message").GetString());
        }

        Assert.IsType<BedrockValidationException>(ours);
        Assert.Equal((400, "The provided model identifier is invalid."), ((int)ours.StatusCode, ours.ServiceMessage));
    }

    [Theory]
    [InlineData("converse")]
    [InlineData("converseStream")]
    public async Task Our_json_body_equals_the_sdks_for_the_same_request(string operation)
    {
        const string prompt = "Weather in Paris? See image. [text]";
        Dictionary<string, JsonElement> results = await RunSdkAsync("http1", [ConformanceRequests.Call("sdk", operation, ConformanceRequests.RichSdkInput(prompt))]);
        Ok(results["sdk"]);
        using (BedrockRuntimeClient client = OurClient())
        {
            if (operation == "converse")
            {
                await client.ConverseAsync(ConformanceRequests.Model, ConformanceRequests.RichRequest(prompt));
            }
            else
            {
                await foreach (ConverseStreamEvent _ in client.ConverseStreamAsync(ConformanceRequests.Model, ConformanceRequests.RichRequest(prompt)))
                {
                }
            }
        }

        RecordedRequest sdk = _emulator.Requests[0], ours = _emulator.Requests[1];
        Assert.Equal(sdk.RawPath, ours.RawPath);
        Assert.Equal(sdk.Headers["Content-Type"], ours.Headers["Content-Type"]);
        using JsonDocument sdkBody = JsonDocument.Parse(sdk.Body), ourBody = JsonDocument.Parse(ours.Body);
        Assert.Null(JsonSemantics.FirstDifference(sdkBody.RootElement, ourBody.RootElement));
    }

    private static JsonObject UnknownModelCall(string name, string operation, string modelId)
    {
        JsonObject call = ConformanceRequests.Call(name, operation, ConformanceRequests.PlainSdkInput("[text]"));
        call["modelId"] = modelId;
        return call;
    }

    private BedrockRuntimeClient OurClient() => new(new BedrockOptions
    {
        Region = "us-east-1",
        Endpoint = _emulator.Endpoint,
        Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        Timeout = TimeSpan.FromSeconds(30),
        // One attempt, like the SDK calls (maxAttempts: 1): each scripted error is judged as it arrived.
        Retry = new BedrockRetryOptions { MaxAttempts = 1 },
    });

    private static async Task<BedrockServiceException> OurErrorAsync(BedrockRuntimeClient client, string prompt, bool stream)
    {
        ConverseRequest request = ConformanceRequests.PlainRequest(prompt);
        return stream
            ? await Assert.ThrowsAnyAsync<BedrockServiceException>(async () =>
            {
                await foreach (ConverseStreamEvent _ in client.ConverseStreamAsync(ConformanceRequests.Model, request))
                {
                }
            })
            : await Assert.ThrowsAnyAsync<BedrockServiceException>(() => client.ConverseAsync(ConformanceRequests.Model, request));
    }

    private async Task<Dictionary<string, JsonElement>> RunSdkAsync(string protocol, JsonArray calls)
    {
        Uri endpoint = protocol == "http2" ? _emulator.Http2Endpoint : _emulator.Endpoint;
        JsonElement results = await node.RunScriptJsonAsync("sdk-calls.mjs", $"{endpoint} {protocol}", calls.ToJsonString());
        return results.EnumerateArray().ToDictionary(result => result.GetProperty("name").GetString()!);
    }

    private static JsonElement Ok(JsonElement result)
    {
        Assert.True(result.GetProperty("ok").GetBoolean(), $"{result.GetProperty("name")}: the SDK failed: {result}");
        return result.GetProperty("output");
    }

    private static JsonElement Failed(JsonElement result)
    {
        Assert.False(result.GetProperty("ok").GetBoolean(), $"{result.GetProperty("name")}: the SDK succeeded where an error was scripted");
        return result.GetProperty("error");
    }
}
