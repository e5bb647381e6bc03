using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Prompting;

public sealed class ConversationHistoryTests
{
    [Fact]
    public void No_history_is_the_user_turn_alone()
    {
        Message user = Message.User("Hi");

        Assert.Same(user, Assert.Single(ConversationHistory.Build((IEnumerable<Message>?)null, user)));
        Assert.Same(user, Assert.Single(ConversationHistory.Build(Array.Empty<Message>(), user)));
    }

    [Fact]
    public void Alternating_turns_are_passed_through_as_they_are()
    {
        Message[] history = [Message.User("a"), Message.Assistant("b")];

        List<Message> messages = ConversationHistory.Build(history, Message.User("c"));

        Assert.Same(history[0], messages[0]);
        Assert.Same(history[1], messages[1]);
        Assert.Equal(3, messages.Count);
    }

    [Fact]
    public void Merging_keeps_every_block_in_order_including_tool_blocks_and_unknown_members()
    {
        var reasoning = new ContentBlock { UnknownMembers = new() { ["reasoningContent"] = JsonDocument.Parse("{}").RootElement } };
        var toolUse = new ContentBlock { ToolUse = new ToolUseBlock { ToolUseId = "t1", Name = "lookup", Input = JsonDocument.Parse("{}").RootElement } };
        Message[] history =
        [
            Message.User("q"),
            new() { Role = ConversationRole.Assistant, Content = { reasoning } },
            new() { Role = ConversationRole.Assistant, Content = { toolUse } },
        ];

        List<Message> messages = ConversationHistory.Build(history, Message.User("next"));

        Assert.Equal(new[] { ConversationRole.User, ConversationRole.Assistant, ConversationRole.User }, messages.Select(m => m.Role));
        Assert.Equal(new[] { reasoning, toolUse }, messages[1].Content);
        Assert.Single(history[1].Content);
    }

    [Fact]
    public void A_turn_left_empty_is_dropped_so_its_neighbours_merge()
    {
        Message[] history = [Message.User("a"), Message.Assistant(""), Message.User("b")];

        List<Message> messages = ConversationHistory.Build(history, Message.User("c"));

        Assert.Equal(new[] { "a", "b", "c" }, Assert.Single(messages).Content.Select(block => block.Text));
    }

    [Fact]
    public void Bad_turns_are_refused_with_their_position()
    {
        ArgumentException nullTurn = Assert.Throws<ArgumentException>(() => ConversationHistory.Build(new Message[] { Message.User("a"), null! }, Message.User("b")));
        ArgumentException role = Assert.Throws<ArgumentException>(() => ConversationHistory.Build(new[] { new Message { Role = (ConversationRole)7, Content = { ContentBlock.FromText("x") } } }, Message.User("b")));
        ArgumentException assistantFirst = Assert.Throws<ArgumentException>(() => ConversationHistory.Build(new[] { Message.User(""), Message.Assistant("Hi!") }, Message.User("b")));

        Assert.Contains("Turn 1", nullTurn.Message, StringComparison.Ordinal);
        Assert.Contains("Turn 0 of the conversation history has the role 7, which is not a ConversationRole", role.Message, StringComparison.Ordinal);
        Assert.Contains("starts with an assistant turn", assistantFirst.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(BedrockThrottlingException), true)]
    [InlineData(typeof(BedrockValidationException), true)]
    [InlineData(typeof(BedrockAuthenticationException), false)]
    public void Fallback_policy_by_service_error(Type type, bool fallsBack)
    {
        Exception error = type == typeof(BedrockAuthenticationException)
            ? new BedrockAuthenticationException("ExpiredTokenException", HttpStatusCode.Forbidden, "r", "expired")
            : (Exception)Activator.CreateInstance(type, HttpStatusCode.BadRequest, "r", "m")!;

        Assert.Equal(fallsBack, ModelFallbackPolicy.ShouldFallBack(error, CancellationToken.None));
    }

    [Fact]
    public void Fallback_policy_never_falls_back_after_cancellation_or_on_the_callers_own_errors()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(ModelFallbackPolicy.ShouldFallBack(new BedrockThrottlingException(HttpStatusCode.TooManyRequests, null, "m"), cancelled.Token));
        Assert.False(ModelFallbackPolicy.ShouldFallBack(new OperationCanceledException(), CancellationToken.None));
        Assert.False(ModelFallbackPolicy.ShouldFallBack(new ArgumentException("bad"), CancellationToken.None));
        Assert.False(ModelFallbackPolicy.ShouldFallBack(new BedrockConnectionException(new Uri("https://example.com"), "down", null), CancellationToken.None));
        Assert.False(ModelFallbackPolicy.ShouldFallBack(new BedrockResponseTooLargeException(HttpStatusCode.OK, 1024), CancellationToken.None));
        Assert.True(ModelFallbackPolicy.ShouldFallBack(new BedrockTimeoutException(new Uri("https://example.com"), TimeSpan.FromSeconds(1)), CancellationToken.None));
    }
}
