using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace PromptGen.Bedrock;

/// <summary>The body of a successful <c>Converse</c> response.</summary>
public sealed partial class ConverseResponse
{
    public ConverseOutput? Output { get; set; }

    /// <summary>Why the model stopped; see <see cref="StopReasons"/>. Unknown values are passed through.</summary>
    public string? StopReason { get; set; }

    public TokenUsage? Usage { get; set; }

    public ConverseMetrics? Metrics { get; set; }

    public JsonElement? AdditionalModelResponseFields { get; set; }

    /// <summary>The guardrail's assessments (when the request enabled its trace) and the prompt router's choice.</summary>
    public ConverseTrace? Trace { get; set; }

    /// <summary>The performance configuration that served the call.</summary>
    public PerformanceConfiguration? PerformanceConfig { get; set; }

    /// <summary>The service tier that served the call.</summary>
    public ServiceTier? ServiceTier { get; set; }

    /// <summary>
    /// The <c>x-amzn-RequestId</c> header of the HTTP response (not part of the body), when the client that read it
    /// knew it: the id to quote to AWS support.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? RequestId { get; set; }

    /// <summary>The concatenated text blocks of the assistant message.</summary>
    /// <exception cref="BedrockResponseException">The answer holds no text block at all.</exception>
    public string GetOutputText()
    {
        List<ContentBlock>? content = Output?.Message?.Content;
        if (content is null)
        {
            throw new BedrockResponseException($"The response has no output message (stopReason: {StopReason ?? "none"}).", StopReason);
        }

        StringBuilder? text = null;
        string? single = null;
        foreach (ContentBlock block in content)
        {
            if (block.Text is null)
            {
                continue;
            }

            if (single is null)
            {
                single = block.Text;
            }
            else
            {
                text ??= new StringBuilder(single);
                text.Append(block.Text);
            }
        }

        return text?.ToString()
            ?? single
            ?? throw new BedrockResponseException($"The model returned no text (stopReason: {StopReason ?? "none"}).", StopReason);
    }
}

public sealed class ConverseOutput
{
    public Message? Message { get; set; }
}

public sealed class TokenUsage
{
    public int InputTokens { get; set; }

    public int OutputTokens { get; set; }

    public int TotalTokens { get; set; }

    /// <summary>Input tokens read from the prompt cache (prompt caching); null when the model reported none.</summary>
    public int? CacheReadInputTokens { get; set; }

    /// <summary>Input tokens written to the prompt cache at a cache point.</summary>

    public int? CacheWriteInputTokens { get; set; }

    /// <summary>Cache-write tokens by time-to-live.</summary>
    public List<CacheDetail>? CacheDetails { get; set; }
}

public sealed class ConverseMetrics
{
    public long LatencyMs { get; set; }
}

/// <summary>The stop reasons Bedrock documents. New ones may appear; compare as strings.</summary>
public static class StopReasons
{
    public const string EndTurn = "end_turn";
    public const string ToolUse = "tool_use";
    public const string MaxTokens = "max_tokens";
    public const string StopSequence = "stop_sequence";
    public const string GuardrailIntervened = "guardrail_intervened";
    public const string ContentFiltered = "content_filtered";
    public const string MalformedModelOutput = "malformed_model_output";
    public const string MalformedToolUse = "malformed_tool_use";
    public const string ModelContextWindowExceeded = "model_context_window_exceeded";
}
