using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Benchmarks.Templates;

public sealed record Ticket(string Title, string Body, IReadOnlyList<string> Tags);

public sealed record OrderLine(string Sku, string Name, int Quantity, decimal UnitPrice);

public sealed record Order(string Id, string Customer, DateTime PlacedAt, IReadOnlyList<OrderLine> Lines);

/// <summary>The templates measured by <see cref="TemplateRenderingBenchmarks"/>: small, loop-heavy and large.</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface IBenchPrompts
{
    [Prompt(TemplateCorpus.Small)]
    Task<string> SmallAsync(string product, Ticket ticket, CancellationToken cancellationToken = default);

    [Prompt(TemplateCorpus.LoopHeavy)]
    Task<string> LoopHeavyAsync(Order order, CancellationToken cancellationToken = default);

    [SystemPrompt(TemplateCorpus.LargeSystem)]
    [Prompt(TemplateCorpus.Large)]
    Task<string> LargeAsync(string product, Ticket ticket, Order order, string language, CancellationToken cancellationToken = default);
}
