using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PromptGen.Bedrock;

namespace PromptGen.Pricing;

/// <summary>
/// The prices a client estimates costs with: the built-in catalog's (models.json, embedded from the generator's
/// Catalog folder, so the catalog stays the one source of truth) with the prices of the client's catalog files
/// (<see cref="BedrockOptions.ModelCatalogFiles"/>) laid over them, model by model.
/// </summary>
internal sealed partial class ModelPriceTable
{
    private const string BuiltInResource = "PromptGen.Catalog.models.json";

    private static readonly Lazy<ModelPriceTable> BuiltInTable = new(LoadBuiltIn);

    private readonly IReadOnlyDictionary<string, IReadOnlyList<ModelPrice>> _prices;

    private ModelPriceTable(IReadOnlyDictionary<string, IReadOnlyList<ModelPrice>> prices) => _prices = prices;

    public static ModelPriceTable BuiltIn => BuiltInTable.Value;

    /// <summary>The built-in prices with each file's laid over them, in order.</summary>
    /// <exception cref="BedrockConfigurationException">A file cannot be read, or its prices are not usable.</exception>
    public static ModelPriceTable Load(IEnumerable<string>? files)
    {
        List<string> paths = files?.ToList() ?? new List<string>();
        if (paths.Count == 0)
        {
            return BuiltIn;
        }

        var prices = new Dictionary<string, IReadOnlyList<ModelPrice>>(BuiltIn._prices, StringComparer.Ordinal);
        foreach (string path in paths)
        {
            IReadOnlyDictionary<string, IReadOnlyList<ModelPrice>> read;
            try
            {
                read = ModelPriceReader.Read(File.ReadAllText(path));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or NotSupportedException)
            {
                throw new BedrockConfigurationException($"BedrockOptions.ModelCatalogFiles: the model catalog file '{path}' cannot be used: {error.Message}");
            }

            foreach (KeyValuePair<string, IReadOnlyList<ModelPrice>> model in read)
            {
                prices[model.Key] = model.Value;
            }
        }

        return new ModelPriceTable(prices);
    }

    /// <summary>A table of the given text only (tests and the fuzzer).</summary>
    internal static ModelPriceTable Parse(string json) => new(ModelPriceReader.Read(json));

    /// <summary>
    /// The estimated cost in USD of one call's <paramref name="usage"/> on <paramref name="modelId"/> from
    /// <paramref name="region"/>, at on-demand list prices; null when any rate the usage needs is missing, the id does
    /// not name its model, or the region has no price, so an estimate is never made from the wrong price.
    /// </summary>
    public decimal? Estimate(string modelId, string? region, TokenUsage? usage)
    {
        ModelPrice? price = usage is null ? null : PriceOf(modelId, region);
        if (usage is null || price?.InputPerMillion is not { } input || price.OutputPerMillion is not { } output)
        {
            return null;
        }

        decimal cost = (usage.InputTokens * input) + (usage.OutputTokens * output);
        if (usage.CacheReadInputTokens is > 0 and { } cacheRead)
        {
            if (price.CacheReadPerMillion is not { } readRate)
            {
                return null;
            }

            cost += cacheRead * readRate;
        }

        if (usage.CacheWriteInputTokens is > 0 and { } cacheWrite)
        {
            // The rate is the 5-minute time-to-live's; a write with a longer one costs more, and the catalog has no such rate.
            if (price.CacheWritePerMillion is not { } writeRate || usage.CacheDetails?.Any(d => d.InputTokens > 0 && d.Ttl != CacheTtl.FiveMinutes) == true)
            {
                return null;
            }

            cost += cacheWrite * writeRate;
        }

        return cost / 1_000_000m;
    }

    /// <summary>The price of <paramref name="modelId"/>'s model for calls from <paramref name="region"/> through its kind of endpoint; null when none.</summary>
    private ModelPrice? PriceOf(string modelId, string? region)
    {
        if (region is null || PriceEndpoint.Resolve(modelId) is not { } target
            || !_prices.TryGetValue(target.BaseId, out IReadOnlyList<ModelPrice>? prices))
        {
            return null;
        }

        return prices.FirstOrDefault(p => string.Equals(p.Region, region, StringComparison.Ordinal) && p.Endpoints.Contains(target.Kind));
    }

    /// <summary>
    /// True when the request is billed at on-demand standard prices, the only ones the catalog keeps: not latency
    /// optimized, no service tier other than the default.
    /// </summary>
    public static bool AtStandardPrices(ConverseRequest request) =>
        request.PerformanceConfig?.Latency is null or LatencyMode.Standard && request.ServiceTier is null or ServiceTier.Default;

    private static ModelPriceTable LoadBuiltIn()
    {
        using Stream stream = typeof(ModelPriceTable).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"The embedded model catalog '{BuiltInResource}' is missing from the PromptGen assembly.");
        using var reader = new StreamReader(stream);
        return new ModelPriceTable(ModelPriceReader.Read(reader.ReadToEnd()));
    }
}
