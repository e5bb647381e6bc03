using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace QuickStart;

public sealed record Ticket(string Title, string Body, IReadOnlyList<string> Tags);

/// <summary>Prompts for a support desk. Claude 4.x models are called through inference profiles (the "us." prefix).</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[Inference(MaxTokens = 300)]
public partial interface ISupportPrompts
{
    [SystemPrompt("You are a concise support agent for {{ product }}.")]
    [Prompt("""
        Summarize this ticket in one sentence:
        {{ ticket.title }}
        {{ ticket.body }}
        Tags: {{ ticket.tags | array.join ", " }}
        """)]
    [Inference(MaxTokens = 200, Temperature = 0.2)]
    Task<string> SummarizeAsync(string product, Ticket ticket, CancellationToken cancellationToken = default);

    [Model("us.amazon.nova-lite-v1:0")]
    [Prompt("Write a short, friendly reply in {{ language }} to a customer who wrote: {{ message }}")]
    Task<string> DraftReplyAsync(string message, string language = "English", CancellationToken cancellationToken = default);
}

/// <summary>A second interface: one prompt per method, each with its own settings.</summary>
[PromptClient(Model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
public partial interface IWritingPrompts
{
    [SystemPrompt("You name things. Answer with the name only.")]
    [Prompt("Suggest a name for a {{ kind }} that {{ purpose }}.{{ if avoid.size > 0 }} Avoid: {{ avoid | array.join \", \" }}.{{ end }}")]
    [Inference(MaxTokens = 20, Temperature = 0.7, StopSequences = new[] { "\n" })]
    ValueTask<string> NameAsync(string kind, string purpose, IReadOnlyList<string> avoid, CancellationToken cancellationToken = default);
}
