using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace AspNetApi;

/// <summary>A support ticket as the API receives it.</summary>
public sealed record Ticket(string Title, string Body);

public enum Urgency { Low, Normal, High }

/// <summary>What to do with a ticket: the typed result of <see cref="ITicketPrompts.TriageAsync"/>.</summary>
public sealed record TicketTriage(
    [property: Description("Which team should handle it.")] string Team,
    Urgency Urgency,
    [property: Range(0, 1)] double Confidence,
    IReadOnlyList<string> NextSteps);

/// <summary>The support desk's prompts; registered in DI with <c>services.AddPromptClient&lt;ITicketPrompts&gt;()</c>.</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[PromptDescriptors]
[Inference(MaxTokens = 300)]
public partial interface ITicketPrompts
{
    [SystemPrompt("You triage support tickets for a cloud hosting company.")]
    [Prompt("Triage this ticket: {{ ticket.title }}: {{ ticket.body }}")]
    Task<TicketTriage> TriageAsync(Ticket ticket, CancellationToken cancellationToken = default);

    [Prompt("""
        Summarize this ticket in one sentence:
        {{ ticket.title }}
        {{ ticket.body }}
        """)]
    [Inference(MaxTokens = 120, Temperature = 0.2)]
    Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken = default);

    [SystemPrompt("You write short, friendly replies to customers.")]
    [Prompt("Draft a reply to the customer who wrote: {{ ticket.title }}: {{ ticket.body }}")]
    IAsyncEnumerable<string> DraftReplyAsync(Ticket ticket, CancellationToken cancellationToken = default);
}
