using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.EndToEnd.Tests.Mcp;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.StreamingTools;

/// <summary>
/// Issue 23: streaming methods run the tool loop through ConverseStream against the emulator, which streams toolUse
/// blocks as Bedrock does (contentBlockStart, input deltas, contentBlockStop).
/// </summary>
public sealed class StreamingToolTests : IAsyncLifetime
{
    private readonly EmulatorFixture _fixture = new();

    private IStreamingToolPrompts Prompts => IStreamingToolPrompts.Create(_fixture.Client);

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Deltas_then_a_tool_round_then_more_deltas_then_the_final_result()
    {
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).Stream(chunkSize: 4)
            .ReplyToolUses([new EmulatorToolCall("get_forecast", """{"city":"Paris"}""")], preamble: "Checking the sky. ");
        _fixture.Emulator.Script.When(toolResultContains: "Rain").Stream(chunkSize: 4).ReplyText("Take an umbrella along the Seine.");

        PromptStream stream = Prompts.PlanAsync("Paris", new WalkTools());
        var seen = new List<string>();
        stream.ToolCallStarted += (_, call) => seen.Add($"started {call.Name} {call.Input.GetProperty("city").GetString()} round {call.Round}");
        stream.ToolCallCompleted += (_, call) => seen.Add($"returned {call.Name} error={call.IsError}");
        await foreach (string delta in stream)
        {
            seen.Add("delta " + delta);
        }

        // The first turn's text streams, the tool runs between the turns, the second turn's text streams.
        int started = seen.IndexOf("started get_forecast Paris round 1");
        int returned = seen.IndexOf("returned get_forecast error=False");
        Assert.True(started > 0 && returned == started + 1, string.Join(" | ", seen));
        Assert.Equal("Checking the sky. ", string.Concat(seen.Take(started).Select(s => s["delta ".Length..])));
        Assert.Equal("Take an umbrella along the Seine.", string.Concat(seen.Skip(returned + 1).Select(s => s["delta ".Length..])));
        Assert.True(seen.Count(s => s.StartsWith("delta ", StringComparison.Ordinal)) > 4);

        Assert.Equal("Checking the sky. Take an umbrella along the Seine.", stream.Text);
        ToolCallEventArgs call = Assert.Single(stream.ToolCalls);
        Assert.True(call.HasReturned);
        Assert.Equal(StreamingToolPrompts.Model, call.ModelId);
        PromptResult<string> result = stream.ToResult();
        Assert.Equal(2, result.Attempts.Count);
        Assert.StartsWith("get_forecast ", result.Attempts[0].Text, StringComparison.Ordinal);
        Assert.Equal(StopReason.EndTurn, result.StopReason);

