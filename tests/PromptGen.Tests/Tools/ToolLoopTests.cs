using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Testing;
using PromptGen.Tests.Prompting.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Tools;

/// <summary>The tool loop against the emulator: what goes over the wire each turn, and what the caller gets.</summary>
public sealed class ToolLoopTests
{
    private const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private const string ValidTicket = """{"title": "Refund", "priority": "High", "minutes": 15}""";

    private static ConverseRequest Prompt(string text = "What should I wear in Paris?") => new() { Messages = { Message.User(text) } };

    private static string Raw(JsonElement element) => element.GetRawText();

    [Fact]
    public async Task The_model_asks_for_a_tool_gets_its_result_and_answers()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).ReplyToolUse("get_weather", """{"city":"Paris"}""");
        bedrock.Script.When(call => call.ToolResults.Any(result => result.Text == "Rain, 12°C" && !result.IsError)).ReplyText("Take an umbrella.");
        string? seenCity = null;

        string answer = await ToolLoop.RunAsync(bedrock.Client, Model, Prompt(), new[] { WeatherTools.Weather((city, _) => Task.FromResult(seenCity = city).ContinueWith(_ => "Rain, 12°C")) }, ToolLoopOptions.Default, CancellationToken.None);

        Assert.Equal("Take an umbrella.", answer);
        Assert.Equal("Paris", seenCity);
        Assert.Equal(2, bedrock.Emulator.Requests.Count);
        JsonElement first = bedrock.Request(0);
        Assert.Equal(
            """{"tools":[{"toolSpec":{"name":"get_weather","description":"The current weather in a city.","inputSchema":{"json":{"type":"object","properties":{"city":{"type":"string","description":"The city."}},"required":["city"],"additionalProperties":false}}}}],"toolChoice":{"auto":{}}}""",
            Raw(first.GetProperty("toolConfig")));
        JsonElement second = bedrock.Request(1);
        JsonElement messages = second.GetProperty("messages");
        Assert.Equal(3, messages.GetArrayLength());
        JsonElement toolUse = messages[1].GetProperty("content")[0].GetProperty("toolUse");
        Assert.Equal("assistant", messages[1].GetProperty("role").GetString());
        Assert.Equal("""{"city":"Paris"}""", Raw(toolUse.GetProperty("input")));
        string id = toolUse.GetProperty("toolUseId").GetString()!;
        Assert.Equal(
            $$$"""{"role":"user","content":[{"toolResult":{"toolUseId":"{{{id}}}","content":[{"text":"Rain, 12\u00B0C"}],"status":"success"}}]}""",
            Raw(messages[2]));
        Assert.Equal(Raw(first.GetProperty("toolConfig").GetProperty("tools")), Raw(second.GetProperty("toolConfig").GetProperty("tools")));
    }

    [Fact]
    public async Task Parallel_calls_run_concurrently_and_their_results_go_back_in_one_turn_in_the_models_order()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).ReplyToolUses(
            new[] { new EmulatorToolCall("get_weather", """{"city":"Paris"}"""), new EmulatorToolCall("get_weather", """{"city":"Oslo"}""") },
            preamble: "Checking both cities.");
        bedrock.Script.When(call => call.ToolResults.Count == 2).ReplyText("Paris is milder.");
        var parisStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var osloStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each call waits for the other to start: run one after the other, the first would time out.
        ToolDefinition weather = WeatherTools.Weather(async (city, ct) =>
        {
            (city == "Paris" ? parisStarted : osloStarted).SetResult();
            await (city == "Paris" ? osloStarted : parisStarted).Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
            return city == "Paris" ? "14°C" : "2°C";
        });
        string answer = await ToolLoop.RunAsync(bedrock.Client, Model, Prompt(), new[] { weather }, ToolLoopOptions.Default, CancellationToken.None);

        Assert.Equal("Paris is milder.", answer);
        JsonElement messages = bedrock.Request(1).GetProperty("messages");
        JsonElement assistant = messages[1].GetProperty("content");
        Assert.Equal("Checking both cities.", assistant[0].GetProperty("text").GetString());
        string parisId = assistant[1].GetProperty("toolUse").GetProperty("toolUseId").GetString()!;
        string osloId = assistant[2].GetProperty("toolUse").GetProperty("toolUseId").GetString()!;
        JsonElement results = messages[2].GetProperty("content");
        Assert.Equal(2, results.GetArrayLength());
        Assert.Equal(parisId, results[0].GetProperty("toolResult").GetProperty("toolUseId").GetString());
        Assert.Equal("14°C", results[0].GetProperty("toolResult").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(osloId, results[1].GetProperty("toolResult").GetProperty("toolUseId").GetString());
        Assert.Equal("2°C", results[1].GetProperty("toolResult").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Tool_failures_go_back_to_the_model_as_error_results_and_the_loop_goes_on()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).ReplyToolUses(new[]
        {
            new EmulatorToolCall("get_weather", """{"city":"Paris"}"""),
            new EmulatorToolCall("get_weather", """{"town":"Oslo"}"""),
            new EmulatorToolCall("get_forecast", """{"city":"Rome"}"""),
            new EmulatorToolCall("get_weather", """{"city":"Rome"}"""),
            new EmulatorToolCall("book_flight", """{"to":"Rome"}"""),
        });
        bedrock.Script.When(call => call.ToolResults.Count == 5).ReplyText("Some tools failed.");
        ToolDefinition weather = WeatherTools.Weather((city, _) => city switch
        {
            "Paris" => throw new InvalidOperationException("Server=db.internal;Password=hunter2"),
            _ => throw new ToolException($"No station in {city}."),
        });
        var forecastSchema = new ToolSchema("get_forecast", null, """{"type":"object","properties":{"city":{"type":"string"}}}""");
        ToolDefinition forecast = WeatherTools.Tool(forecastSchema, (_, _) => Task.FromResult("sunny"));

        string answer = await ToolLoop.RunAsync(bedrock.Client, Model, Prompt(), new[] { weather, forecast }, ToolLoopOptions.Default, CancellationToken.None);

        Assert.Equal("Some tools failed.", answer);
        JsonElement results = bedrock.Request(1).GetProperty("messages")[2].GetProperty("content");
        (string Status, string Text) Result(int index)
        {
            JsonElement result = results[index].GetProperty("toolResult");
            return (result.GetProperty("status").GetString()!, result.GetProperty("content")[0].GetProperty("text").GetString()!);
        }

        Assert.Equal(("error", "The tool 'get_weather' failed with InvalidOperationException."), Result(0));
        Assert.DoesNotContain("hunter2", bedrock.Emulator.Requests[1].Body, StringComparison.Ordinal);
        Assert.Equal(("error", "The input was not valid:\n- $.city: required member is missing\nCall the tool again with corrected input."), Result(1));
        Assert.Equal(("success", "sunny"), Result(2));
        Assert.Equal(("error", "No station in Rome."), Result(3));
        Assert.Equal(("error", "There is no tool named 'book_flight'. The tools are: get_weather, get_forecast."), Result(4));
    }

    [Fact]
    public async Task A_model_that_keeps_asking_for_tools_stops_at_the_bound_with_the_conversation_so_far()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.Always().Usage(10, 5).ReplyToolUse("get_weather", """{"city":"Paris"}""");
        int calls = 0;

        var error = await Assert.ThrowsAsync<ToolLoopLimitException>(() => ToolLoop.RunAsync(
            bedrock.Client, Model, Prompt(), new[] { WeatherTools.Weather((_, _) => Task.FromResult($"call {Interlocked.Increment(ref calls)}")) },
            new ToolLoopOptions { MaxIterations = 2 }, CancellationToken.None));

        Assert.Equal(2, calls);
        Assert.Equal(3, bedrock.Emulator.Requests.Count);
        Assert.Equal(2, error.MaxIterations);
        Assert.Equal(Model, error.ModelId);
        Assert.Equal(new[] { ConversationRole.User, ConversationRole.Assistant, ConversationRole.User, ConversationRole.Assistant, ConversationRole.User, ConversationRole.Assistant }, error.Conversation.Select(message => message.Role));
        Assert.NotNull(error.Conversation[^1].Content.Single().ToolUse);
        Assert.Equal(30, error.Usage.InputTokens);
        Assert.Equal(15, error.Usage.OutputTokens);
        Assert.Contains("after 2 rounds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_while_a_tool_runs_stops_the_tool_and_the_loop()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.Always().ReplyToolUse("get_weather", """{"city":"Paris"}""");
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool sawCancellation = false;
        ToolDefinition slow = WeatherTools.Weather(async (_, ct) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), ct);
            }
            catch (OperationCanceledException)
            {
                sawCancellation = true;
                throw;
            }

            return "never";
        });

        Task<string> running = ToolLoop.RunAsync(bedrock.Client, Model, Prompt(), new[] { slow }, ToolLoopOptions.Default, cancellation.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(sawCancellation);
        Assert.Single(bedrock.Emulator.Requests);
    }

    [Fact]
    public async Task A_forced_first_choice_applies_to_the_first_turn_only()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).ReplyToolUse(null, """{"city":"Paris"}""");
        bedrock.Script.Always().ReplyText("Done.");

        await ToolLoop.RunAsync(bedrock.Client, Model, Prompt(), new[] { WeatherTools.Weather((_, _) => Task.FromResult("sunny")) },
            new ToolLoopOptions { Choice = ToolChoiceMode.Tool, Tool = "get_weather" }, CancellationToken.None);

        Assert.Equal("""{"tool":{"name":"get_weather"}}""", Raw(bedrock.Request(0).GetProperty("toolConfig").GetProperty("toolChoice")));
        Assert.Equal("""{"auto":{}}""", Raw(bedrock.Request(1).GetProperty("toolConfig").GetProperty("toolChoice")));
    }

    [Fact]
    public async Task Forced_tool_results_are_offered_next_to_the_tools_and_the_loop_ends_when_the_model_calls_the_result_tool()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).Usage(100, 10).ReplyToolUse("get_weather", """{"city":"Paris"}""");
        bedrock.Script.When(call => call.ToolResults.Count == 1).Usage(150, 20).ReplyToolUse("ticket_result", ValidTicket);

        PromptResult<TicketResult> result = await ToolLoop.RunWithDetailsAsync(
            bedrock.Client, Model, Prompt(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool),
            new[] { WeatherTools.Weather((_, _) => Task.FromResult("sunny")) }, ToolLoopOptions.Default, CancellationToken.None);

        Assert.Equal(new TicketResult("Refund", Priority.High, 15), result.Value);
        JsonElement toolConfig = bedrock.Request(0).GetProperty("toolConfig");
        Assert.Equal(new[] { "get_weather", "ticket_result" }, toolConfig.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("toolSpec").GetProperty("name").GetString()));
        Assert.Equal("""{"any":{}}""", Raw(toolConfig.GetProperty("toolChoice")));
        Assert.Equal("""{"any":{}}""", Raw(bedrock.Request(1).GetProperty("toolConfig").GetProperty("toolChoice")));
        Assert.Equal(2, result.Attempts.Count);
        Assert.Equal("get_weather {\"city\":\"Paris\"}", result.Attempts[0].Text);
        Assert.Empty(result.Attempts[0].Errors);
        Assert.Equal(250, result.Usage.InputTokens);
        Assert.Equal(30, result.Usage.OutputTokens);
        // The details every PromptResult carries: model, request ids, latency, and a conversation without the tool rounds.
        Assert.Equal(Model, result.ModelId);
        Assert.Equal(bedrock.Emulator.Requests.Select(request => request.RequestId), result.Attempts.Select(attempt => attempt.RequestId));
        Assert.True(result.Latency > System.TimeSpan.Zero);
        Assert.NotNull(result.Message!.Content.Single().ToolUse);
        Assert.Equal(new[] { ConversationRole.User, ConversationRole.Assistant }, result.Conversation.Select(turn => turn.Role));
        Assert.Equal(ValidTicket, result.Conversation[1].Content.Single().Text);
    }

    [Fact]
    public async Task An_invalid_result_next_to_a_tool_call_runs_the_tool_and_asks_for_the_result_again()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).ReplyToolUses(new[]
        {
            new EmulatorToolCall("get_weather", """{"city":"Paris"}"""),
            new EmulatorToolCall("ticket_result", """{"title": "Refund"}"""),
        });
        bedrock.Script.When(call => call.ToolResults.Count == 2).ReplyToolUse("ticket_result", ValidTicket);

        TicketResult result = await ToolLoop.RunAsync(
            bedrock.Client, Model, Prompt(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool),
            new[] { WeatherTools.Weather((_, _) => Task.FromResult("sunny")) }, ToolLoopOptions.Default, CancellationToken.None);

        Assert.Equal(Priority.High, result.Priority);
        JsonElement turn = bedrock.Request(1).GetProperty("messages")[2].GetProperty("content");
        Assert.Equal("success", turn[0].GetProperty("toolResult").GetProperty("status").GetString());
        Assert.Equal("error", turn[1].GetProperty("toolResult").GetProperty("status").GetString());
        Assert.Contains("$.priority", turn[1].GetProperty("toolResult").GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Call ticket_result again", turn[2].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Native_schema_results_offer_the_tools_with_auto_and_read_the_final_text()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).ReplyToolUse("get_weather", """{"city":"Paris"}""");
        bedrock.Script.When(call => call.ToolResults.Count == 1).ReplyJson(ValidTicket);

        TicketResult result = await ToolLoop.RunAsync(
            bedrock.Client, Model, Prompt(), TicketResultParser.Spec(StructuredOutputStrategy.NativeSchema),
            new[] { WeatherTools.Weather((_, _) => Task.FromResult("sunny")) }, ToolLoopOptions.Default, CancellationToken.None);

        Assert.Equal(15, result.Minutes);
        JsonElement first = bedrock.Request(0);
        Assert.True(first.TryGetProperty("outputConfig", out _));
        Assert.Equal("""{"auto":{}}""", Raw(first.GetProperty("toolConfig").GetProperty("toolChoice")));
        Assert.Single(first.GetProperty("toolConfig").GetProperty("tools").EnumerateArray());
    }

    [Fact]
    public async Task A_user_tool_named_like_the_result_tool_is_refused_before_any_call()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        var clash = new ToolSchema("ticket_result", null, """{"type":"object"}""");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ToolLoop.RunAsync(
            bedrock.Client, Model, Prompt(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool),
            new[] { WeatherTools.Tool(clash, (_, _) => Task.FromResult("x")) }, ToolLoopOptions.Default, CancellationToken.None));

        Assert.Contains("taken by the structured result tool", error.Message, StringComparison.Ordinal);
        Assert.Empty(bedrock.Emulator.Requests);
    }

    [Fact]
    public void Options_and_schemas_reject_what_Bedrock_would()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolLoopOptions { MaxIterations = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolLoopOptions { MaxIterations = 101 });
        Assert.Throws<ArgumentException>(() => new ToolSchema("get weather", null, "{}"));
        Assert.Throws<ArgumentException>(() => new ToolSchema(new string('a', 65), null, "{}"));
        Assert.Throws<ArgumentException>(() => new ToolSchema("ok", null, "[]").ToWireTool());
    }

    [Fact]
    public async Task Two_tools_with_one_name_are_refused()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        ToolDefinition weather = WeatherTools.Weather((_, _) => Task.FromResult("x"));

        await Assert.ThrowsAsync<ArgumentException>(() => ToolLoop.RunAsync(bedrock.Client, Model, Prompt(), new[] { weather, weather }, ToolLoopOptions.Default, CancellationToken.None));
    }
}
