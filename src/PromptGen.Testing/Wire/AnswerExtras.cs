using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>
/// What an answer carries beyond its main block: reasoning before it, cache tokens in the usage, the guardrail's
/// trace, and the echoed performance configuration and service tier. Shared by Converse bodies and stream events.
/// </summary>
internal sealed record AnswerExtras(
    string? ReasoningText,
    string? ReasoningSignature,
    int? CacheReadInputTokens,
    int? CacheWriteInputTokens,
    GuardrailTraceReply? Guardrail,
    string? Latency,
    string? ServiceTier)
{
    public static readonly AnswerExtras None = new(null, null, null, null, null, null, null);

    public bool HasReasoning => ReasoningText is not null;

    /// <summary>The index of the answer's main block: after the reasoning block when there is one.</summary>
    public int MainBlockIndex => HasReasoning ? 1 : 0;

    public void WriteReasoningBlock(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("reasoningContent");
        writer.WriteStartObject("reasoningText");
        writer.WriteString("text", ReasoningText);
        writer.WriteString("signature", ReasoningSignature);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The optional members of <c>usage</c>, after the three required ones.</summary>
    public void WriteUsageMembers(Utf8JsonWriter writer)
    {
        if (CacheReadInputTokens is { } read)
        {
            writer.WriteNumber("cacheReadInputTokens", read);
        }

        if (CacheWriteInputTokens is { } write)
        {
            writer.WriteNumber("cacheWriteInputTokens", write);
        }
    }

    /// <summary>Adds the cache tokens to the required total, as Bedrock counts them.</summary>
    public int TotalTokens(int inputTokens, int outputTokens) =>
        inputTokens + outputTokens + (CacheReadInputTokens ?? 0) + (CacheWriteInputTokens ?? 0);

    /// <summary><c>trace</c>, <c>performanceConfig</c> and <c>serviceTier</c>, each only when it applies.</summary>
    public void WriteTrailingMembers(Utf8JsonWriter writer)
    {
        if (Guardrail is { } guardrail)
        {
            writer.WriteStartObject("trace");
            guardrail.Write(writer);
            writer.WriteEndObject();
        }

        if (Latency is not null)
        {
            writer.WriteStartObject("performanceConfig");
            writer.WriteString("latency", Latency);
            writer.WriteEndObject();
        }

        if (ServiceTier is not null)
        {
            writer.WriteStartObject("serviceTier");
            writer.WriteString("type", ServiceTier);
            writer.WriteEndObject();
        }
    }
}

/// <summary>The guardrail trace of an intervention: the input assessment naming the denied topic that matched.</summary>
internal sealed record GuardrailTraceReply(string GuardrailIdentifier, string Topic, bool Full)
{
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("guardrail");
        writer.WriteStartObject("inputAssessment");
        writer.WriteStartObject(GuardrailIdentifier);
        writer.WriteStartObject("topicPolicy");
        writer.WriteStartArray("topics");
        writer.WriteStartObject();
        writer.WriteString("name", Topic);
        writer.WriteString("type", "DENY");
        writer.WriteString("action", "BLOCKED");
        writer.WriteBoolean("detected", true);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        if (Full)
        {
            // enabled_full also reports the policies that looked and let the input pass.
            writer.WriteStartObject("contentPolicy");
            writer.WriteStartArray("filters");
            writer.WriteStartObject();
            writer.WriteString("type", "VIOLENCE");
            writer.WriteString("confidence", "NONE");
            writer.WriteString("filterStrength", "HIGH");
            writer.WriteString("action", "NONE");
            writer.WriteBoolean("detected", false);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("actionReason", $"Guardrail blocked: denied topic '{Topic}'.");
        writer.WriteEndObject();
    }
}
