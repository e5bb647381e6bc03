using System.Collections.Generic;

namespace PromptGen.Pricing;

/// <summary>One list price of a model as the runtime uses it (models.schema.json, <c>$defs/price</c>); USD per 1M tokens.</summary>
internal sealed record ModelPrice(
    string Region,
    IReadOnlyList<PriceEndpointKind> Endpoints,
    decimal? InputPerMillion,
    decimal? OutputPerMillion,
    decimal? CacheReadPerMillion,
    decimal? CacheWritePerMillion,
    string AsOf,
    string Source);
