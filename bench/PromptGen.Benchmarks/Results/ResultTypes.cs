using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Benchmarks.Results;

public enum Urgency { Low, Normal, High }

/// <summary>A typical small typed answer.</summary>
public sealed record TicketTriage(
    [property: Description("Which team should handle it.")] string Team,
    Urgency Urgency,
    double Confidence,
    IReadOnlyList<string> NextSteps);

public sealed record CatalogItem(string Sku, string Name, int Quantity, decimal Price, bool InStock, IReadOnlyList<string> Tags);

/// <summary>A large answer: hundreds of list items.</summary>
public sealed record Catalog(IReadOnlyList<CatalogItem> Items);

/// <summary>Prompts whose generated parsers and clients the result and per-call benchmarks measure.</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[Inference(MaxTokens = 400)]
public partial interface IResultPrompts
{
    [Prompt("Triage this ticket: {{ title }}: {{ body }}")]
    Task<TicketTriage> TriageAsync(string title, string body, CancellationToken cancellationToken = default);

    [Prompt("List the catalog items in: {{ text }}")]
    Task<Catalog> CatalogAsync(string text, CancellationToken cancellationToken = default);
}

/// <summary>System.Text.Json's source-generated context for the same types, as a careful hand-written client would use.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TicketTriage))]
[JsonSerializable(typeof(Catalog))]
internal sealed partial class ResultJsonContext : JsonSerializerContext
{
}
