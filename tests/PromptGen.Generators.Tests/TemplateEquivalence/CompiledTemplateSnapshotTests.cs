using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests.TemplateEquivalence;

/// <summary>What compiled templates look like in the generated file: readable, and Scriban only where needed.</summary>
public sealed class CompiledTemplateSnapshotTests
{
    private const string Source = """"
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Shop;

        public sealed record Line(string Sku, int Quantity, decimal UnitPrice);

        public sealed record Order(string Id, string? Customer, DateTime PlacedAt, IReadOnlyList<Line> Lines, IReadOnlyList<string> Tags);

        [PromptClient(Model = "amazon.nova-micro-v1:0")]
        public partial interface IOrderPrompts
        {
            [SystemPrompt("You answer for {{ shop | string.upcase }}.")]
            [Prompt("""
                Order {{ order.id }} of {{ order.placed_at | date.to_string "%Y-%m-%d" }}{{ if order.customer }} for {{ order.customer }}{{ end }}:
                {{ for line in order.lines }}- {{ line.quantity }} x {{ line.sku }} at {{ line.unit_price | math.format "0.00" }}
                {{ end }}{{ if order.lines.size > 3 && urgent }}Large and urgent.{{ else if urgent }}Urgent.{{ else }}Routine.{{ end }} Tags: {{ order.tags | array.join ", " }}
                """)]
            Task<string> DescribeAsync(string shop, Order order, bool urgent, CancellationToken cancellationToken = default);

            // string.truncate has no compiled form: this one stays on Scriban (PG0150).
            [Prompt("Title: {{ order.id | string.truncate 8 }}")]
            Task<string> TitleAsync(Order order, CancellationToken cancellationToken = default);
        }
        """";

    [Fact]
    public void Compiled_and_fallback_templates_match_the_approved_snapshot()
    {
        GeneratorRun run = GeneratorHarness.Run(Source);

        Assert.Empty(run.CompilationDiagnostics);
        Diagnostic fallback = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0150", fallback.Id);
        SnapshotAssert.Matches("CompiledTemplates", run.GeneratedSource("IOrderPrompts.PromptClient.g.cs"));
    }
}
