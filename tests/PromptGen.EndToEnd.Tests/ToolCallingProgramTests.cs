using System;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>samples/ToolCalling runs offline: parallel tool calls, a tool error the model recovers from, and a typed result with tools.</summary>
public sealed class ToolCallingProgramTests
{
    [Fact]
    public async Task ToolCalling_prints_each_tool_round_and_the_results()
    {
        (int exitCode, string output, string errors) = await SampleProgram.RunAsync("ToolCalling");

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}\n{errors}");
        Assert.Contains("request 1: tools offered [get_forecast, convert_currency, local_time]", output, StringComparison.Ordinal);
        Assert.Contains(
            """last user turn: toolResult tooluse_1 (success): {"city":"Paris","temperatureC":14.5,"sky":"Rain"}; toolResult tooluse_2 (success): {"value":1404.0}""",
            output, StringComparison.Ordinal);
        Assert.Contains("tools ran: convert_currency(120 EUR -> NOK), get_forecast(Paris)", output, StringComparison.Ordinal);
        Assert.Contains("result:    It will rain (14.5 °C)", output, StringComparison.Ordinal);
        Assert.Contains("toolResult tooluse_3 (error): There is no forecast for 'Bergen'; try a larger city nearby.", output, StringComparison.Ordinal);
        Assert.Contains("tools ran: get_forecast(Bergen), get_forecast(Oslo)", output, StringComparison.Ordinal);
        Assert.Contains("result:    A crisp, clear day by the fjord. Stops: Fish market → Fløyen funicular → Bryggen. Umbrella: no.", output, StringComparison.Ordinal);
    }
}
