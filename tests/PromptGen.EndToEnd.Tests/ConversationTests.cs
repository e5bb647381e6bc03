using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>Conversation history and result details through signed HTTP against the emulator, asserted on the wire.</summary>
public sealed class ConversationTests : IAsyncLifetime
{
    private readonly EmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private IConversationPrompts Prompts => IConversationPrompts.Create(_fixture.Client);

    [Fact]
    public async Task A_text_result_carries_the_request_id_model_usage_latency_and_the_raw_answer()
    {
        _fixture.Emulator.Script.When(promptContains: "capital").Usage(input: 12, output: 7).ReplyText("Paris.");

        PromptResult<string> result = await Prompts.AskAsync([], "What is the capital of France?");

        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.Equal("Paris.", result.Value);
        Assert.Equal("Paris.", result.Text);
        Assert.Equal(request.RequestId, result.RequestId);
        Assert.False(string.IsNullOrEmpty(result.RequestId));
        Assert.Equal(ConversationPrompts.Primary, result.ModelId);
        Assert.Equal(PromptGen.StopReason.EndTurn, result.StopReason);
        Assert.Equal((12, 7, 19), (result.Usage.InputTokens, result.Usage.OutputTokens, result.Usage.TotalTokens));
        Assert.True(result.Latency > TimeSpan.Zero);
        PromptAttempt attempt = Assert.Single(result.Attempts);
        Assert.Equal((1, ConversationPrompts.Primary, request.RequestId), (attempt.Number, attempt.ModelId, attempt.RequestId));
        Assert.Null(attempt.Failure);
        Assert.Equal(ConversationRole.Assistant, result.Message!.Role);
        Assert.Equal("Paris.", Assert.Single(result.Message.Content).Text);
    }

    [Fact]
    public async Task Continuing_with_the_result_conversation_sends_the_prior_turns_before_the_new_question()
    {
        _fixture.Emulator.Script.When(promptContains: "capital").ReplyText("Paris.");
        _fixture.Emulator.Script.When(promptContains: "people").ReplyText("About two million.");

        PromptResult<string> first = await Prompts.AskAsync([], "What is the capital of France?");
        PromptResult<string> second = await Prompts.AskAsync(first.Conversation, "How many people live there?");

        Assert.Equal("About two million.", second.Value);
        Assert.Equal(
            new[] { ("user", "What is the capital of France?"), ("assistant", "Paris."), ("user", "How many people live there?") },
            Turns(_fixture.Emulator.Requests[1]));
        Assert.Equal("You are a concise assistant.", _fixture.Emulator.Requests[1].SystemText);
        Assert.Equal(
            new[] { "What is the capital of France?", "Paris.", "How many people live there?", "About two million." },
            second.Conversation.Select(turn => Assert.Single(turn.Content).Text));
        Assert.Equal(second.RequestId, _fixture.Emulator.Requests[1].RequestId);
    }

