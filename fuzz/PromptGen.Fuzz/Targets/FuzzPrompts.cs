using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Reliability.Targets;

public enum FuzzPriority { Low, Medium, High }

public sealed record FuzzDetail(string? Owner, double Score, bool Urgent);

public sealed record FuzzTicket(
    [property: MaxLength(40)] string Title,
    FuzzPriority Priority,
    [property: Range(0, 10000)] int Minutes,
    IReadOnlyList<string>? Tags,
    FuzzDetail? Detail);

/// <summary>A generated typed client, so the repair loop is fuzzed exactly as users run it.</summary>
[PromptClient(Model = "amazon.nova-micro-v1:0")]
public partial interface IFuzzPrompts
{
    [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly, MaxRepairAttempts = 2)]
    [Prompt("Triage this ticket: {{ ticket }}")]
    Task<FuzzTicket> TriageAsync(string ticket, CancellationToken cancellationToken = default);

    [Model("us.anthropic.claude-sonnet-4-20250514-v1:0")]
    [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool, MaxRepairAttempts = 2)]
    [Prompt("Triage this ticket: {{ ticket }}")]
    Task<FuzzTicket> TriageWithToolAsync(string ticket, CancellationToken cancellationToken = default);
}
