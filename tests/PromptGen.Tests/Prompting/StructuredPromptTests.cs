using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Tests.Prompting.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Prompting;

/// <summary>The structured prompt runner against a scripted Bedrock: request shapes per strategy, reading, repair.</summary>
public sealed class StructuredPromptTests
{
    private const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private const string ValidJson = """{"title": "Refund", "priority": "high", "minutes": 15}""";

    private static ConverseRequest GeneratedRequest() => new()
    {
        System = SystemContentBlock.ListFromText("You triage tickets."),
        Messages = { Message.User("Triage: I was charged twice.") },
        InferenceConfig = new InferenceConfiguration { MaxTokens = 300 },
    };

    private static string JsonString(string text) => JsonSerializer.Serialize(text);

    [Fact]
    public async Task Prompt_only_appends_the_instructions_and_schema_to_the_last_user_message()
    {
        var bedrock = new ScriptedBedrock().Text(ValidJson);
        ConverseRequest request = GeneratedRequest();

        await StructuredPrompt.RunAsync(bedrock, Model, request, TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly), CancellationToken.None);

        string instructions =
            "Answer with only a JSON object that matches the JSON schema below. Write no prose before or after it, no Markdown code fences and no comments."
            + "\nThe object: The triaged ticket.\n\nJSON schema:\n" + TicketResultParser.Schema;
        Assert.Equal(
            """{"messages":[{"role":"user","content":[{"text":"Triage: I was charged twice."},{"text":""" + JsonString(instructions)
            + """}]}],"system":[{"text":"You triage tickets."}],"inferenceConfig":{"maxTokens":300}}""",
            bedrock.RequestBodies.Single());
        Assert.Single(request.Messages[0].Content); // the caller's request is not changed
    }

    [Fact]
    public async Task Forced_tool_sends_the_schema_as_the_tool_input_schema_and_forces_the_tool()
    {
        var bedrock = new ScriptedBedrock().ToolCall("ticket_result", ValidJson);

        TicketResult result = await StructuredPrompt.RunAsync(bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool), CancellationToken.None);

        Assert.Equal(
            """{"messages":[{"role":"user","content":[{"text":"Triage: I was charged twice."}]}],"system":[{"text":"You triage tickets."}],"inferenceConfig":{"maxTokens":300},"toolConfig":{"tools":[{"toolSpec":{"name":"ticket_result","description":"The triaged ticket.","inputSchema":{"json":""" + TicketResultParser.Schema
            + """}}}],"toolChoice":{"tool":{"name":"ticket_result"}}}}""",
            bedrock.RequestBodies.Single());
        Assert.Equal(new TicketResult("Refund", Priority.High, 15), result);
    }

    [Fact]
    public async Task Native_schema_sends_the_schema_as_a_string_in_output_config()
    {
        var bedrock = new ScriptedBedrock().Text(ValidJson);

        TicketResult result = await StructuredPrompt.RunAsync(bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.NativeSchema), CancellationToken.None);

        Assert.Equal(
            """{"messages":[{"role":"user","content":[{"text":"Triage: I was charged twice."}]}],"system":[{"text":"You triage tickets."}],"inferenceConfig":{"maxTokens":300},"outputConfig":{"textFormat":{"type":"json_schema","structure":{"jsonSchema":{"schema":""" + JsonString(TicketResultParser.Schema)
            + ""","name":"ticket_result","description":"The triaged ticket."}}}}}""",
            bedrock.RequestBodies.Single());
        Assert.Equal(Priority.High, result.Priority);
        Assert.Equal(Model, bedrock.ModelIds.Single());
    }

    [Fact]
    public async Task A_fenced_answer_with_prose_is_read()
    {
        var bedrock = new ScriptedBedrock().Text("Sure! Here it is:\n```json\n{title: 'Refund', priority: 'IN_PROGRESS', minutes: '15',}\n```\nAnything else?");

        TicketResult result = await StructuredPrompt.RunAsync(bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly), CancellationToken.None);

        Assert.Equal(new TicketResult("Refund", Priority.InProgress, 15), result);
    }

    [Fact]
    public async Task A_tool_input_sent_as_a_string_of_json_is_read()
    {
        var bedrock = new ScriptedBedrock().ToolCall("ticket_result", JsonString(ValidJson));

        TicketResult result = await StructuredPrompt.RunAsync(bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool), CancellationToken.None);

        Assert.Equal(Priority.High, result.Priority);
    }

    [Fact]
    public async Task Invalid_then_valid_answer_is_repaired_with_the_previous_answer_and_the_error_paths()
    {
        const string invalid = """{"title": "Refund", "priority": "urgent", "minutes": "about 15"}""";
        var bedrock = new ScriptedBedrock()
            .Text(invalid, inputTokens: 100, outputTokens: 20)
            .Text(ValidJson, inputTokens: 180, outputTokens: 18);

        PromptResult<TicketResult> result = await StructuredPrompt.RunWithDetailsAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly), CancellationToken.None);

        Assert.Equal(new TicketResult("Refund", Priority.High, 15), result.Value);
        Assert.Equal(2, result.Attempts.Count);
        Assert.Equal(new[] { 1, 2 }, result.Attempts.Select(a => a.Number));
        Assert.Equal(invalid, result.Attempts[0].Text);
        Assert.Equal(new[] { "$.priority", "$.minutes" }, result.Attempts[0].Errors.Select(e => e.Path));
        Assert.Empty(result.Attempts[1].Errors);
        Assert.Equal((280, 38, 318), (result.Usage.InputTokens, result.Usage.OutputTokens, result.Usage.TotalTokens));
        Assert.Equal(StopReason.EndTurn, result.StopReason);

        JsonElement messages = bedrock.Request(1).GetProperty("messages");
        Assert.Equal(3, messages.GetArrayLength());
        Assert.Equal("assistant", messages[1].GetProperty("role").GetString());
        Assert.Equal(invalid, messages[1].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("user", messages[2].GetProperty("role").GetString());
        Assert.Equal(
            "Your previous answer was not valid:\n"
            + "- $.priority: expected one of Low, Medium, High, InProgress, got \"urgent\"\n"
            + "- $.minutes: expected integer, got \"about 15\"\n"
            + "Answer again with only the corrected JSON.",
            messages[2].GetProperty("content")[0].GetProperty("text").GetString());
        // The first turn still carries the instructions; the repair keeps the whole conversation.
        Assert.Equal(2, messages[0].GetProperty("content").GetArrayLength());
        Assert.Equal(bedrock.Request(0).GetProperty("system").GetRawText(), bedrock.Request(1).GetProperty("system").GetRawText());
    }

    [Fact]
    public async Task Forced_tool_repair_echoes_the_tool_call_and_answers_it_with_an_error_tool_result()
    {
        const string invalidInput = """{"title":"Refund","priority":"High","minutes":-5}""";
        var bedrock = new ScriptedBedrock()
            .ToolCall("ticket_result", invalidInput, toolUseId: "tooluse_A1")
            .ToolCall("ticket_result", ValidJson, toolUseId: "tooluse_B2");

        PromptResult<TicketResult> result = await StructuredPrompt.RunWithDetailsAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool), CancellationToken.None);

        Assert.Equal(15, result.Value.Minutes);
        Assert.Equal(invalidInput, result.Attempts[0].Text);
        JsonElement messages = bedrock.Request(1).GetProperty("messages");
        Assert.Equal(
            """{"role":"assistant","content":[{"toolUse":{"toolUseId":"tooluse_A1","name":"ticket_result","input":""" + invalidInput + "}}]}",
            messages[1].GetRawText());
        Assert.Equal(
            """{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_A1","content":[{"text":"The input was not valid:\n- $.minutes: must be at least 0, got -5"}],"status":"error"}},"""
            + """{"text":"Your previous answer was not valid:\n- $.minutes: must be at least 0, got -5\nCall ticket_result again with the corrected input."}]}""",
            messages[2].GetRawText());
        Assert.True(bedrock.Request(1).TryGetProperty("toolConfig", out _));
    }

    [Fact]
    public async Task Forced_tool_answered_with_text_is_no_json_quoting_the_text()
    {
        var bedrock = new ScriptedBedrock().Text("I think this ticket is high priority.");

        var error = await Assert.ThrowsAsync<PromptResultException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool, maxRepairAttempts: 0), CancellationToken.None));

        ResultError only = Assert.Single(error.Errors);
        Assert.Equal(ResultErrorKind.NoJson, only.Kind);
        Assert.Equal("the model answered with text instead of calling the tool ticket_result: \"I think this ticket is high priority.\"", only.Message);
    }

    [Fact]
    public async Task Every_answer_invalid_raises_with_every_attempt_and_the_summed_usage()
    {
        var bedrock = new ScriptedBedrock()
            .Text("""{"title": "A", "priority": "urgent", "minutes": 1}""")
            .Text("I cannot answer in JSON.")
            .Text("""{"priority": "Low", "minutes": 1.5}""");

        var error = await Assert.ThrowsAsync<PromptResultException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.NativeSchema, maxRepairAttempts: 2), CancellationToken.None));

        Assert.Equal(3, bedrock.RequestBodies.Count);
        Assert.Equal(3, error.Attempts.Count);
        Assert.Equal(ResultErrorKind.UnknownEnumValue, error.Attempts[0].Errors.Single().Kind);
        Assert.Equal(ResultErrorKind.NoJson, error.Attempts[1].Errors.Single().Kind);
        Assert.Equal("""{"priority": "Low", "minutes": 1.5}""", error.Text);
        Assert.Equal(new[] { "$.minutes", "$.title" }, error.Errors.Select(e => e.Path));
        Assert.Equal((30, 15), (error.Usage.InputTokens, error.Usage.OutputTokens));
        Assert.Equal(Model, error.ModelId);
        Assert.Equal(
            $"The answer of {Model} could not be read as the result after 3 attempts:\n  $.minutes: expected integer, got 1.5\n  $.title: is required",
            error.Message);
        // Each repair extends the same conversation: 1, then 3, then 5 messages.
        Assert.Equal(new[] { 1, 3, 5 }, Enumerable.Range(0, 3).Select(i => bedrock.Request(i).GetProperty("messages").GetArrayLength()));
    }

    [Fact]
    public async Task Max_tokens_is_truncated_and_not_repaired()
    {
        var bedrock = new ScriptedBedrock()
            .Text("""{"title": "Refund", "priority": "Hi""", stopReason: StopReason.MaxTokens)
            .Text(ValidJson);

        var error = await Assert.ThrowsAsync<PromptResultException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly, maxRepairAttempts: 3), CancellationToken.None));

        Assert.Single(bedrock.RequestBodies);
        Assert.Equal(ResultErrorKind.Truncated, Assert.Single(error.Errors).Kind);
        Assert.Equal(StopReason.MaxTokens, error.Attempts[0].StopReason);
        Assert.Contains("raise MaxTokens", error.Message);
    }

    [Fact]
    public async Task Max_tokens_with_complete_json_but_missing_members_is_truncated()
    {
        var bedrock = new ScriptedBedrock().ToolCall("ticket_result", """{"title":"Refund"}""", stopReason: StopReason.MaxTokens);

        var error = await Assert.ThrowsAsync<PromptResultException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool), CancellationToken.None));

        ResultError only = Assert.Single(error.Errors);
        Assert.Equal(ResultErrorKind.Truncated, only.Kind);
        Assert.Contains("$.priority: is required", only.Message);
        Assert.Single(bedrock.RequestBodies);
    }

    [Fact]
    public async Task Max_tokens_after_a_complete_valid_result_still_returns_it()
    {
        var bedrock = new ScriptedBedrock().Text(ValidJson + "\nThis ticket is about a dup", stopReason: StopReason.MaxTokens);

        PromptResult<TicketResult> result = await StructuredPrompt.RunWithDetailsAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly), CancellationToken.None);

        Assert.Equal("Refund", result.Value.Title);
        Assert.Equal(StopReason.MaxTokens, result.StopReason);
    }

    [Fact]
    public async Task A_guardrail_intervention_is_its_own_exception_and_not_repaired()
    {
        var bedrock = new ScriptedBedrock().Text("Sorry, I can't help with that.", StopReason.GuardrailIntervened).Text(ValidJson);

        var error = await Assert.ThrowsAsync<GuardrailInterventionException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.NativeSchema), CancellationToken.None));

        Assert.Single(bedrock.RequestBodies);
        Assert.Equal("Sorry, I can't help with that.", error.OutputText);
        Assert.Equal(Model, error.ModelId);
    }

    [Theory]
    [InlineData("content_filtered")]
    public async Task A_blocked_answer_is_refused_and_not_repaired(string stopReason)
    {
        var bedrock = new ScriptedBedrock().Text("Sorry, I can't help with that.", new StopReason(stopReason)).Text(ValidJson);

        var error = await Assert.ThrowsAsync<PromptResultException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.NativeSchema), CancellationToken.None));

        Assert.Single(bedrock.RequestBodies);
        Assert.Equal(ResultErrorKind.Refused, Assert.Single(error.Errors).Kind);
        Assert.Equal("Sorry, I can't help with that.", error.Text);
    }

    [Fact]
    public async Task Cancellation_before_the_first_call_sends_nothing()
    {
        var bedrock = new ScriptedBedrock().Text(ValidJson);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly), cancellation.Token));

        Assert.Empty(bedrock.RequestBodies);
    }

    [Fact]
    public async Task Cancellation_between_attempts_stops_the_repair()
    {
        using var cancellation = new CancellationTokenSource();
        var bedrock = new ScriptedBedrock { OnCall = _ => cancellation.Cancel() }
            .Text("not json at all")
            .Text(ValidJson);

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly), cancellation.Token));

        Assert.Single(bedrock.RequestBodies);
        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Repair_echo_drops_empty_text_blocks_and_keeps_reasoning()
    {
        var bedrock = new ScriptedBedrock()
            .Answer(() => new ConverseResponse
            {
                Output = new ConverseOutput
                {
                    Message = new Message
                    {
                        Role = ConversationRole.Assistant,
                        Content =
                        {
                            new ContentBlock { UnknownMembers = new() { ["reasoningContent"] = ScriptedBedrock.Parse("""{"reasoningText":{"text":"hmm","signature":"sig"}}""") } },
                            new ContentBlock { Text = "" },
                            new ContentBlock { Text = "{\"title\": 1}" },
                        },
                    },
                },
                StopReason = StopReason.EndTurn,
                Usage = new TokenUsage { InputTokens = 1, OutputTokens = 1, TotalTokens = 2 },
            })
            .Text(ValidJson);

        await StructuredPrompt.RunAsync(bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.NativeSchema), CancellationToken.None);

        Assert.Equal(
            """{"role":"assistant","content":[{"reasoningContent":{"reasoningText":{"text":"hmm","signature":"sig"}}},{"text":"{\u0022title\u0022: 1}"}]}""",
            bedrock.Request(1).GetProperty("messages")[1].GetRawText());
    }

    [Fact]
    public async Task Missing_usage_counts_as_zero()
    {
        var bedrock = new ScriptedBedrock().Answer(() => new ConverseResponse
        {
            Output = new ConverseOutput { Message = Message.Assistant(ValidJson) },
            StopReason = StopReason.EndTurn,
        });

        PromptResult<TicketResult> result = await StructuredPrompt.RunWithDetailsAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly), CancellationToken.None);

        Assert.Equal(0, result.Usage.TotalTokens);
        Assert.Null(result.Usage.CacheReadInputTokens);
        Assert.Null(result.Attempts[0].Usage);
    }

    [Fact]
    public async Task A_request_with_its_own_tool_config_is_refused_before_any_call()
    {
        var bedrock = new ScriptedBedrock().Text(ValidJson);
        ConverseRequest request = GeneratedRequest();
        request.ToolConfig = new ToolConfiguration();

        await Assert.ThrowsAsync<ArgumentException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, request, TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool), CancellationToken.None));

        Assert.Empty(bedrock.RequestBodies);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("a-name-that-is-far-too-long-for-bedrock-tool-names-which-stop-at-64")]
    public async Task An_invalid_result_name_is_refused_before_any_call(string name)
    {
        var bedrock = new ScriptedBedrock().Text(ValidJson);
        var spec = new StructuredOutputSpec<TicketResult>
        {
            SchemaJson = TicketResultParser.Schema,
            ResultName = name,
            Strategy = StructuredOutputStrategy.ForcedTool,
            Reader = new ResultReader<TicketResult>(ResultRoot.Object, TicketResultParser.Read),
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => StructuredPrompt.RunAsync(bedrock, Model, GeneratedRequest(), spec, CancellationToken.None));

        Assert.Contains("[a-zA-Z0-9_-]", error.Message);
        Assert.Empty(bedrock.RequestBodies);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public async Task A_schema_that_is_not_a_json_object_is_refused(string schema)
    {
        var spec = new StructuredOutputSpec<TicketResult>
        {
            SchemaJson = schema,
            ResultName = "r",
            Strategy = StructuredOutputStrategy.PromptOnly,
            Reader = new ResultReader<TicketResult>(ResultRoot.Object, TicketResultParser.Read),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => StructuredPrompt.RunAsync(new ScriptedBedrock(), Model, GeneratedRequest(), spec, CancellationToken.None));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Repair_attempts_are_bounded(int attempts)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly, attempts));
    }

    [Fact]
    public async Task Zero_repair_attempts_means_one_call()
    {
        var bedrock = new ScriptedBedrock().Text("nope").Text(ValidJson);

        var error = await Assert.ThrowsAsync<PromptResultException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, GeneratedRequest(), TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly, maxRepairAttempts: 0), CancellationToken.None));

        Assert.Single(bedrock.RequestBodies);
        Assert.Single(error.Attempts);
    }
}
