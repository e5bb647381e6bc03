using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using PromptGen.Testing;
using SupportMcp;
using Xunit;

namespace PromptGen.Mcp.Tests;

/// <summary>
/// Issue 23: a prompt interface served as MCP tools (samples/McpServer's configuration), called by the C# SDK's MCP
/// client; every Bedrock call is answered by the emulator, scripted per test.
/// </summary>
public sealed class PromptToolTests : IAsyncLifetime
{
    private McpTestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await McpTestServer.StartAsync(builder => builder.WithSupportPrompts());

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Each_method_is_a_tool_with_its_arguments_schema_as_input_and_its_result_schema_as_output()
    {
        IList<McpClientTool> tools = await _server.Client.ListToolsAsync();

        Assert.Equal(["triage_ticket", "suggest_tags", "summarize"], tools.Select(tool => tool.Name));
        Dictionary<string, PromptGen.Descriptors.PromptDescriptor> byMethod = ISupportPrompts.Descriptors.ToDictionary(d => d.MethodName);
        Tool triage = tools[0].ProtocolTool;
        AssertJsonEqual(byMethod["TriageTicketAsync"].ArgumentsSchemaJson, triage.InputSchema);
        AssertJsonEqual(byMethod["TriageTicketAsync"].ResultSchemaJson!, triage.OutputSchema!.Value);
        Assert.Equal(["product", "ticket"], triage.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Low", "Normal", "High"], triage.OutputSchema.Value.GetProperty("properties").GetProperty("urgency").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("SupportMcp.ISupportPrompts.TriageTicketAsync", triage.Description);
        Assert.Contains("us.anthropic.claude-haiku-4-5-20251001-v1:0", triage.Description);

        // A list is not an object: the output schema is the generator's {"value": [...]} wrapper.
        JsonElement tagsOutput = tools[1].ProtocolTool.OutputSchema!.Value;
        Assert.Equal("object", tagsOutput.GetProperty("type").GetString());
        Assert.Equal("array", tagsOutput.GetProperty("properties").GetProperty("value").GetProperty("type").GetString());

        // Text has no output schema: the answer is the content.
        Assert.Null(tools[2].ProtocolTool.OutputSchema);
        Assert.Equal(true, tools[2].ProtocolTool.Annotations?.ReadOnlyHint);
    }

    [Fact]
    public async Task A_call_runs_the_prompt_and_returns_the_typed_result_as_structured_content_and_json_text()
    {
        _server.Emulator.Script.When(model: "us.anthropic.claude-haiku-4-5-20251001-v1:0", promptContains: "Title: Charged twice", systemContains: "for Acme Pay")
            .ReplyText("""{"team":"Billing","urgency":"High","needsHuman":true}""");

        CallToolResult result = await _server.Client.CallToolAsync("triage_ticket", new Dictionary<string, object?>
        {
            ["product"] = "Acme Pay",
            ["ticket"] = new Dictionary<string, object?> { ["title"] = "Charged twice", ["body"] = "Order 1042 was billed twice." },
        });

        Assert.NotEqual(true, result.IsError);
        JsonElement structured = Assert.IsType<JsonElement>(result.StructuredContent);
        Assert.Equal("Billing", structured.GetProperty("team").GetString());
        Assert.Equal("High", structured.GetProperty("urgency").GetString());
        Assert.True(structured.GetProperty("needsHuman").GetBoolean());
        TextContentBlock text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content));
        AssertJsonEqual(text.Text, structured);

