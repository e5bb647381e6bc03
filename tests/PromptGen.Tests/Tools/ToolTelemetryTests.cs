using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Testing;
using PromptGen.Tests.Telemetry;
using Xunit;

namespace PromptGen.Tests.Tools;

/// <summary>Each tool call is an execute_tool span (OpenTelemetry GenAI semantic conventions).</summary>
public sealed class ToolTelemetryTests
{
    [Fact]
    public async Task Each_tool_call_is_an_execute_tool_span_and_a_failing_one_carries_its_error_type()
    {
        using var telemetry = new TelemetryCollector();
        await using EmulatedBedrock bedrock = await EmulatedBedrock.StartAsync();
        bedrock.Script.When(call => call.ToolResults.Count == 0).ReplyToolUses(new[]
        {
            new EmulatorToolCall("span_probe", """{"city":"Paris"}"""),
            new EmulatorToolCall("span_probe_fails", """{"city":"Paris"}"""),
        });
        bedrock.Script.Always().ReplyText("done");
        ToolDefinition probe = WeatherTools.Tool(new ToolSchema("span_probe", null, """{"type":"object"}"""), (_, _) => Task.FromResult("ok"));
        ToolDefinition failing = WeatherTools.Tool(new ToolSchema("span_probe_fails", null, """{"type":"object"}"""), (_, _) => throw new InvalidOperationException("boom"));

        await ToolLoop.RunAsync(bedrock.Client, "us.anthropic.claude-haiku-4-5-20251001-v1:0", new ConverseRequest { Messages = { Message.User("go") } },
            new[] { probe, failing }, ToolLoopOptions.Default, CancellationToken.None);

        string[] ids = bedrock.Emulator.Requests[1].Body.Split("\"toolUseId\":\"").Skip(1).Select(part => part[..part.IndexOf('"')]).Distinct().ToArray();
        Activity ok = Assert.Single(telemetry.Activities(a => a.DisplayName == "execute_tool span_probe" && ids.Contains(a.GetTagItem("gen_ai.tool.call.id"))));
        Assert.Equal(ActivityKind.Internal, ok.Kind);
        Assert.Equal("execute_tool", ok.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("span_probe", ok.GetTagItem("gen_ai.tool.name"));
        Assert.Equal("function", ok.GetTagItem("gen_ai.tool.type"));
        Assert.Equal(ActivityStatusCode.Unset, ok.Status);

        Activity failed = Assert.Single(telemetry.Activities(a => a.DisplayName == "execute_tool span_probe_fails" && ids.Contains(a.GetTagItem("gen_ai.tool.call.id"))));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("System.InvalidOperationException", failed.GetTagItem("error.type"));
    }
}
