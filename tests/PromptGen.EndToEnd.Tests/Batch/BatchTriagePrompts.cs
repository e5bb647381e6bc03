using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.EndToEnd.Tests.Batch;

public enum TicketLabel { Billing, Bug, Other }

public sealed record TicketTriage(TicketLabel Label, [property: Range(1, 5)] int Priority);

/// <summary>The prompts the batch tests run over many tickets.</summary>
[PromptClient]
public partial interface IBatchTriagePrompts
{
    [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [Prompt("Triage this support ticket: {{ ticket }}")]
    Task<TicketTriage> TriageAsync(string ticket, CancellationToken cancellationToken = default);

    [Model("us.amazon.nova-lite-v1:0")]
    [Prompt("Summarize ticket {{ id }} in {{ words }} words: {{ ticket }}")]
    Task<string> SummarizeAsync(int id, int words, string ticket);
}
