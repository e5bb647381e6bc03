using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.Tools;

/// <summary>
/// Generated clients with tools, against the emulator: the generated tool schemas and invokers on the wire, typed
/// tool results written as JSON, the loop's options from [ToolLoop], and typed results combined with tools.
/// </summary>
public sealed class GeneratedToolTests
{
    private static string Raw(JsonElement element) => element.GetRawText();

    private static JsonElement ToolResult(JsonElement request, int index) =>
        request.GetProperty("messages")[2].GetProperty("content")[index].GetProperty("toolResult");

    [Fact]
    public async Task Generated_tools_are_offered_with_schemas_from_their_parameters_and_answer_in_the_models_order()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).ReplyToolUses(new[]
        {
            new EmulatorToolCall("get_forecast", """{"city":"Paris","days":2}"""),
            new EmulatorToolCall("convert_currency", """{"amount":10.5,"from":"EUR","to":"NOK"}"""),
            new EmulatorToolCall("remember", """{"note":"umbrella"}"""),
            new EmulatorToolCall("local_time", """{"city":"Paris"}"""),
        });
        bedrock.Script.When(call => call.ToolResults.Count == 4).ReplyText("Museum in the morning, then dinner.");
        var tools = new TravelTools();

        string plan = await ITravelPrompts.Create(bedrock.Client).PlanAsync("Paris", tools);

        Assert.Equal("Museum in the morning, then dinner.", plan);
        JsonElement first = bedrock.Request(0);
        JsonElement offered = first.GetProperty("toolConfig").GetProperty("tools");
        Assert.Equal(new[] { "get_forecast", "convert_currency", "remember", "local_time" },
            offered.EnumerateArray().Select(tool => tool.GetProperty("toolSpec").GetProperty("name").GetString()));
        Assert.Equal(
            """{"name":"get_forecast","description":"The weather forecast for a city.","inputSchema":{"json":{"type":"object","properties":{"city":{"type":"string","description":"City name, e.g. Paris."},"days":{"type":"integer","minimum":1,"maximum":7}},"required":["city"],"additionalProperties":false}}}""",
            Raw(offered[0].GetProperty("toolSpec")));
        Assert.Equal("""{"auto":{}}""", Raw(first.GetProperty("toolConfig").GetProperty("toolChoice")));
        Assert.Equal(new[] { "convert 10.5 EUR NOK", "forecast Paris 2", "remember umbrella", "time Paris" }, tools.Calls.OrderBy(call => call, StringComparer.Ordinal));

        JsonElement second = bedrock.Request(1);
        Assert.Equal(
            """{"json":{"city":"Paris","temperatureC":12.5,"sky":"Rain","alerts":["wind"],"day":"2026-11-25","humidity":null}}""",
            Raw(ToolResult(second, 0).GetProperty("content")[0]));
        Assert.Equal("""{"json":{"value":21.0}}""", Raw(ToolResult(second, 1).GetProperty("content")[0]));
        Assert.Equal("""{"text":"done"}""", Raw(ToolResult(second, 2).GetProperty("content")[0]));
        Assert.Equal("""{"text":"09:30"}""", Raw(ToolResult(second, 3).GetProperty("content")[0]));
        Assert.All(Enumerable.Range(0, 4), index => Assert.Equal("success", ToolResult(second, index).GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Input_that_does_not_fit_the_parameters_and_tool_exceptions_go_back_as_error_results()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).ReplyToolUses(new[]
        {
            new EmulatorToolCall("get_forecast", """{"days":9}"""),
            new EmulatorToolCall("get_forecast", """{"city":"Atlantis"}"""),
        });
        bedrock.Script.Always().ReplyText("Sorry.");

        await ITravelPrompts.Create(bedrock.Client).PlanAsync("Paris", new TravelTools());

        JsonElement second = bedrock.Request(1);
        JsonElement invalid = ToolResult(second, 0);
        Assert.Equal("error", invalid.GetProperty("status").GetString());
        string message = invalid.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.Contains("$.city: is required", message, StringComparison.Ordinal);
        Assert.Contains("$.days", message, StringComparison.Ordinal);
        Assert.Equal("No weather station in Atlantis.", ToolResult(second, 1).GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("error", ToolResult(second, 1).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Tool_loop_options_come_from_the_attribute()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.Always().ReplyToolUse("remember", """{"note":"again"}""");
        var tools = new TravelTools();

        var error = await Assert.ThrowsAsync<ToolLoopLimitException>(() => ITravelPrompts.Create(bedrock.Client).PlanTypedAsync("Oslo", tools));

        Assert.Equal(2, error.MaxIterations);
        Assert.Equal(2, tools.Calls.Count);
        Assert.Equal(3, bedrock.Emulator.Requests.Count);
        Assert.True(bedrock.Request(0).TryGetProperty("outputConfig", out _)); // Haiku 4.5: native structured output beside the tools
    }

    [Fact]
    public async Task A_forced_tool_result_comes_back_after_the_tools_with_its_details()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).Usage(50, 5).ReplyToolUse("get_forecast", """{"city":"Rome"}""");
        bedrock.Script.When(call => call.ToolResults.Count == 1).Usage(80, 20).ReplyToolUse("DayPlan", """{"summary":"Sunny walk","stops":["Forum","Pantheon"]}""");

        PromptResult<DayPlan> result = await ITravelPrompts.Create(bedrock.Client).PlanWithDetailsAsync("Rome", new TravelTools());

        Assert.Equal("Sunny walk", result.Value.Summary);
        Assert.Equal(new[] { "Forum", "Pantheon" }, result.Value.Stops);
        Assert.Equal(2, result.Attempts.Count);
        Assert.Equal(130, result.Usage.InputTokens);
        JsonElement toolConfig = bedrock.Request(0).GetProperty("toolConfig");
        Assert.Equal("DayPlan", toolConfig.GetProperty("tools")[4].GetProperty("toolSpec").GetProperty("name").GetString());
        Assert.Equal("""{"any":{}}""", Raw(toolConfig.GetProperty("toolChoice")));
    }

    [Fact]
    public async Task Two_tool_sets_combine_and_a_forced_first_choice_relaxes_to_auto()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).ReplyToolUse("book_table", """{"restaurant":"Maaemo","people":2}""");
        bedrock.Script.Always().ReplyText("Booked.");
        var booking = new Booking();

        string answer = await ITravelPrompts.Create(bedrock.Client).DinnerAsync("Oslo", new TravelTools(), booking);

        Assert.Equal("Booked.", answer);
        Assert.Equal("Maaemo for 2", booking.Booked);
        Assert.Equal(5, bedrock.Request(0).GetProperty("toolConfig").GetProperty("tools").GetArrayLength());
        Assert.Equal("""{"any":{}}""", Raw(bedrock.Request(0).GetProperty("toolConfig").GetProperty("toolChoice")));
        Assert.Equal("""{"auto":{}}""", Raw(bedrock.Request(1).GetProperty("toolConfig").GetProperty("toolChoice")));
        Assert.Equal("confirmed", ToolResult(bedrock.Request(1), 0).GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_null_tool_set_is_refused_before_any_call()
    {
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => ITravelPrompts.Create(bedrock.Client).PlanAsync("Paris", null!));

        Assert.Empty(bedrock.Emulator.Requests);
    }

    private sealed class Booking : IBookingTools
    {
        public string? Booked { get; private set; }

        public Task<string> BookTableAsync(string restaurant, int people)
        {
            Booked = $"{restaurant} for {people}";
            return Task.FromResult("confirmed");
        }
    }
}
