using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Benchmarks.Batch;

public enum BenchLabel { Billing, Bug, Account, Other }

public sealed record BenchTriage(BenchLabel Label, [property: Range(1, 5)] int Priority);

/// <summary>The method the batch benchmarks run over many tickets.</summary>
[PromptClient]
public partial interface IBatchBenchPrompts
{
    [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [Prompt("Triage this support ticket: {{ ticket }}")]
    Task<BenchTriage> TriageAsync(string ticket, CancellationToken cancellationToken = default);
}
