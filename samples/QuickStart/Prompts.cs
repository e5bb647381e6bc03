using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace QuickStart;

public sealed record Ticket(string Title, string Body, IReadOnlyList<string> Tags);

public enum Urgency { Low, Normal, High }

/// <summary>What to do with a ticket.</summary>
public sealed record TicketTriage(
    [property: Description("Which team should handle it.")] string Team,
    Urgency Urgency,
    [property: Range(0, 1)] double Confidence,
    IReadOnlyList<string> NextSteps);

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

    // A typed result: PromptGen derives the JSON schema at compile time, asks Claude Haiku 4.5 for it with native
    // structured output (the model catalog knows it can), and parses the answer with generated code.
    [Prompt("Triage this ticket: {{ ticket.title }}: {{ ticket.body }}")]
    Task<TicketTriage> TriageAsync(Ticket ticket, CancellationToken cancellationToken = default);

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