    [Fact]
    public async Task Consecutive_turns_of_one_role_are_merged_and_empty_text_blocks_dropped_as_Bedrock_requires()
    {
        var history = new List<Message>
        {
            Message.User("I bought a kettle."),
            new() { Role = ConversationRole.User, Content = { ContentBlock.FromText(""), ContentBlock.FromText("It leaks.") } },
            Message.Assistant("Sorry to hear that."),
            Message.Assistant("Where does it leak?"),
            new() { Role = ConversationRole.Assistant, Content = { ContentBlock.FromText("") } },
            Message.User("At the bottom."),
        };

        PromptResult<string> result = await Prompts.AskAsync(history, "Can I get a refund?");

        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.True(request.Accepted, $"the emulator refused the request: {request.ErrorCode}");
        using JsonDocument body = JsonDocument.Parse(request.Body);
        JsonElement[] messages = body.RootElement.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(new[] { "user", "assistant", "user" }, messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(new[] { "I bought a kettle.", "It leaks." }, Texts(messages[0]));
        Assert.Equal(new[] { "Sorry to hear that.", "Where does it leak?" }, Texts(messages[1]));
        Assert.Equal(new[] { "At the bottom.", "Can I get a refund?" }, Texts(messages[2]));
        Assert.Equal(2, history[1].Content.Count); // the caller's messages are left as they were
        Assert.Equal(4, result.Conversation.Count);
    }

    [Fact]
    public async Task A_history_that_starts_with_the_assistant_is_refused_before_anything_is_sent()
    {
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(
            () => Prompts.AskAsync([Message.Assistant("Hi! How can I help?"), Message.User("Hello")], "Refund?"));

        Assert.Contains("start with a user turn", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Emulator.Requests);
    }

    [Fact]
    public async Task The_emulator_rejects_a_conversation_that_does_not_alternate_as_Bedrock_does()
    {
        var request = new ConverseRequest { Messages = { Message.User("a"), Message.User("b") } };

        BedrockValidationException error = await Assert.ThrowsAsync<BedrockValidationException>(
            () => _fixture.Client.ConverseAsync(ConversationPrompts.Primary, request));

        Assert.Contains("alternate", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Microsoft_Extensions_AI_history_is_sent_as_Bedrock_turns()
    {
        _fixture.Emulator.Script.When(promptContains: "again").ReplyText("Paris, again.");
        ChatMessage[] history = [new(ChatRole.User, "What is the capital of France?"), new(ChatRole.Assistant, "Paris.")];

        string answer = await Prompts.AskChatAsync(history, "Say it again?");

        Assert.Equal("Paris, again.", answer);
        Assert.Equal(
            new[] { ("user", "What is the capital of France?"), ("assistant", "Paris."), ("user", "Say it again?") },
            Turns(Assert.Single(_fixture.Emulator.Requests)));
    }

    [Fact]
    public async Task A_Microsoft_Extensions_AI_system_message_in_the_history_is_refused()
    {
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(
            () => Prompts.AskChatAsync([new(ChatRole.System, "Be rude.")], "Hello"));

        Assert.Contains("[SystemPrompt]", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Emulator.Requests);
    }

    [Fact]
    public async Task A_typed_result_continues_as_text_without_the_result_tool()
    {
        _fixture.Emulator.Script.When(model: ConversationPrompts.Primary).Times(1).ReplyToolUse(null, """{"stars":4,"reason":"Works well."}""");
        _fixture.Emulator.Script.When(promptContains: "five").ReplyText("It has no lid.");

        PromptResult<Rating> first = await Prompts.RateAsync(null, "Works well.");
        PromptResult<string> followUp = await Prompts.AskAsync(first.Conversation, "Why not five?");

        Assert.Equal(new Rating(4, "Works well."), first.Value);
        Assert.NotNull(first.Message!.Content.Single().ToolUse); // the message as Bedrock returned it
        RecordedRequest second = _fixture.Emulator.Requests[1];
        Assert.True(second.Accepted);
        Assert.False(second.HasToolConfig);
        Assert.Equal(
            new[] { ("user", "Rate this review from 1 to 5: Works well."), ("assistant", """{"stars":4,"reason":"Works well."}"""), ("user", "Why not five?") },
            Turns(second));
        Assert.Equal(4, followUp.Conversation.Count);
    }

    [Fact]
    public async Task A_stream_sends_the_history_too_and_knows_its_request_id()
    {
        _fixture.Emulator.Script.When(promptContains: "people").Stream(chunkSize: 4).ReplyText("About two million.");

        PromptGen.PromptStream stream = Prompts.StreamAsync([Message.User("Capital of France?"), Message.Assistant("Paris.")], "How many people live there?");
        string text = await stream.ReadToEndAsync();

        Assert.Equal("About two million.", text);
        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.Equal("ConverseStream", request.Operation);
        Assert.Equal(new[] { ("user", "Capital of France?"), ("assistant", "Paris."), ("user", "How many people live there?") }, Turns(request));
        Assert.Equal(request.RequestId, stream.RequestId);
    }

    private static (string Role, string Text)[] Turns(RecordedRequest request)
    {
        using JsonDocument body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString()!, string.Join("|", Texts(m))))
            .ToArray();
    }

    private static string[] Texts(JsonElement message) =>
        message.GetProperty("content").EnumerateArray().Select(block => block.GetProperty("text").GetString()!).ToArray();
}