        // Both turns went through ConverseStream; the second carries the tool's result after the model's call.
        Assert.Equal(2, _fixture.Emulator.Requests.Count);
        Assert.All(_fixture.Emulator.Requests, request => Assert.Equal(["get_forecast", "slow_lookup"], request.ToolNames));
        EmulatorToolResult sent = Assert.Single(_fixture.Emulator.Requests[1].ToolResults);
        Assert.Equal(("Rain, 14 °C", false), (sent.Text, sent.IsError));
    }

    [Fact]
    public async Task An_async_enumerable_method_streams_across_a_round_and_a_failing_tool_goes_back_as_an_error()
    {
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).Stream(chunkSize: 3)
            .ReplyToolUse("get_forecast", """{"city":"Lyon"}""");
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 1 && call.ToolResults[0].IsError).Stream(chunkSize: 3).ReplyText("No forecast, walk anyway.");

        var deltas = new List<string>();
        await foreach (string delta in Prompts.PlanTextAsync("Lyon", new WalkTools()))
        {
            deltas.Add(delta);
        }

        Assert.Equal("No forecast, walk anyway.", string.Concat(deltas));
        EmulatorToolResult sent = Assert.Single(_fixture.Emulator.Requests[1].ToolResults);
        Assert.True(sent.IsError);
        // Only the exception's type reaches the model, never its message.
        Assert.DoesNotContain("no station", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_stream_runs_a_round_and_its_partial_value_goes_on_in_the_next_turn()
    {
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).Stream(chunkSize: 5)
            .ReplyToolUse("get_forecast", """{"city":"Paris"}""");
        _fixture.Emulator.Script.When(toolResultContains: "Rain").Stream(chunkSize: 5)
            .ReplyToolUse("WalkPlan", """{"route":"Covered passages","minutes":45}""");

        ResultStream<WalkPlan, IStreamingToolPrompts.WalkPlanPartial> stream = Prompts.OutlineAsync("Paris", new WalkTools());
        var seen = new List<string>();
        stream.ToolCallCompleted += (_, call) => seen.Add("returned " + call.Name);
        var attempts = new List<int>();
        await foreach (IStreamingToolPrompts.WalkPlanPartial partial in stream)
        {
            seen.Add($"partial {partial.Route}|{partial.Minutes}");
            attempts.Add(stream.Attempt);
        }

        Assert.Equal("returned get_forecast", seen[0]);
        Assert.Equal("partial Covered passages|45", seen[^1]);
        Assert.True(seen.Count >= 3, string.Join(" | ", seen));
        // A tool round is not a new attempt: the partial value is not started again.
        Assert.All(attempts, attempt => Assert.Equal(1, attempt));
        Assert.Equal(new WalkPlan("Covered passages", 45), stream.Value);
        PromptResult<WalkPlan> result = stream.ToResult();
        Assert.Equal(2, result.Attempts.Count);

        // The result tool is offered beside the user's tools; after the round the model must call something.
        using JsonDocument second = JsonDocument.Parse(_fixture.Emulator.Requests[1].Body);
        JsonElement toolConfig = second.RootElement.GetProperty("toolConfig");
        Assert.Equal(["get_forecast", "slow_lookup", "WalkPlan"], toolConfig.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("toolSpec").GetProperty("name").GetString()));
        Assert.True(toolConfig.GetProperty("toolChoice").TryGetProperty("any", out _));
    }

    [Fact]
    public async Task Prose_before_a_round_and_the_json_after_it_are_read_as_one_attempt()
    {
        // Prose before the round, then the JSON in the turn after it: the partials are those of one attempt.
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).Stream(chunkSize: 4)
            .ReplyToolUses([new EmulatorToolCall("get_forecast", """{"city":"Paris"}""")], preamble: "Let me check the weather first.");
        _fixture.Emulator.Script.When(toolResultContains: "Rain").Stream(chunkSize: 4)
            .ReplyText("""Here it is: {"route": "Covered passages", "minutes": 45}""");

        ResultStream<WalkPlan, IStreamingToolPrompts.WalkPlanPartial> stream = Prompts.OutlineInTextAsync("Paris", new WalkTools());
        var partials = new List<IStreamingToolPrompts.WalkPlanPartial>();
        await foreach (IStreamingToolPrompts.WalkPlanPartial partial in stream)
        {
            partials.Add(partial);
            Assert.Equal(1, stream.Attempt);
        }

        Assert.Equal("Covered passages", partials[0].Route);
        Assert.Null(partials[0].Minutes);
        Assert.Equal(45, partials[^1].Minutes);
        Assert.Equal(new WalkPlan("Covered passages", 45), await stream.ReadToEndAsync());
        Assert.Single(stream.ToolCalls);
    }

    [Fact]
    public async Task Tools_of_an_mcp_server_run_while_streaming_and_its_errors_go_back_to_the_model()
    {
        await using McpToolServer server = await McpToolServer.StartAsync("walk-server");
        var tools = (await server.Client.ListToolsAsync()).ToList();
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).Stream(chunkSize: 4).ReplyToolUses(
        [
            new EmulatorToolCall("get_forecast", """{"city":"Paris"}"""),
            new EmulatorToolCall("get_forecast", """{"city":"Atlantis"}"""),
        ], preamble: "Asking the server. ");
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 2).Stream(chunkSize: 4).ReplyText("Paris only.");

        PromptStream stream = Prompts.PlanWithServerAsync("Paris", tools);
        string text = await stream.ReadToEndAsync();

        Assert.Equal("Asking the server. Paris only.", text);
        IReadOnlyList<EmulatorToolResult> sent = _fixture.Emulator.Requests[1].ToolResults;
        Assert.Equal(("Rain, 14 °C in Paris (walk-server)", false), (sent[0].Text, sent[0].IsError));
        Assert.True(sent[1].IsError);
        Assert.Equal(2, stream.ToolCalls.Count);
        Assert.Single(stream.ToolCalls, call => call.IsError);
    }

    [Fact]
    public async Task Cancelling_while_a_tool_runs_stops_the_stream_and_reaches_the_tool()
    {
        var tools = new WalkTools();
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).Stream(chunkSize: 4)
            .ReplyToolUses([new EmulatorToolCall("slow_lookup", """{"query":"parks"}""")], preamble: "Looking up. ");
        using var cancellation = new CancellationTokenSource();

        PromptStream stream = Prompts.PlanAsync("Paris", tools, cancellation.Token);
        var deltas = new List<string>();
        Task reading = Task.Run(async () =>
        {
            await foreach (string delta in stream)
            {
                deltas.Add(delta);
            }
        });
        await tools.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        await tools.SlowCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Looking up. ", string.Concat(deltas));
        // No second turn was asked for, and the cancelled call never completed.
        Assert.Single(_fixture.Emulator.Requests);
        Assert.Empty(stream.ToolCalls);
    }

    [Fact]
    public async Task The_round_limit_of_a_streaming_tool_loop_is_the_tool_loops()
    {
        _fixture.Emulator.Script.Always().Stream(chunkSize: 8).ReplyToolUse("get_forecast", """{"city":"Paris"}""");

        ToolLoopLimitException error = await Assert.ThrowsAsync<ToolLoopLimitException>(() => Prompts.PlanAsync("Paris", new WalkTools()).ReadToEndAsync());

        Assert.Equal(PromptGen.CompilerServices.ToolLoopOptions.DefaultMaxIterations + 1, _fixture.Emulator.Requests.Count);
        Assert.Equal(StreamingToolPrompts.Model, error.ModelId);
    }
}