        // The request the emulator got is the method's own: its template rendered, its inference settings.
        RecordedRequest request = Assert.Single(_server.Emulator.Requests);
        using JsonDocument body = JsonDocument.Parse(request.Body);
        Assert.Equal(300, body.RootElement.GetProperty("inferenceConfig").GetProperty("maxTokens").GetInt32());
    }

    [Fact]
    public async Task A_result_that_is_not_an_object_comes_back_wrapped_as_its_output_schema_says()
    {
        _server.Emulator.Script.When(promptContains: "Suggest 2 short tags").ReplyText("""["billing","refund"]""");

        CallToolResult result = await _server.Client.CallToolAsync("suggest_tags", new Dictionary<string, object?> { ["text"] = "Charged twice", ["count"] = 2 });

        Assert.NotEqual(true, result.IsError);
        JsonElement structured = Assert.IsType<JsonElement>(result.StructuredContent);
        Assert.Equal(["billing", "refund"], structured.GetProperty("value").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_text_method_answers_with_its_text()
    {
        _server.Emulator.Script.When(promptContains: "Summarize in one sentence: The printer is on fire.").ReplyText("A printer caught fire.");

        CallToolResult result = await _server.Client.CallToolAsync("summarize", new Dictionary<string, object?> { ["text"] = "The printer is on fire." });

        Assert.NotEqual(true, result.IsError);
        Assert.Null(result.StructuredContent);
        Assert.Equal("A printer caught fire.", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task Arguments_that_do_not_fit_are_a_tool_error_naming_what_is_wrong_and_Bedrock_is_not_called()
    {
        CallToolResult result = await _server.Client.CallToolAsync("suggest_tags", new Dictionary<string, object?> { ["text"] = "Charged twice", ["count"] = "many" });

        Assert.True(result.IsError);
        string message = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith("The arguments of SuggestTagsAsync are not valid:", message);
        Assert.Contains("$.count: expected", message);
        Assert.Null(result.StructuredContent);
        Assert.Empty(_server.Emulator.Requests);

        CallToolResult missing = await _server.Client.CallToolAsync("triage_ticket", new Dictionary<string, object?> { ["product"] = "Acme" });
        Assert.True(missing.IsError);
        Assert.Contains("$.ticket", Assert.IsType<TextContentBlock>(Assert.Single(missing.Content)).Text);
    }

    [Fact]
    public async Task A_Bedrock_error_is_a_tool_error_without_credentials_or_a_stack_trace()
    {
        _server.Emulator.Script.When(promptContains: "Summarize in one sentence")
            .ReplyError("AccessDeniedException", 403, "You don't have access to the model with the specified model ID.");

        CallToolResult result = await _server.Client.CallToolAsync("summarize", new Dictionary<string, object?> { ["text"] = "Hello" });

        Assert.True(result.IsError);
        string message = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith("summarize failed: ", message);
        Assert.Contains("AccessDenied", message);
        Assert.DoesNotContain(EmulatorCredentials.AccessKeyId, message);
        Assert.DoesNotContain(EmulatorCredentials.SecretAccessKey, message);
        Assert.DoesNotContain("Credential=", message);
        Assert.DoesNotContain(" at ", message);
        Assert.Single(_server.Emulator.Requests);
    }

    [Fact]
    public async Task An_answer_the_model_cannot_be_read_from_is_a_tool_error_after_the_repairs()
    {
        // Every turn, the first and each repair, gets the same answer with an urgency the enum does not have.
        _server.Emulator.Script.Always()
            .ReplyText("""{"team":"Billing","urgency":"Whenever","needsHuman":true}""");

        CallToolResult result = await _server.Client.CallToolAsync("triage_ticket", new Dictionary<string, object?>
        {
            ["product"] = "Acme",
            ["ticket"] = new Dictionary<string, object?> { ["title"] = "T", ["body"] = "B" },
        });

        Assert.True(result.IsError);
        string message = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith("triage_ticket failed: ", message);
        Assert.Contains("$.urgency", message);
    }

    [Fact]
    public async Task Cancelling_the_call_at_the_client_cancels_the_Bedrock_call_in_the_server()
    {
        _server.Emulator.Script.When(promptContains: "Summarize in one sentence").Delay(TimeSpan.FromMinutes(2)).ReplyText("too late");
        using var cancellation = new CancellationTokenSource();

        ValueTask<CallToolResult> call = _server.Client.CallToolAsync("summarize", new Dictionary<string, object?> { ["text"] = "slow" }, cancellationToken: cancellation.Token);
        await _server.Bedrock.CallStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await call);
        await _server.Bedrock.CallCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Without_a_Bedrock_runtime_in_the_services_a_call_is_a_tool_error_saying_what_to_add()
    {
        await using McpTestServer server = await McpTestServer.StartAsync(builder => builder.WithSupportPrompts(), withBedrock: false);

        CallToolResult result = await server.Client.CallToolAsync("summarize", new Dictionary<string, object?> { ["text"] = "Hello" });

        Assert.True(result.IsError);
        Assert.Contains("AddPromptGen()", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    private static void AssertJsonEqual(string expected, JsonElement actual)
    {
        using JsonDocument document = JsonDocument.Parse(expected);
        Assert.True(JsonElement.DeepEquals(document.RootElement, actual), $"expected {expected}\nactual   {actual.GetRawText()}");
    }
}
