using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using PromptGen.AI;
using PromptGen.Bedrock;
using PromptGen.Testing;
using PromptGen.Tests.Bedrock.TestDoubles;
using PromptGen.Tests.Logging;
using Xunit;

namespace PromptGen.Tests.Telemetry;

/// <summary>
/// InvokeModel calls get a GenAI span each (<c>embeddings</c>, <c>generate_content</c>, <c>text_completion</c>, <c>chat</c>),
/// token usage from Bedrock's headers or the stream's invocation metrics, the duration and token histograms, and logs.
/// </summary>
public sealed class InvokeModelTelemetryTests
{
    [Theory]
    [InlineData("amazon.titan-embed-text-v2:0", """{"inputText":"hello there"}""", "embeddings")]
    [InlineData("stability.sd3-5-large-v1:0", """{"prompt":"a fox"}""", "generate_content")]
    [InlineData("meta.llama3-1-70b-instruct-v1:0", """{"prompt":"hi [t]"}""", "text_completion")]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0", """{"anthropic_version":"bedrock-2023-05-31","max_tokens":20,"messages":[{"role":"user","content":"hi [t]"}]}""", "chat")]
    public async Task An_invoke_call_is_a_span_named_for_what_the_model_does(string modelId, string body, string operation)
    {
        using var telemetry = new TelemetryCollector();
        var logs = new CapturingLoggerProvider();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "[t]").Usage(11, 5).ReplyText("ok");
        using LoggerFactory loggerFactory = new(new[] { logs });
        using BedrockRuntimeClient client = Client(emulator);
        var runtime = new InstrumentedBedrockRuntime(client, loggerFactory);

        InvokeModelResponse response = await runtime.InvokeModelAsync(modelId, Encoding.UTF8.GetBytes(body));

        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("server.port"), emulator.Endpoint.Port)));
        Assert.Equal($"{operation} {modelId}", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(operation, span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(modelId, span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(response.InputTokenCount, span.GetTagItem("gen_ai.usage.input_tokens"));
        if (operation is "chat" or "text_completion")
        {
            Assert.Equal((11, 5), ((int?)span.GetTagItem("gen_ai.usage.input_tokens"), (int?)span.GetTagItem("gen_ai.usage.output_tokens")));
        }

        Measurement duration = Assert.Single(telemetry.Measurements("gen_ai.client.operation.duration", m => Equals(m.Tag("server.port"), emulator.Endpoint.Port)));
        Assert.Equal(operation, duration.Tag("gen_ai.operation.name"));
        LogEntry completed = Assert.Single(logs.Entries, e => e.EventId.Name == "InvokeCompleted");
        Assert.Equal("InvokeModel", completed.Values["Operation"]);
        Assert.Equal(modelId, completed.Values["ModelId"]);
        Assert.Single(logs.Entries, e => e.EventId.Name == "InvokeStarting");
    }

    [Fact]
    public async Task The_operation_can_be_named_by_the_caller_and_failures_mark_the_span()
    {
        using var telemetry = new TelemetryCollector();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using BedrockRuntimeClient client = Client(emulator);
        var runtime = new InstrumentedBedrockRuntime(client);

        await Assert.ThrowsAsync<BedrockValidationException>(() => runtime.InvokeModelAsync(
            "amazon.titan-embed-text-v2:0", Encoding.UTF8.GetBytes("{}"), new InvokeModelOptions { Operation = InvokeModelOperation.Chat }));

        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("server.port"), emulator.Endpoint.Port)));
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("ValidationException", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task A_stream_is_one_span_with_usage_from_the_invocation_metrics()
    {
        using var telemetry = new TelemetryCollector();
        var logs = new CapturingLoggerProvider();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().Usage(21, 8).Stream(chunkSize: 2).ReplyText("streamed text");
        using LoggerFactory loggerFactory = new(new[] { logs });
        using BedrockRuntimeClient client = Client(emulator);
        var runtime = new InstrumentedBedrockRuntime(client, loggerFactory, enableSensitiveData: true);

        int chunks = 0;
        await foreach (InvokeModelStreamChunk _ in runtime.InvokeModelWithResponseStreamAsync(
            "us.anthropic.claude-haiku-4-5-20251001-v1:0",
            Encoding.UTF8.GetBytes("""{"anthropic_version":"bedrock-2023-05-31","max_tokens":20,"messages":[{"role":"user","content":"hi"}]}""")))
        {
            chunks++;
        }

        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("server.port"), emulator.Endpoint.Port)));
        Assert.True(chunks > 5);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal((21, 8), ((int?)span.GetTagItem("gen_ai.usage.input_tokens"), (int?)span.GetTagItem("gen_ai.usage.output_tokens")));
        Assert.Equal("InvokeModelWithResponseStream", Assert.Single(logs.Entries, e => e.EventId.Name == "InvokeCompleted").Values["Operation"]);
        Assert.Contains("anthropic_version", (string)Assert.Single(logs.Entries, e => e.EventId.Name == "InvokeRequestContent").Values["RequestBody"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_bodies_are_cut_in_content_logs()
    {
        var logs = new CapturingLoggerProvider();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using LoggerFactory loggerFactory = new(new[] { logs });
        using BedrockRuntimeClient client = Client(emulator);
        var runtime = new InstrumentedBedrockRuntime(client, loggerFactory, enableSensitiveData: true);

        InvokeModelResponse response = await runtime.InvokeModelAsync("stability.sd3-5-large-v1:0", new StabilityImageRequest { Prompt = "a fox" }.ToJson());

        string logged = (string)Assert.Single(logs.Entries, e => e.EventId.Name == "InvokeResponseContent").Values["ResponseBody"]!;
        Assert.True(response.Body.Length > 100_000);
        Assert.True(logged.Length < 17_000);
        Assert.EndsWith($"({response.Body.Length:N0} bytes in all)", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtimes_without_invoke_model_say_so()
    {
        IBedrockRuntime converseOnly = new ConverseOnlyRuntime();
        IBedrockRuntime chatClient = new ChatClientBedrockRuntime(new PromptGen.Tests.AI.FakeChatClient());

        NotSupportedException plain = await Assert.ThrowsAsync<NotSupportedException>(() => converseOnly.InvokeModelAsync("m", new byte[] { 1 }));
        NotSupportedException instrumented = await Assert.ThrowsAsync<NotSupportedException>(() => new InstrumentedBedrockRuntime(converseOnly).InvokeModelAsync("m", new byte[] { 1 }));
        NotSupportedException adapter = Assert.Throws<NotSupportedException>(() => chatClient.InvokeModelWithResponseStreamAsync("m", new byte[] { 1 }));

        Assert.Contains(typeof(ConverseOnlyRuntime).FullName!, plain.Message, StringComparison.Ordinal);
        Assert.Contains("BedrockRuntimeClient", instrumented.Message, StringComparison.Ordinal);
        Assert.Contains("ChatClientBedrockRuntime serves Converse only", adapter.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":3,"outputTokenCount":4}}""", 3, 4)]
    [InlineData("""{"amazon-bedrock-invocationMetrics":{"outputTokenCount":4,"inputTokenCount":-1}}""", null, 4)]
    [InlineData("""{"\uD800":1,"amazon-bedrock-invocationMetrics":{"inputTokenCount":3}}""", 3, null)]
    [InlineData("""{"amazon-bedrock-invocationMetrics":{"\uD800a":3,"outputTokenCount":2}}""", null, 2)]
    [InlineData("""{"amazon-bedrock-invocationMetrics":{"\uD800abcdefghi":3,"outputTokenCount":2}}""", null, null)]
    [InlineData("""{"amazon-bedrock-invocationMetrics":{"\uDC00x":3}}""", null, null)]
    [InlineData("""{"amazon-bedrock-invocationMetrics": not json""", null, null)]
    [InlineData("""{"generation":"amazon-bedrock-invocationMetrics"}""", null, null)]
    public void Stream_token_counts_are_read_when_present_and_never_fail_the_call(string chunk, int? input, int? output)
    {
        bool found = PromptGen.Telemetry.InvokeBodies.TryReadInvocationMetrics(Encoding.UTF8.GetBytes(chunk), out int? inputTokens, out int? outputTokens);

        Assert.Equal((input is not null || output is not null, input, output), (found, inputTokens, outputTokens));
    }

    private static BedrockRuntimeClient Client(BedrockEmulator emulator) => new(
        new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            Retry = new BedrockRetryOptions { MaxAttempts = 1 },
        },
        httpClient: null,
        TestClients.Environment());

    private sealed class ConverseOnlyRuntime : IBedrockRuntime
    {
        public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not used");

        public IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not used");
    }
}
