using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PromptGen.EndToEnd.Tests;

public sealed record Rating([property: Range(1, 5)] int Stars, string Reason);

/// <summary>Conversation history, result details and fallback models, as a user writes them.</summary>
[PromptClient(Model = ConversationPrompts.Primary)]
[SystemPrompt("You are a concise assistant.")]
public partial interface IConversationPrompts
{
    [Prompt("{{ question }}")]
    Task<PromptResult<string>> AskAsync(IReadOnlyList<Message> history, string question, CancellationToken cancellationToken = default);

    [Prompt("{{ question }}")]
    Task<string> AskChatAsync(IEnumerable<ChatMessage> history, string question, CancellationToken cancellationToken = default);

    [FallbackModels(ConversationPrompts.Fallback, ConversationPrompts.LastResort)]
    [Prompt("Summarize: {{ text }}")]
    Task<PromptResult<string>> SummarizeAsync(string text, CancellationToken cancellationToken = default);

    [FallbackModels(ConversationPrompts.Fallback, ConversationPrompts.LastResort)]
    [Prompt("Summarize: {{ text }}")]
    Task<string> SummarizePlainAsync(string text, CancellationToken cancellationToken = default);

    // A stream takes a history too.
    [Prompt("{{ question }}")]
    PromptGen.PromptStream StreamAsync(IReadOnlyList<Message> history, string question, CancellationToken cancellationToken = default);

    // Nova Micro forces a tool; Claude Haiku 4.5 has native structured output: one strategy per model.
    [FallbackModels(ConversationPrompts.Fallback)]
    [Prompt("Rate this review from 1 to 5: {{ review }}")]
    Task<PromptResult<Rating>> RateAsync(IReadOnlyList<Message>? history, string review, CancellationToken cancellationToken = default);
}

public static class ConversationPrompts
{
    public const string Primary = "us.amazon.nova-micro-v1:0";
    public const string Fallback = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    public const string LastResort = "us.amazon.nova-pro-v1:0";
}
