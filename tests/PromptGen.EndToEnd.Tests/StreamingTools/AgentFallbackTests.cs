using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.StreamingTools;

[PromptClient(Model = AgentFallbackPrompts.Primary)]
[FallbackModels(AgentFallbackPrompts.Fallback)]
public partial interface IAgentFallbackPrompts
{
    [Prompt("Plan a walk in {{ city }}")]
    System.Threading.Tasks.Task<string> PlanAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);

    [Prompt("Plan as a stream a walk in {{ city }}")]
    PromptStream PlanStreamAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);

    [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
    [Prompt("Outline a walk in {{ city }}")]
    ResultStream<WalkPlan, WalkPlanPartial> OutlineAsync(string city, CancellationToken cancellationToken = default);

    [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
    [Prompt("Outline with tools a walk in {{ city }}")]
    System.Threading.Tasks.Task<PromptResult<WalkPlan>> OutlineWithToolsAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);
}

internal static class AgentFallbackPrompts
{
    public const string Primary = "us.amazon.nova-lite-v1:0";
    public const string Fallback = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
}

/// <summary>
/// Issue 23: tool loops fall back per model turn keeping the conversation, typed result streams fall back until their
/// first snapshot reached the caller, and the span of the call that answered names the models given up.
/// </summary>
public sealed class AgentFallbackTests : IAsyncLifetime
{
    private const string Primary = AgentFallbackPrompts.Primary;
    private const string Fallback = AgentFallbackPrompts.Fallback;
    private readonly EmulatorFixture _fixture = new();

    private IAgentFallbackPrompts Prompts => IAgentFallbackPrompts.Create(_fixture.Client);

    // Spans are made by the instrumented runtime, as an app registered through AddPromptGen gets it.
    private IAgentFallbackPrompts Instrumented => IAgentFallbackPrompts.Create(new InstrumentedBedrockRuntime(_fixture.Client));

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_tool_loop_turn_that_fails_goes_to_the_next_model_with_the_whole_conversation_and_the_span_says_so()
    {
        _fixture.Emulator.Script.When(call => call.ModelId == Primary && call.ToolResults.Count == 0).ReplyToolUse("get_forecast", """{"city":"Paris"}""");
        _fixture.Emulator.Script.When(call => call.ModelId == Primary && call.ToolResults.Count > 0).ReplyError("ValidationException", 400, "Input is too long for this model.");
        _fixture.Emulator.Script.When(call => call.ModelId == Fallback && call.ToolResults.Count > 0).ReplyText("Take an umbrella.");
        using var spans = new ChatSpans(_fixture.Emulator.Endpoint.Port);

        string answer = await Instrumented.PlanAsync("Paris", new WalkTools());

        Assert.Equal("Take an umbrella.", answer);
        Assert.Equal([Primary, Primary, Fallback], _fixture.Emulator.Requests.Select(r => r.ModelId));
        // The fallback model got the first model's tool call and its result: the conversation was kept.
        EmulatorToolResult kept = Assert.Single(_fixture.Emulator.Requests[2].ToolResults);
        Assert.Equal("Rain, 14 °C", kept.Text);
        Assert.Equal(
            [(Primary, (string?)null), (Primary, null), (Fallback, Primary)],
            spans.Completed.Select(span => ((string)span.GetTagItem("gen_ai.request.model")!, (string?)span.GetTagItem("promptgen.fallback.from"))));
    }

    [Fact]
    public async Task A_typed_tool_loop_falls_back_and_the_result_lists_every_call()
    {
        _fixture.Emulator.Script.When(model: Primary).ReplyError("ModelNotReadyException", 429, "The model is not ready.");
        _fixture.Emulator.Script.When(call => call.ModelId == Fallback && call.ToolResults.Count == 0).ReplyToolUse("get_forecast", """{"city":"Paris"}""");
        _fixture.Emulator.Script.When(call => call.ModelId == Fallback && call.ToolResults.Count > 0).ReplyToolUse("WalkPlan", """{"route":"Arcades","minutes":30}""");

        PromptResult<WalkPlan> result = await Prompts.OutlineWithToolsAsync("Paris", new WalkTools());

        Assert.Equal(new WalkPlan("Arcades", 30), result.Value);
        Assert.Equal([Primary, Fallback, Fallback], result.Attempts.Select(a => a.ModelId));
        Assert.NotNull(result.Attempts[0].Failure);
        Assert.StartsWith("get_forecast ", result.Attempts[1].Text, StringComparison.Ordinal);
        Assert.Equal(Fallback, _fixture.Emulator.Requests[^1].ModelId);
    }

    [Fact]
    public async Task A_streaming_tool_loop_falls_back_in_a_later_turn_before_its_first_text()
    {
        _fixture.Emulator.Script.When(call => call.ModelId == Primary && call.ToolResults.Count == 0).Stream(chunkSize: 4)
            .ReplyToolUses([new EmulatorToolCall("get_forecast", """{"city":"Paris"}""")], preamble: "Checking. ");
        _fixture.Emulator.Script.When(call => call.ModelId == Primary && call.ToolResults.Count > 0).ReplyError("ServiceUnavailableException", 503, "Try later.");
        _fixture.Emulator.Script.When(call => call.ModelId == Fallback && call.ToolResults.Count > 0).Stream(chunkSize: 4).ReplyText("Umbrella weather.");

        PromptStream stream = Prompts.PlanStreamAsync("Paris", new WalkTools());
        string text = await stream.ReadToEndAsync();

        Assert.Equal("Checking. Umbrella weather.", text);
        Assert.Equal(Fallback, stream.ModelId);
        Assert.Equal(Primary, Assert.Single(stream.FallenBackFrom).ModelId);
        Assert.Equal("Rain, 14 °C", Assert.Single(_fixture.Emulator.Requests[^1].ToolResults).Text);
    }

