using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Server;
using SupportMcp;
using Xunit;

namespace PromptGen.Mcp.Tests;

/// <summary>How methods are named over MCP, overloads and clashes, and what is left out.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("SummarizeAsync", "summarize")]
    [InlineData("TriageTicketAsync", "triage_ticket")]
    [InlineData("GetHTMLSummaryAsync", "get_html_summary")]
    [InlineData("Rate2Headlines", "rate2_headlines")]
    [InlineData("Async", "async")]
    public void A_method_name_becomes_snake_case_without_Async(string method, string expected) =>
        Assert.Equal(expected, PromptMcpNames.SnakeCase(PromptMcpNames.WithoutAsync(method)));

    [Fact]
    public async Task Overloads_are_numbered_and_a_method_without_a_descriptor_is_not_served()
    {
        await using McpTestServer server = await McpTestServer.StartAsync(builder => builder.WithPromptTools(IWritingPrompts.Descriptors).WithPromptTemplates(IWritingPrompts.Descriptors));

        IList<McpClientTool> tools = await server.Client.ListToolsAsync();
        IList<McpClientPrompt> prompts = await server.Client.ListPromptsAsync();

        // RepeatChatAsync keeps its history in a Queue, which has no descriptor: neither a tool nor a prompt.
        // ContinueChatAsync's history is an argument of {role, text} turns.
        Assert.Equal(["summarize", "summarize_2", "rate_headline", "continue_chat"], tools.Select(tool => tool.Name));
        Assert.Equal(["summarize", "summarize_2", "rate_headline", "continue_chat"], prompts.Select(prompt => prompt.Name));
        Assert.Equal(["question", "history"], tools[3].ProtocolTool.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["text", "words"], tools[1].ProtocolTool.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_nullable_number_result_is_wrapped_as_its_output_schema_says()
    {
        await using McpTestServer server = await McpTestServer.StartAsync(builder => builder.WithPromptTools(IWritingPrompts.Descriptors));
        server.Emulator.Script.When(model: "us.amazon.nova-lite-v1:0", promptContains: "Rate this headline").ReplyToolUse("NullableOfInt32", """{"value":7}""");

        ModelContextProtocol.Protocol.CallToolResult result = await server.Client.CallToolAsync("rate_headline", new Dictionary<string, object?> { ["headline"] = "Cat elected mayor" });

        Assert.True(result.IsError != true, string.Join("\n", result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(b => b.Text)));
        Assert.Equal(7, Assert.IsType<System.Text.Json.JsonElement>(result.StructuredContent).GetProperty("value").GetInt32());
    }

    [Fact]
    public void Two_interfaces_with_the_same_method_names_need_a_prefix()
    {
        var services = new ServiceCollection();
        IMcpServerBuilder builder = services.AddMcpServer().WithPromptTools(ISupportPrompts.Descriptors);

        ArgumentException clash = Assert.Throws<ArgumentException>(() => builder.WithPromptTools(IWritingPrompts.Descriptors));
        Assert.Contains("'summarize'", clash.Message);
        Assert.Contains("NamePrefix", clash.Message);

        builder.WithPromptTools(IWritingPrompts.Descriptors, options => options.NamePrefix = "writing_");
        string[] names = services.Where(s => s.ImplementationInstance is McpServerTool).Select(s => ((McpServerTool)s.ImplementationInstance!).ProtocolTool.Name).ToArray();
        Assert.Equal(["triage_ticket", "suggest_tags", "summarize", "writing_summarize", "writing_summarize_2", "writing_rate_headline", "writing_continue_chat"], names);
    }
}
