using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace PromptGen.Bedrock;

/// <summary>The body of a successful <c>Converse</c> response.</summary>
public sealed partial class ConverseResponse
{
    /// <summary>The answer (<c>output</c>): the assistant message.</summary>
    public ConverseOutput? Output { get; set; }

    /// <summary>Why the model stopped; reasons Bedrock added after this version are kept as they came.</summary>
    public StopReason? StopReason { get; set; }

    /// <summary>The tokens the call used (<c>usage</c>).</summary>
    public TokenUsage? Usage { get; set; }

    /// <summary>The call's latency as Bedrock measured it (<c>metrics</c>).</summary>
    public ConverseMetrics? Metrics { get; set; }

    /// <summary>Model-native response fields (<c>additionalModelResponseFields</c>); null when the model returned none.</summary>
    public JsonElement? AdditionalModelResponseFields { get; set; }

    /// <summary>The guardrail's assessments (when the request enabled its trace) and the prompt router's choice.</summary>
    public ConverseTrace? Trace { get; set; }

    /// <summary>The performance configuration that served the call.</summary>
    public PerformanceConfiguration? PerformanceConfig { get; set; }

    /// <summary>The service tier that served the call; null when Bedrock names one this version does not know.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Serialization.ServiceTierConverter))]
    public ServiceTier? ServiceTier { get; set; }

    /// <summary>
    /// The <c>x-amzn-RequestId</c> header of the HTTP response (not part of the body), when the client that read it
    /// knew it: the id to quote to AWS support.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? RequestId { get; set; }

    /// <summary>
    /// The concatenated text of the assistant message: its text blocks and, for an answer that cites documents, the
    /// generated text of its <c>citationsContent</c> blocks, in order.
    /// </summary>
    /// <exception cref="BedrockResponseException">The answer holds no text block at all.</exception>
    public string GetOutputText()
    {
        List<ContentBlock>? content = Output?.Message?.Content;
        if (content is null)
        {
            throw new BedrockResponseException($"The response has no output message (stopReason: {StopReason?.Value ?? "none"}).", StopReason);
        }

        StringBuilder? text = null;
        string? single = null;
        void Add(string part)
        {
            if (single is null)
            {
                single = part;
            }
            else
            {
                text ??= new StringBuilder(single);
                text.Append(part);
            }
        }

        foreach (ContentBlock block in content)
        {
            if (block.Text is { } blockText)
            {
                Add(blockText);
            }
            else if (block.CitationsContent?.Content is { } cited)
            {
                foreach (CitationGeneratedContent part in cited)
                {
                    if (part.Text is { } partText)
                    {
                        Add(partText);
                    }
                }
            }
        }

        return text?.ToString()
            ?? single
            ?? throw new BedrockResponseException($"The model returned no text (stopReason: {StopReason?.Value ?? "none"}).", StopReason);
    }
}

/// <summary>Converse <c>output</c>: a union whose one member is the assistant message.</summary>
public sealed class ConverseOutput
{
    /// <summary>The assistant message (<c>message</c>).</summary>
    public Message? Message { get; set; }
}

/// <summary>Converse <c>metrics</c>.</summary>
public sealed class ConverseMetrics
{
    /// <summary>The call's latency in milliseconds as Bedrock measured it (<c>latencyMs</c>).</summary>
    public long LatencyMs { get; set; }
}
