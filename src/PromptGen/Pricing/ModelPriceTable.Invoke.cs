using System;
using System.Text.Json;
using PromptGen.Bedrock;

namespace PromptGen.Pricing;

// Estimates for InvokeModel calls (images per generated image, embeddings and other bodies per token) and for batch
// inference records (batch token rates). As everywhere: a rate the call needs that the catalog lacks, or a call the
// catalog's one rate does not describe, gives no estimate, never a wrong one.
internal sealed partial class ModelPriceTable
{
    // Amazon image models (Nova Canvas, Titan Image Generator) price images above this size, and premium quality, apart;
    // the catalog keeps the standard price only.
    private const int StandardImagePixels = 1024 * 1024;

    /// <summary>
    /// The estimated cost in USD of one InvokeModel answer: for a model with a per-image price, the images in the answer
    /// times that price (null for an Amazon request asking for premium quality or more than 1024 × 1024 pixels); else
    /// the tokens Bedrock counted (<see cref="InvokeModelResponse.InputTokenCount"/>, <see cref="InvokeModelResponse.OutputTokenCount"/>)
    /// times the token rates (null without the input count, and for an embedding of an image, video or audio, which
    /// Bedrock prices per item).
    /// </summary>
    public decimal? EstimateInvoke(string modelId, string? region, ReadOnlySpan<byte> requestBody, InvokeModelResponse response)
    {
        if (PriceOf(modelId, region) is not { } price)
        {
            return null;
        }

        try
        {
            if (price.PerImage is { } perImage)
            {
                return IsStandardImageRequest(requestBody) && CountImages(response.Body.Span) is { } images ? images * perImage : null;
            }

            if (response.InputTokenCount is not { } input || price.InputPerMillion is not { } inputRate
                || (HasMedia(requestBody) && IsEmbedding(response.Body.Span)))
            {
                return null;
            }

            decimal cost = input * inputRate;
            if (response.OutputTokenCount is > 0 and { } output)
            {
                if (price.OutputPerMillion is not { } outputRate)
                {
                    return null;
                }

                cost += output * outputRate;
            }

            return cost / 1_000_000m;
        }
        catch (JsonException)
        {
            return null; // a body that is not JSON is nothing we can count; the caller reads it as it is
        }
    }

    /// <summary>
    /// The estimated cost in USD of one batch inference record: its tokens at the batch rates of its model (null when
    /// the catalog has no batch rate the record needs).
    /// </summary>
    public decimal? EstimateBatch(string modelId, string? region, int inputTokens, int outputTokens)
    {
        if (PriceOf(modelId, region) is not { BatchInputPerMillion: { } input } price)
        {
            return null;
        }

        decimal cost = inputTokens * input;
        if (outputTokens > 0)
        {
            if (price.BatchOutputPerMillion is not { } output)
            {
                return null;
            }

            cost += outputTokens * output;
        }

        return cost / 1_000_000m;
    }

    /// <summary>True when an InvokeModel call is billed at on-demand standard prices: not latency optimized, default tier.</summary>
    public static bool AtStandardPrices(InvokeModelOptions? options) =>
        options?.Latency is null or LatencyMode.Standard && options?.ServiceTier is null or ServiceTier.Default;

    // {"images": [...]} is how both the Amazon and the Stability image bodies answer.
    private static int? CountImages(ReadOnlySpan<byte> body)
    {
        using JsonDocument document = JsonDocument.Parse(body.ToArray());
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("images", out JsonElement images)
            && images.ValueKind == JsonValueKind.Array
            ? images.GetArrayLength()
            : null;
    }

    private static bool IsStandardImageRequest(ReadOnlySpan<byte> requestBody)
    {
        using JsonDocument document = JsonDocument.Parse(requestBody.ToArray());
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("imageGenerationConfig", out JsonElement config)
            || config.ValueKind != JsonValueKind.Object)
        {
            return true; // a Stability body: one price per image whatever its size
        }

        if (config.TryGetProperty("quality", out JsonElement quality) && quality.ValueKind == JsonValueKind.String
            && !string.Equals(quality.GetString(), "standard", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        long width = config.TryGetProperty("width", out JsonElement w) && w.TryGetInt64(out long wide) ? wide : 1024;
        long height = config.TryGetProperty("height", out JsonElement h) && h.TryGetInt64(out long high) ? high : 1024;
        return width * height <= StandardImagePixels;
    }

    // The token counts come from Bedrock's headers, so an answer that is not JSON is still priced by them.
    private static bool IsEmbedding(ReadOnlySpan<byte> body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                && (document.RootElement.TryGetProperty("embedding", out _) || document.RootElement.TryGetProperty("embeddings", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // An image, video or audio anywhere in the request (Titan, Cohere and Nova embedding bodies name them so).
    private static bool HasMedia(ReadOnlySpan<byte> requestBody)
    {
        var reader = new Utf8JsonReader(requestBody);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName
                && (reader.ValueTextEquals("image"u8) || reader.ValueTextEquals("images"u8) || reader.ValueTextEquals("inputImage"u8)
                    || reader.ValueTextEquals("video"u8) || reader.ValueTextEquals("audio"u8)))
            {
                return true;
            }
        }

        return false;
    }
}
