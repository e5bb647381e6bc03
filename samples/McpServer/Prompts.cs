using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace SupportMcp;

/// <summary>
/// The prompts this server offers. <c>[PromptDescriptors]</c> gives the interface its static <c>Descriptors</c>, which
/// <c>WithPromptTools</c> and <c>WithPromptTemplates</c> serve over MCP.
/// </summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[PromptDescriptors]
public partial interface ISupportPrompts
{
    /// <summary>A typed result: the tool's structured content is a <see cref="TicketTriage"/>.</summary>
    [SystemPrompt("You triage support tickets for {{ product }}. Answer with the triage only.")]
    [Prompt("Triage this ticket.\nTitle: {{ ticket.title }}\nBody: {{ ticket.body }}")]
    [Inference(MaxTokens = 300, Temperature = 0)]
    Task<TicketTriage> TriageTicketAsync(string product, Ticket ticket, CancellationToken cancellationToken = default);

    /// <summary>A list: not an object, so the tool wraps it as <c>{"value": [...]}</c>.</summary>
    [Prompt("Suggest {{ count }} short tags for this text: {{ text }}")]
    Task<List<string>> SuggestTagsAsync(string text, int count, CancellationToken cancellationToken = default);

    /// <summary>Text: the tool answers with text content.</summary>
    [Prompt("Summarize in one sentence: {{ text }}")]
    Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);
}

/// <summary>A support ticket, the triage prompt's input.</summary>
public sealed record Ticket(string Title, string Body);

/// <summary>Where a ticket goes and how soon.</summary>
public sealed record TicketTriage(string Team, Urgency Urgency, bool NeedsHuman);

/// <summary>How soon a ticket needs an answer.</summary>
public enum Urgency { Low, Normal, High }