    [Fact]
    public async Task A_streaming_tool_loop_turn_that_fails_after_its_first_text_does_not_fall_back()
    {
        _fixture.Emulator.Script.When(call => call.ModelId == Primary && call.ToolResults.Count == 0).Stream(chunkSize: 4)
            .ReplyToolUse("get_forecast", """{"city":"Paris"}""");
        _fixture.Emulator.Script.When(call => call.ModelId == Primary && call.ToolResults.Count > 0).Stream(chunkSize: 2)
            .FailStream(StreamFault.Exception("modelStreamErrorException", "The model stopped.", afterEvents: 4))
            .ReplyText("abcdefghijklmnop");
        _fixture.Emulator.Script.When(model: Fallback).ReplyText("never sent");

        var deltas = new List<string>();
        BedrockServiceException error = await Assert.ThrowsAnyAsync<BedrockServiceException>(async () =>
        {
            await foreach (string delta in Prompts.PlanStreamAsync("Paris", new WalkTools()))
            {
                deltas.Add(delta);
            }
        });

        Assert.NotEmpty(deltas);
        Assert.Equal("ModelStreamErrorException", error.ErrorCode);
        Assert.All(_fixture.Emulator.Requests, request => Assert.Equal(Primary, request.ModelId));
    }

    [Fact]
    public async Task A_typed_result_stream_whose_first_model_fails_before_a_snapshot_falls_back()
    {
        _fixture.Emulator.Script.When(model: Primary).ReplyError("ValidationException", 400, "Not available here.");
        _fixture.Emulator.Script.When(model: Fallback).Stream(chunkSize: 5).ReplyToolUse("WalkPlan", """{"route":"Arcades","minutes":30}""");
        using var spans = new ChatSpans(_fixture.Emulator.Endpoint.Port);

        ResultStream<WalkPlan, IAgentFallbackPrompts.WalkPlanPartial> stream = Instrumented.OutlineAsync("Paris");
        var partials = new List<IAgentFallbackPrompts.WalkPlanPartial>();
        await foreach (IAgentFallbackPrompts.WalkPlanPartial partial in stream)
        {
            partials.Add(partial);
        }

        Assert.NotEmpty(partials);
        Assert.Equal(new WalkPlan("Arcades", 30), stream.Value);
        Assert.Equal(Fallback, stream.ModelId);
        ModelFailure failure = Assert.Single(stream.FallenBackFrom);
        Assert.Equal(Primary, failure.ModelId);
        Assert.IsType<BedrockValidationException>(failure.Error);
        Assert.Equal([Primary, Fallback], stream.ToResult().Attempts.Select(a => a.ModelId));
        Assert.Equal(Primary, spans.Completed.Single(span => (string?)span.GetTagItem("gen_ai.request.model") == Fallback).GetTagItem("promptgen.fallback.from"));
    }

    [Fact]
    public async Task A_typed_result_stream_that_fails_after_a_snapshot_reached_the_caller_does_not_fall_back()
    {
        _fixture.Emulator.Script.When(model: Primary).Stream(chunkSize: 3)
            .FailStream(StreamFault.Exception("modelStreamErrorException", "The model stopped.", afterEvents: 12))
            .ReplyToolUse("WalkPlan", """{"route":"Arcades","minutes":30}""");
        _fixture.Emulator.Script.When(model: Fallback).ReplyText("never sent");

        var partials = new List<IAgentFallbackPrompts.WalkPlanPartial>();
        BedrockServiceException error = await Assert.ThrowsAnyAsync<BedrockServiceException>(async () =>
        {
            await foreach (IAgentFallbackPrompts.WalkPlanPartial partial in Prompts.OutlineAsync("Paris"))
            {
                partials.Add(partial);
            }
        });

        Assert.NotEmpty(partials);
        Assert.Equal("ModelStreamErrorException", error.ErrorCode);
        Assert.Equal(Primary, Assert.Single(_fixture.Emulator.Requests).ModelId);
    }

    [Fact]
    public async Task The_callers_cancellation_of_a_typed_result_stream_never_falls_back()
    {
        ScriptRule primary = _fixture.Emulator.Script.When(model: Primary).Stream(chunkSize: 2).FailStream(StreamFault.Stall(1))
            .ReplyToolUse("WalkPlan", """{"route":"Arcades","minutes":30}""");
        ScriptRule fallback = _fixture.Emulator.Script.When(model: Fallback).ReplyText("never sent");
        using var cancellation = new CancellationTokenSource();

        Task<WalkPlan> reading = Prompts.OutlineAsync("Paris", cancellation.Token).ReadToEndAsync();
        while (primary.UseCount == 0 && !reading.IsCompleted)
        {
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.Equal((1, 0), (primary.UseCount, fallback.UseCount));
    }

    [Fact]
    public async Task When_every_model_of_a_typed_stream_fails_the_error_lists_each()
    {
        _fixture.Emulator.Script.Always().ReplyError("ValidationException", 400, "Not available here.");

        ModelFallbackException error = await Assert.ThrowsAsync<ModelFallbackException>(() => Prompts.OutlineAsync("Paris").ReadToEndAsync());

        Assert.Equal([Primary, Fallback], error.Failures.Select(f => f.ModelId));
    }

    /// <summary>The chat spans of calls to this test's emulator, as they end.</summary>
    private sealed class ChatSpans : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _completed = new();

        public ChatSpans(int port)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == PromptGenTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("gen_ai.operation.name") as string == "chat" && Equals(activity.GetTagItem("server.port"), port))
                    {
                        _completed.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Completed => _completed.ToArray();

        public void Dispose() => _listener.Dispose();
    }
}
