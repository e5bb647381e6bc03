using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace Batch;

public enum TicketLabel { Billing, Bug, Account, Other }

[Description("How a support ticket is routed.")]
public sealed record Triage(TicketLabel Label, [property: Range(1, 5)] int Priority);

[PromptClient]
public partial interface ITicketPrompts
{
    [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [Prompt("Triage this support ticket: {{ ticket }}")]
    Task<Triage> TriageAsync(string ticket, CancellationToken cancellationToken = default);
}
