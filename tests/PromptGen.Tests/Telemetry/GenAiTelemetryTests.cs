using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.Telemetry;

public sealed class GenAiTelemetryTests
{
    private const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private const string Interface = "PromptGen.Tests.Telemetry.ITracedPrompts";

    [Fact]
    public async Task A_prompt_call_is_a_client_span_with_the_GenAI_attributes_and_the_prompt_names()
    {
        using var telemetry = new TelemetryCollector();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Summarize").Usage(120, 30).ReplyText("Short.", "end_turn");
        await using ServiceProvider provider = Services(emulator);

        await provider.GetRequiredService<ITracedPrompts>().SummarizeAsync("a long text");

        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("server.port"), emulator.Endpoint.Port)));
        Assert.Equal($"chat {Model}", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("aws.bedrock", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("aws.bedrock", span.GetTagItem("gen_ai.system"));
        Assert.Equal(Model, span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(250, span.GetTagItem("gen_ai.request.max_tokens"));
        Assert.Equal(0.5, (double)span.GetTagItem("gen_ai.request.temperature")!, 3);
        Assert.Equal(0.8, (double)span.GetTagItem("gen_ai.request.top_p")!, 3);
        Assert.Equal(new[] { "###" }, span.GetTagItem("gen_ai.request.stop_sequences"));
        Assert.Equal(120, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(30, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(new[] { "end_turn" }, span.GetTagItem("gen_ai.response.finish_reasons"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(Interface, span.GetTagItem("promptgen.prompt.interface"));
        Assert.Equal("SummarizeAsync", span.GetTagItem("promptgen.prompt.method"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Duration_and_token_usage_histograms_carry_the_GenAI_attributes()
    {
        using var telemetry = new TelemetryCollector();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Summarize").Usage(120, 30).ReplyText("Short.");
        await using ServiceProvider provider = Services(emulator);

        await provider.GetRequiredService<ITracedPrompts>().SummarizeAsync("a long text");

        bool Mine(Measurement m) => Equals(m.Tag("server.port"), emulator.Endpoint.Port);
        Measurement duration = Assert.Single(telemetry.Measurements("gen_ai.client.operation.duration", Mine));
        Assert.Equal("s", duration.Instrument.Unit);
        Assert.InRange(duration.Value, 0.0000001, 60);
        Assert.Equal("chat", duration.Tag("gen_ai.operation.name"));
        Assert.Equal("aws.bedrock", duration.Tag("gen_ai.provider.name"));
        Assert.Equal(Model, duration.Tag("gen_ai.request.model"));
        Assert.Equal(Interface, duration.Tag("promptgen.prompt.interface"));
        Assert.Equal("SummarizeAsync", duration.Tag("promptgen.prompt.method"));
        Assert.Null(duration.Tag("error.type"));

        IReadOnlyList<Measurement> tokens = telemetry.Measurements("gen_ai.client.token.usage", Mine);
        Assert.Equal("{token}", tokens[0].Instrument.Unit);
        Assert.Equal(120, Assert.Single(tokens, t => Equals(t.Tag("gen_ai.token.type"), "input")).Value);
        Assert.Equal(30, Assert.Single(tokens, t => Equals(t.Tag("gen_ai.token.type"), "output")).Value);
        Assert.All(tokens, t => Assert.Equal(Model, t.Tag("gen_ai.request.model")));
    }

    [Fact]
    public async Task A_failed_call_sets_error_type_on_the_span_and_the_duration()
    {
        using var telemetry = new TelemetryCollector();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Summarize").ReplyError("ValidationException", 400, "Malformed input request.");
        await using ServiceProvider provider = Services(emulator);

        await Assert.ThrowsAsync<BedrockValidationException>(() => provider.GetRequiredService<ITracedPrompts>().SummarizeAsync("x"));

        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("server.port"), emulator.Endpoint.Port)));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("ValidationException", span.GetTagItem("error.type"));
        bool Mine(Measurement m) => Equals(m.Tag("server.port"), emulator.Endpoint.Port);
        Assert.Equal("ValidationException", Assert.Single(telemetry.Measurements("gen_ai.client.operation.duration", Mine)).Tag("error.type"));
        Assert.Empty(telemetry.Measurements("gen_ai.client.token.usage", Mine));
    }

    [Fact]
    public async Task Prompt_cache_tokens_are_span_attributes_only_when_reported()
    {
        using var telemetry = new TelemetryCollector();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Summarize").Times(1).CacheUsage(read: 700, write: 12).ReplyText("Short.");
        emulator.Script.When(promptContains: "Summarize").ReplyText("Short again.");
        await using ServiceProvider provider = Services(emulator);
        var prompts = provider.GetRequiredService<ITracedPrompts>();

        await prompts.SummarizeAsync("a long text");
        await prompts.SummarizeAsync("a long text");

        Activity[] spans = telemetry.Activities(a => Equals(a.GetTagItem("server.port"), emulator.Endpoint.Port)).ToArray();
        Assert.Equal(2, spans.Length);
        Assert.Equal(700, spans[0].GetTagItem("gen_ai.usage.cache_read.input_tokens"));
        Assert.Equal(12, spans[0].GetTagItem("gen_ai.usage.cache_creation.input_tokens"));
        Assert.Null(spans[1].GetTagItem("gen_ai.usage.cache_read.input_tokens"));
        Assert.Null(spans[1].GetTagItem("gen_ai.usage.cache_creation.input_tokens"));
    }

    [Fact]
    public async Task The_prompt_names_flow_into_the_call_and_not_back_to_the_caller()
    {
        var runtime = new NameCapturingRuntime();

        await ITracedPrompts.Create(runtime).SummarizeAsync("text");

        Assert.Equal((Interface, "SummarizeAsync"), runtime.Seen);
        Assert.Null(PromptInvocation.Current);
    }

    [Fact]
    public async Task A_stream_span_ends_with_the_usage_and_stop_reason_of_its_events()
    {
        using var telemetry = new TelemetryCollector();
        var runtime = new InstrumentedBedrockRuntime(new StreamingRuntime());
        string model = "stream-test-" + Guid.NewGuid().ToString("N");

        var text = new System.Text.StringBuilder();
        await foreach (ConverseStreamEvent streamEvent in runtime.ConverseStreamAsync(model, new ConverseRequest { Messages = { Message.User("hi") } }))
        {
            if (streamEvent is ContentBlockDeltaEvent delta)
            {
                text.Append(delta.Delta.Text);
            }
        }

        Assert.Equal("Hello there", text.ToString());
        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("gen_ai.request.model"), model)));
        Assert.Equal(7, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(3, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(new[] { "max_tokens" }, span.GetTagItem("gen_ai.response.finish_reasons"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_stream_abandoned_early_ends_its_span_as_canceled()
    {
        using var telemetry = new TelemetryCollector();
        var runtime = new InstrumentedBedrockRuntime(new StreamingRuntime());
        string model = "stream-test-" + Guid.NewGuid().ToString("N");

        await foreach (ConverseStreamEvent _ in runtime.ConverseStreamAsync(model, new ConverseRequest { Messages = { Message.User("hi") } }))
        {
            break;
        }

        Activity span = Assert.Single(telemetry.Activities(a => Equals(a.GetTagItem("gen_ai.request.model"), model)));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(OperationCanceledException).FullName, span.GetTagItem("error.type"));
    }

    private static ServiceProvider Services(BedrockEmulator emulator)
    {
        var services = new ServiceCollection();
        services.AddPromptGen(options =>
        {
            options.Region = "us-east-1";
            options.Endpoint = emulator.Endpoint;
            options.Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);
        });
        services.AddPromptClient<ITracedPrompts>();
        return services.BuildServiceProvider();
    }

    private sealed class NameCapturingRuntime : IBedrockRuntime
    {
        public (string?, string?) Seen { get; private set; }

        public async Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            Seen = (PromptInvocation.Current?.InterfaceName, PromptInvocation.Current?.MethodName);
            return new ConverseResponse { Output = new ConverseOutput { Message = Message.Assistant("ok") }, StopReason = StopReason.EndTurn };
        }

        public IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    private sealed class StreamingRuntime : IBedrockRuntime
    {
        public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new MessageStartEvent();
            yield return new ContentBlockDeltaEvent { Delta = new ContentBlockDelta { Text = "Hello " } };
            yield return new ContentBlockDeltaEvent { Delta = new ContentBlockDelta { Text = "there" } };
            yield return new ContentBlockStopEvent();
            yield return new MessageStopEvent { StopReason = StopReason.MaxTokens };
            yield return new ConverseStreamMetadataEvent { Usage = new TokenUsage { InputTokens = 7, OutputTokens = 3, TotalTokens = 10 } };
        }
    }
}
