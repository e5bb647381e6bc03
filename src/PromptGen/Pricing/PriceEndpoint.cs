using System;

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
/// Which model and endpoint an id names, for pricing. The same id forms as the generator's catalog reads (wire spec §2);
/// an application inference profile ARN does not name its model, so it has no price.
/// </summary>
internal static class PriceEndpoint
{
    // The geographic prefixes of system-defined inference profiles (the catalog's ModelIdSyntax lists the same).
    private static readonly string[] GeoPrefixes = { "us-gov", "apac", "us", "eu", "jp", "au", "ca" };

    public static (string BaseId, PriceEndpointKind Kind)? Resolve(string? modelId)
    {
        if (string.IsNullOrEmpty(modelId))
        {
            return null;
        }

        if (!modelId.StartsWith("arn:", StringComparison.Ordinal))
        {
            return SplitPrefix(modelId);
        }

        // arn:partition:bedrock:region:account:resource — the resource keeps its own ':' (the version suffix).
        string[] parts = modelId.Split(':', 6);
        if (parts.Length != 6 || parts[2] != "bedrock")
        {
            return null;
        }

        string resource = parts[5];
        const string foundationModel = "foundation-model/";
        const string inferenceProfile = "inference-profile/";
        if (resource.StartsWith(foundationModel, StringComparison.Ordinal) && resource.Length > foundationModel.Length)
        {
            return (resource[foundationModel.Length..], PriceEndpointKind.InRegion);
        }

        return resource.StartsWith(inferenceProfile, StringComparison.Ordinal) && resource.Length > inferenceProfile.Length
            ? SplitPrefix(resource[inferenceProfile.Length..])
            : null;
    }

    public static PriceEndpointKind? Parse(string? name) => name switch
    {
        "inRegion" => PriceEndpointKind.InRegion,
        "geo" => PriceEndpointKind.Geo,
        "global" => PriceEndpointKind.Global,
        _ => null,
    };

    private static (string BaseId, PriceEndpointKind Kind) SplitPrefix(string id)
    {
        int dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && dot < id.Length - 1)
        {
            string head = id[..dot];
            if (head == "global")
            {
                return (id[(dot + 1)..], PriceEndpointKind.Global);
            }

            if (Array.IndexOf(GeoPrefixes, head) >= 0)
            {
                return (id[(dot + 1)..], PriceEndpointKind.Geo);
            }
        }

        return (id, PriceEndpointKind.InRegion);
    }
}
