namespace PromptGen.Pricing;

/// <summary>The kind of endpoint a model id calls, which decides the price that applies (models.schema.json, <c>endpoints</c>).</summary>
internal enum PriceEndpointKind
{
    /// <summary>The base id (or its foundation-model ARN), served in the calling region.</summary>
    InRegion,

    /// <summary>A geographic cross-region inference profile, e.g. <c>us.</c> or <c>eu.</c>.</summary>
    Geo,

    /// <summary>The <c>global.</c> cross-region inference profile, which AWS prices apart for some models.</summary>
    Global,
}

/// <summary>
/// Which model and endpoint an id names, for pricing (the id read by <see cref="ModelIds"/>); an application inference
/// profile ARN does not name its model, so it has no price.
/// </summary>
internal static class PriceEndpoint
{
    public static (string BaseId, PriceEndpointKind Kind)? Resolve(string? modelId) =>
        ModelIds.Resolve(modelId) is { } resolved
            ? (resolved.BaseId, resolved.ProfilePrefix switch
            {
                null => PriceEndpointKind.InRegion,
                "global" => PriceEndpointKind.Global,
                _ => PriceEndpointKind.Geo,
            })
            : null;

    public static PriceEndpointKind? Parse(string? name) => name switch
    {
        "inRegion" => PriceEndpointKind.InRegion,
        "geo" => PriceEndpointKind.Geo,
        "global" => PriceEndpointKind.Global,
        _ => null,
    };
}
