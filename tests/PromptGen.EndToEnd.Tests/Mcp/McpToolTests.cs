using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Mcp;

/// <summary>
/// Issue 23: the tools of an MCP server (the official C# SDK's client and server, connected in process) used by a
/// generated prompt method against the emulator.
/// </summary>
public sealed class McpToolTests : IAsyncLifetime
{
    private readonly EmulatorFixture _fixture = new();
    private McpToolServer _weather = null!;
    private McpToolServer _lookup = null!;

    private IMcpPrompts Prompts => IMcpPrompts.Create(_fixture.Client);

    public async ValueTask InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _weather = await McpToolServer.StartAsync("weather-server");
        _lookup = await McpToolServer.StartAsync("lookup-server");
    }

    public async ValueTask DisposeAsync()
    {
        await _weather.DisposeAsync();
        await _lookup.DisposeAsync();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task The_servers_tools_are_offered_with_their_schemas_and_a_call_is_answered_by_the_server()
    {
        IList<McpClientTool> tools = await _weather.Client.ListToolsAsync();
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).ReplyToolUse("get_forecast", """{"city":"Paris"}""");
        _fixture.Emulator.Script.When(toolResultContains: "Rain").ReplyText("Take an umbrella.");

        string answer = await Prompts.WeatherAsync("Paris", tools);

        Assert.Equal("Take an umbrella.", answer);
        using JsonDocument first = JsonDocument.Parse(_fixture.Emulator.Requests[0].Body);
        JsonElement[] specs = first.RootElement.GetProperty("toolConfig").GetProperty("tools").EnumerateArray()
            .Select(tool => tool.GetProperty("toolSpec")).ToArray();
        Assert.Equal(["get_forecast", "slow_lookup"], specs.Select(spec => spec.GetProperty("name").GetString()));
        Assert.Equal("Today's weather forecast for a city.", specs[0].GetProperty("description").GetString());
        JsonElement schema = specs[0].GetProperty("inputSchema").GetProperty("json");
        Assert.Equal("string", schema.GetProperty("properties").GetProperty("city").GetProperty("type").GetString());
        EmulatorToolResult result = Assert.Single(_fixture.Emulator.Requests[1].ToolResults);
        Assert.Equal(("Rain, 14 °C in Paris (weather-server)", false), (result.Text, result.IsError));
    }

    [Fact]
    public async Task Calls_are_routed_to_the_server_that_owns_the_tool_beside_csharp_tools()
    {
        IList<McpClientTool> weather = [(await _weather.Client.ListToolsAsync()).Single(tool => tool.Name == "get_forecast")];
        IList<McpClientTool> lookup = [(await _lookup.Client.ListToolsAsync()).Single(tool => tool.Name == "get_forecast").WithName("get_forecast_2")];
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).ReplyToolUses(
        [
            new EmulatorToolCall("local_time", "{}"),
            new EmulatorToolCall("get_forecast", """{"city":"Paris"}"""),
            new EmulatorToolCall("get_forecast_2", """{"city":"Paris"}"""),
        ]);
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 3).ReplyText("A rainy morning.");

        string answer = await Prompts.PlanAsync("Paris", new LocalClock(), weather, lookup);

        Assert.Equal("A rainy morning.", answer);
        Assert.Equal(
            ["09:00", "Rain, 14 °C in Paris (weather-server)", "Rain, 14 °C in Paris (lookup-server)"],
            _fixture.Emulator.Requests[1].ToolResults.Select(result => result.Text));
        Assert.Equal(["local_time", "get_forecast", "get_forecast_2"], _fixture.Emulator.Requests[0].ToolNames);
    }

    [Fact]
    public async Task A_tool_error_of_the_server_goes_back_to_the_model_as_an_error_result()
    {
        IList<McpClientTool> tools = await _weather.Client.ListToolsAsync();
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).ReplyToolUse("get_forecast", """{"city":"Atlantis"}""");
        _fixture.Emulator.Script.When(call => call.ToolResults.Any(result => result.IsError)).ReplyText("No forecast for Atlantis.");

        string answer = await Prompts.WeatherAsync("Atlantis", tools);

        Assert.Equal("No forecast for Atlantis.", answer);
        EmulatorToolResult result = Assert.Single(_fixture.Emulator.Requests[1].ToolResults);
        Assert.True(result.IsError);
        Assert.Contains("No station reports for Atlantis.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protocol_failure_is_an_error_result_without_its_details()
    {
        // A client tool whose server does not have it: the server answers with a JSON-RPC error, the client throws.
        McpClientTool real = (await _weather.Client.ListToolsAsync()).Single(tool => tool.Name == "get_forecast");
        var missing = new McpClientTool(_weather.Client, new ModelContextProtocol.Protocol.Tool { Name = "not_on_server", InputSchema = real.ProtocolTool.InputSchema });
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).ReplyToolUse("not_on_server", """{"city":"Paris"}""");
        _fixture.Emulator.Script.When(call => call.ToolResults.Any(result => result.IsError)).ReplyText("The tool failed.");

        string answer = await Prompts.WeatherAsync("Paris", [missing]);

        Assert.Equal("The tool failed.", answer);
        EmulatorToolResult result = Assert.Single(_fixture.Emulator.Requests[1].ToolResults);
        Assert.True(result.IsError);
        Assert.Equal("The tool 'not_on_server' failed with McpProtocolException.", result.Text);
    }

    [Fact]
    public async Task Cancelling_the_call_cancels_the_tool_on_the_server()
    {
        IList<McpClientTool> tools = await _weather.Client.ListToolsAsync();
        _fixture.Emulator.Script.When(call => call.ToolResults.Count == 0).ReplyToolUse("slow_lookup", """{"query":"museums"}""");
        using var cancellation = new CancellationTokenSource();

        Task<string> call = Prompts.WeatherAsync("Paris", tools, cancellation.Token);
        await _weather.Signals.SlowLookupStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await _weather.Signals.SlowLookupCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Single(_fixture.Emulator.Requests);
    }

    [Fact]
    public async Task Two_tools_of_one_name_from_two_servers_fail_before_any_call_with_a_clear_error()
    {
        IList<McpClientTool> weather = await _weather.Client.ListToolsAsync();
        IList<McpClientTool> lookup = await _lookup.Client.ListToolsAsync();

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(
            () => Prompts.PlanAsync("Paris", new LocalClock(), weather, lookup));

        Assert.Contains("Two tools are named 'get_forecast'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Emulator.Requests);
    }

    [Fact]
    public async Task A_hosted_tool_that_cannot_run_in_the_loop_is_refused_by_name()
    {
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(
            () => Prompts.WeatherAsync("Paris", [new HostedWebSearchTool()]));

        Assert.Contains("not an AIFunction", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Emulator.Requests);
    }
}
