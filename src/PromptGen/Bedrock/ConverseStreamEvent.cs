using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

/// <summary>
/// One event of a <c>ConverseStream</c> answer (wire spec §4), in the order Bedrock sends them:
/// <see cref="MessageStartEvent"/>, then per content block an optional <see cref="ContentBlockStartEvent"/> (text
/// blocks have none), its <see cref="ContentBlockDeltaEvent"/>s and a <see cref="ContentBlockStopEvent"/>, then
/// <see cref="MessageStopEvent"/> and finally <see cref="ConverseStreamMetadataEvent"/> with the usage.
/// Event types this library does not know yet arrive as <see cref="UnknownConverseStreamEvent"/>.
/// </summary>
/// <remarks>Match on the subclass: <c>if (e is ContentBlockDeltaEvent { Delta.Text: { } text }) ...</c>.</remarks>
public abstract class ConverseStreamEvent
{
    private protected ConverseStreamEvent()
    {
    }

    /// <summary>The <c>:event-type</c> header of the frame, e.g. <c>contentBlockDelta</c>.</summary>
    [JsonIgnore]
    public abstract string EventType { get; }

    /// <summary>The <c>x-amzn-RequestId</c> of the stream's HTTP response, when the client that read it knew it.</summary>
    [JsonIgnore]
    public string? RequestId { get; set; }
}

/// <summary><c>messageStart</c>: the assistant message begins.</summary>
public sealed class MessageStartEvent : ConverseStreamEvent
{
    public const string Name = "messageStart";

    public override string EventType => Name;

    /// <summary>The role of the message: the assistant.</summary>
    public ConversationRole Role { get; set; } = ConversationRole.Assistant;

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>
/// <c>contentBlockStart</c>: a tool use (or tool result, or image) block begins. Text and reasoning blocks have
/// no start event; they begin with their first delta.
/// </summary>
public sealed class ContentBlockStartEvent : ConverseStreamEvent
{
    public const string Name = "contentBlockStart";

    public override string EventType => Name;

    /// <summary>The index of the block in the assistant message, starting at 0.</summary>
    public int ContentBlockIndex { get; set; }

    public ContentBlockStart Start { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary><c>contentBlockDelta</c>: the next piece of a content block.</summary>
public sealed class ContentBlockDeltaEvent : ConverseStreamEvent
{
    public const string Name = "contentBlockDelta";

    public override string EventType => Name;

    public int ContentBlockIndex { get; set; }

    public ContentBlockDelta Delta { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>
/// <c>contentBlockStop</c>: the block is complete. For a tool use block, the concatenated
/// <see cref="ToolUseBlockDelta.Input"/> fragments now form the whole JSON input.
/// </summary>
public sealed class ContentBlockStopEvent : ConverseStreamEvent
{
    public const string Name = "contentBlockStop";

    public override string EventType => Name;

    public int ContentBlockIndex { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary><c>messageStop</c>: the message is complete, with the reason the model stopped.</summary>
public sealed class MessageStopEvent : ConverseStreamEvent
{
    public const string Name = "messageStop";

    public override string EventType => Name;

    /// <summary>Why the model stopped; reasons Bedrock added after this version are kept as they came.</summary>
    public StopReason StopReason { get; set; }

    public JsonElement? AdditionalModelResponseFields { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary><c>metadata</c>: the last event, with token usage and latency.</summary>
public sealed class ConverseStreamMetadataEvent : ConverseStreamEvent
{
    public const string Name = "metadata";

    public override string EventType => Name;

    public TokenUsage? Usage { get; set; }

    public ConverseMetrics? Metrics { get; set; }

    /// <summary>Guardrail and prompt-router trace, when the request asked for it.</summary>
    public ConverseTrace? Trace { get; set; }

    public PerformanceConfiguration? PerformanceConfig { get; set; }

    [System.Text.Json.Serialization.JsonConverter(typeof(Serialization.ServiceTierConverter))]
    public ServiceTier? ServiceTier { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>
/// An event whose <c>:event-type</c> this library does not know. Bedrock adds event types over time; they are
/// passed on rather than dropped or treated as errors.
/// </summary>
public sealed class UnknownConverseStreamEvent : ConverseStreamEvent
{
    public UnknownConverseStreamEvent(string eventType, JsonElement? payload)
    {
        EventType = eventType;
        Payload = payload;
    }

    public override string EventType { get; }

    /// <summary>The JSON payload of the event, or null when it had none or it was not JSON.</summary>
    public JsonElement? Payload { get; }
}
