using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SupportMcp;
using Xunit;

namespace PromptGen.Mcp.Tests;

/// <summary>Issue 23: the same prompt interface served as MCP prompts, listed and rendered through the C# SDK's client.</summary>
public sealed class PromptTemplateTests : IAsyncLifetime
{
    private McpTestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await McpTestServer.StartAsync(builder => builder.WithSupportPrompts());

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Each_method_is_a_prompt_whose_arguments_are_its_parameters()
    {
        IList<McpClientPrompt> prompts = await _server.Client.ListPromptsAsync();

        Assert.Equal(["triage_ticket", "suggest_tags", "summarize"], prompts.Select(prompt => prompt.Name));
        Prompt tags = prompts[1].ProtocolPrompt;
        Assert.Equal(["text", "count"], tags.Arguments!.Select(argument => argument.Name));
        Assert.All(tags.Arguments!, argument => Assert.True(argument.Required));
        Assert.Equal("string, as text.", tags.Arguments![0].Description);
        Assert.Equal("int, as JSON, e.g. 3.", tags.Arguments![1].Description);
        Assert.Contains("SupportMcp.Ticket, as JSON", prompts[0].ProtocolPrompt.Arguments![1].Description);
    }

    [Fact]
    public async Task Getting_a_prompt_renders_its_templates_the_system_prompt_first_as_a_user_message()
    {
        GetPromptResult result = await _server.Client.GetPromptAsync("triage_ticket", new Dictionary<string, object?>
        {
            ["product"] = "Acme Pay",
            ["ticket"] = """{"title":"Charged twice","body":"Order 1042 was billed twice."}""",
        });

        // Exactly what the descriptor renders (the method's own templates), and no Bedrock call.
        PromptGen.Descriptors.PromptPreview expected = ISupportPrompts.Descriptors.Single(d => d.MethodName == "TriageTicketAsync")
            .Render("""{"product":"Acme Pay","ticket":{"title":"Charged twice","body":"Order 1042 was billed twice."}}""");
        Assert.Equal(2, result.Messages.Count);
        Assert.All(result.Messages, message => Assert.Equal(Role.User, message.Role));
        Assert.Equal(expected.SystemPrompt, Assert.IsType<TextContentBlock>(result.Messages[0].Content).Text);
        Assert.Equal("You triage support tickets for Acme Pay. Answer with the triage only.", expected.SystemPrompt);
        Assert.Equal("Triage this ticket.\nTitle: Charged twice\nBody: Order 1042 was billed twice.", Assert.IsType<TextContentBlock>(result.Messages[1].Content).Text);
        Assert.Contains("system prompt as the first user message", result.Description);
        Assert.Empty(_server.Emulator.Requests);
    }

    [Fact]
    public async Task A_number_argument_is_read_as_JSON_and_a_prompt_without_system_prompt_is_one_message()
    {
        GetPromptResult result = await _server.Client.GetPromptAsync("suggest_tags", new Dictionary<string, object?> { ["text"] = "3 is not a number here", ["count"] = "4" });

        PromptMessage message = Assert.Single(result.Messages);
        Assert.Equal("Suggest 4 short tags for this text: 3 is not a number here", Assert.IsType<TextContentBlock>(message.Content).Text);
    }

    [Fact]
    public async Task Arguments_that_do_not_fit_are_an_invalid_params_error_naming_the_argument()
    {
        McpProtocolException notJson = await Assert.ThrowsAsync<McpProtocolException>(async () =>
            await _server.Client.GetPromptAsync("suggest_tags", new Dictionary<string, object?> { ["text"] = "t", ["count"] = "four" }));
        Assert.Equal(McpErrorCode.InvalidParams, notJson.ErrorCode);
        Assert.Contains("'count' (int) must be JSON", notJson.Message);

        McpProtocolException missing = await Assert.ThrowsAsync<McpProtocolException>(async () =>
            await _server.Client.GetPromptAsync("suggest_tags", new Dictionary<string, object?> { ["text"] = "t" }));
        Assert.Contains("$.count", missing.Message);

        McpProtocolException unknown = await Assert.ThrowsAsync<McpProtocolException>(async () =>
            await _server.Client.GetPromptAsync("summarize", new Dictionary<string, object?> { ["txt"] = "t" }));
        Assert.Contains("no argument 'txt'; it takes 'text'", unknown.Message);
    }
}
