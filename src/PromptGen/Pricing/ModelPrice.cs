using System.Collections.Generic;

namespace PromptGen.Pricing;

/// <summary>
/// One list price of a model as the runtime uses it (models.schema.json, <c>$defs/price</c>); USD per 1M tokens, and per
/// generated image for image models.
/// </summary>
internal sealed record ModelPrice(
    string Region,
    IReadOnlyList<PriceEndpointKind> Endpoints,
    decimal? InputPerMillion,
    decimal? OutputPerMillion,
    decimal? CacheReadPerMillion,
    decimal? CacheWritePerMillion,
    string AsOf,
    string Source)
{
    /// <summary>USD per 1M input tokens in batch inference.</summary>
    public decimal? BatchInputPerMillion { get; init; }

    /// <summary>USD per 1M output tokens in batch inference.</summary>
    public decimal? BatchOutputPerMillion { get; init; }

    /// <summary>USD per generated image (standard quality and size).</summary>
    public decimal? PerImage { get; init; }
}
