using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Pricing;

namespace PromptGen;

/// <summary>Cost estimates: each answer's usage gets the estimated cost of the call at the catalog's list prices.</summary>
public sealed partial class BedrockRuntimeClient
{
    private readonly ModelPriceTable _prices;

    /// <summary>The prices this client estimates with (the batch runner prices its job records with them too).</summary>
    internal ModelPriceTable Prices => _prices;

    /// <summary>
    /// Sets <see cref="TokenUsage.EstimatedCostUsd"/> of one call's usage: the price of its model, endpoint and this
    /// client's region, or null when the catalog has none or the request is billed at other than standard prices.
    /// </summary>
    private void EstimateCost(string modelId, bool atStandardPrices, TokenUsage? usage)
    {
        if (usage is not null)
        {
            usage.EstimatedCostUsd = atStandardPrices ? _prices.Estimate(modelId, Region, usage) : null;
        }
    }

    private void EstimateCost(string modelId, ConverseRequest request, TokenUsage? usage) =>
        EstimateCost(modelId, ModelPriceTable.AtStandardPrices(request), usage);

    /// <summary>A stream whose metadata event (the usage) carries the call's estimated cost.</summary>
    private async IAsyncEnumerable<ConverseStreamEvent> EstimatingCost(
        string modelId, bool atStandardPrices, IAsyncEnumerable<ConverseStreamEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (ConverseStreamEvent streamEvent in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (streamEvent is ConverseStreamMetadataEvent metadata)
            {
                EstimateCost(modelId, atStandardPrices, metadata.Usage);
            }

            yield return streamEvent;
        }
    }
}
