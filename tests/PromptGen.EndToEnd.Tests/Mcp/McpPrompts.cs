using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;

namespace PromptGen.EndToEnd.Tests.Mcp;

[PromptClient(Model = McpPrompts.Model)]
public partial interface IMcpPrompts
{
    [Prompt("What is the weather in {{ city }}?")]
    Task<string> WeatherAsync(string city, IEnumerable<AITool> tools, CancellationToken cancellationToken = default);

    [Prompt("Plan a day in {{ city }}.")]
    Task<string> PlanAsync(string city, LocalClock clock, IList<McpClientTool> weather, IList<McpClientTool> lookup, CancellationToken cancellationToken = default);
}

/// <summary>A C# tool set beside the MCP tools.</summary>
public sealed class LocalClock
{
    [Tool, Description("The local time in the city.")]
    public string LocalTime() => "09:00";
}

internal static class McpPrompts
{
    public const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
}
