using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.Mcp.Tests;

/// <summary>
/// Issue 23: samples/McpServer (stdio, answered by its scripted emulator) listed and called through the MCP
/// Inspector's CLI, an independent client: what it prints is the server's JSON as the inspector received it.
/// </summary>
public sealed class InspectorCliTests
{
    [Fact]
    public async Task The_inspector_lists_the_tools_with_their_schemas()
    {
        using JsonDocument output = await RunAsync("--method", "tools/list");

        JsonElement[] tools = output.RootElement.GetProperty("tools").EnumerateArray().ToArray();
        Assert.Equal(["triage_ticket", "suggest_tags", "summarize"], tools.Select(tool => tool.GetProperty("name").GetString()));
        Assert.Equal(["product", "ticket"], tools[0].GetProperty("inputSchema").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("boolean", tools[0].GetProperty("outputSchema").GetProperty("properties").GetProperty("needsHuman").GetProperty("type").GetString());
        Assert.False(tools[2].TryGetProperty("outputSchema", out _));
    }

    [Fact]
    public async Task The_inspector_calls_a_tool_and_gets_the_typed_result_as_structured_content()
    {
        using JsonDocument output = await RunAsync(
            "--method", "tools/call", "--tool-name", "triage_ticket",
            "--tool-arg", "product=Acme Pay", "--tool-arg", """ticket={"title":"Charged twice","body":"Refund one, please."}""");

        JsonElement structured = output.RootElement.GetProperty("structuredContent");
        // The sample's scripted answer (SupportServer.ScriptDemoAnswers), read into TicketTriage and written back.
        Assert.Equal("Billing", structured.GetProperty("team").GetString());
        Assert.Equal("High", structured.GetProperty("urgency").GetString());
        Assert.True(structured.GetProperty("needsHuman").GetBoolean());
        Assert.False(output.RootElement.TryGetProperty("isError", out JsonElement isError) && isError.GetBoolean());
        string text = output.RootElement.GetProperty("content")[0].GetProperty("text").GetString()!;
        using JsonDocument fromText = JsonDocument.Parse(text);
        Assert.True(JsonElement.DeepEquals(structured, fromText.RootElement));
    }

    [Fact]
    public async Task The_inspector_gets_a_tool_error_for_arguments_that_do_not_fit()
    {
        using JsonDocument output = await RunAsync("--method", "tools/call", "--tool-name", "suggest_tags", "--tool-arg", "text=hello");

        Assert.True(output.RootElement.GetProperty("isError").GetBoolean());
        Assert.Contains("$.count", output.RootElement.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_inspector_lists_the_prompts_and_gets_one_rendered()
    {
        using JsonDocument list = await RunAsync("--method", "prompts/list");
        JsonElement[] prompts = list.RootElement.GetProperty("prompts").EnumerateArray().ToArray();
        Assert.Equal(["triage_ticket", "suggest_tags", "summarize"], prompts.Select(prompt => prompt.GetProperty("name").GetString()));
        Assert.Equal(["text", "count"], prompts[1].GetProperty("arguments").EnumerateArray().Select(a => a.GetProperty("name").GetString()));

        using JsonDocument rendered = await RunAsync("--method", "prompts/get", "--prompt-name", "suggest_tags", "--prompt-args", "text=Charged twice", "count=3");
        JsonElement message = Assert.Single(rendered.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        Assert.Equal("Suggest 3 short tags for this text: Charged twice", message.GetProperty("content").GetProperty("text").GetString());
    }

    private static async Task<JsonDocument> RunAsync(params string[] arguments)
    {
        (int exitCode, string stdout, string stderr) = await InspectorCli.RunAsync(arguments);
        Assert.True(exitCode == 0, $"the inspector exited with {exitCode}:\n{stdout}\n{stderr}");
        return JsonDocument.Parse(stdout);
    }
}
