using System;
using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// One list price of a model in USD: for calls from one AWS region through one or more kinds of endpoint (the
/// in-region base id, a geographic inference profile such as <c>us.</c>, or the <c>global.</c> profile, which AWS
/// prices apart for some models). A rate the source does not give is null, and a cost that needs it is not estimated.
/// </summary>
/// <param name="Region">The source region the price is for, e.g. <c>us-east-1</c> (AWS prices cross-region calls by the calling region).</param>
/// <param name="Endpoints">Which ids it applies to: <c>inRegion</c>, <c>geo</c>, <c>global</c>.</param>
/// <param name="InputPerMillion">USD per 1M input tokens, on demand.</param>
/// <param name="OutputPerMillion">USD per 1M output tokens, on demand.</param>
/// <param name="CacheReadPerMillion">USD per 1M input tokens read from the prompt cache.</param>
/// <param name="CacheWritePerMillion">USD per 1M input tokens written to the prompt cache (5-minute time-to-live).</param>
/// <param name="BatchInputPerMillion">USD per 1M input tokens in batch inference.</param>
/// <param name="BatchOutputPerMillion">USD per 1M output tokens in batch inference.</param>
/// <param name="PerImage">USD per generated image (image models, standard quality and size).</param>
/// <param name="AsOf">The day the price was read (yyyy-MM-dd).</param>
/// <param name="Source">Where it was read: the URL of the price list.</param>
internal sealed record ModelPrice(
    string Region,
    IReadOnlyList<string> Endpoints,
    decimal? InputPerMillion,
    decimal? OutputPerMillion,
    decimal? CacheReadPerMillion,
    decimal? CacheWritePerMillion,
    decimal? BatchInputPerMillion,
    decimal? BatchOutputPerMillion,
    decimal? PerImage,
    string AsOf,
    string Source)
{
    /// <summary>The endpoint kinds a price may name.</summary>
    public static readonly string[] EndpointKinds = { "inRegion", "geo", "global" };

    /// <summary>Equal rates, endpoints compared by their items (see <see cref="ModelInfo.Equals(ModelInfo?)"/>).</summary>
    public bool Equals(ModelPrice? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Region == other.Region && Endpoints.SequenceEqual(other.Endpoints, StringComparer.Ordinal)
                && InputPerMillion == other.InputPerMillion && OutputPerMillion == other.OutputPerMillion
                && CacheReadPerMillion == other.CacheReadPerMillion && CacheWritePerMillion == other.CacheWritePerMillion
                && BatchInputPerMillion == other.BatchInputPerMillion && BatchOutputPerMillion == other.BatchOutputPerMillion
                && PerImage == other.PerImage && AsOf == other.AsOf && Source == other.Source));

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Region) * 31 + StringComparer.Ordinal.GetHashCode(AsOf);
}
