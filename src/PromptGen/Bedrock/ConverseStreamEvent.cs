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
    /// <summary>The <c>:event-type</c> of this event, <c>messageStart</c>.</summary>
    public const string Name = "messageStart";

    /// <inheritdoc />
    public override string EventType => Name;

    /// <summary>The role of the message: the assistant.</summary>
    public ConversationRole Role { get; set; } = ConversationRole.Assistant;

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>
/// <c>contentBlockStart</c>: a tool use (or tool result, or image) block begins. Text and reasoning blocks have
/// no start event; they begin with their first delta.
/// </summary>
public sealed class ContentBlockStartEvent : ConverseStreamEvent
{
    /// <summary>The <c>:event-type</c> of this event, <c>contentBlockStart</c>.</summary>
    public const string Name = "contentBlockStart";

    /// <inheritdoc />
    public override string EventType => Name;

    /// <summary>The index of the block in the assistant message, starting at 0.</summary>
    public int ContentBlockIndex { get; set; }

    /// <summary>How the block begins (<c>start</c>): the tool use's id and name, a tool result's id, an image.</summary>
    public ContentBlockStart Start { get; set; } = new();

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary><c>contentBlockDelta</c>: the next piece of a content block.</summary>
public sealed class ContentBlockDeltaEvent : ConverseStreamEvent
{
    /// <summary>The <c>:event-type</c> of this event, <c>contentBlockDelta</c>.</summary>
    public const string Name = "contentBlockDelta";

    /// <inheritdoc />
    public override string EventType => Name;

    /// <summary>The index of the block in the assistant message, starting at 0 (<c>contentBlockIndex</c>).</summary>
    public int ContentBlockIndex { get; set; }

    /// <summary>The next piece of the block (<c>delta</c>): text, a tool input fragment, reasoning.</summary>
    public ContentBlockDelta Delta { get; set; } = new();

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>
/// <c>contentBlockStop</c>: the block is complete. For a tool use block, the concatenated
/// <see cref="ToolUseBlockDelta.Input"/> fragments now form the whole JSON input.
/// </summary>
public sealed class ContentBlockStopEvent : ConverseStreamEvent
{
    /// <summary>The <c>:event-type</c> of this event, <c>contentBlockStop</c>.</summary>
    public const string Name = "contentBlockStop";

    /// <inheritdoc />
    public override string EventType => Name;

    /// <summary>The index of the block that is complete (<c>contentBlockIndex</c>).</summary>
    public int ContentBlockIndex { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary><c>messageStop</c>: the message is complete, with the reason the model stopped.</summary>
public sealed class MessageStopEvent : ConverseStreamEvent
{
    /// <summary>The <c>:event-type</c> of this event, <c>messageStop</c>.</summary>
    public const string Name = "messageStop";

    /// <inheritdoc />
    public override string EventType => Name;

    /// <summary>Why the model stopped; reasons Bedrock added after this version are kept as they came.</summary>
    public StopReason StopReason { get; set; }

    /// <summary>Model-native response fields (<c>additionalModelResponseFields</c>); null when the model returned none.</summary>
    public JsonElement? AdditionalModelResponseFields { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary><c>metadata</c>: the last event, with token usage and latency.</summary>
public sealed class ConverseStreamMetadataEvent : ConverseStreamEvent
{
    /// <summary>The <c>:event-type</c> of this event, <c>metadata</c>.</summary>
    public const string Name = "metadata";

    /// <inheritdoc />
    public override string EventType => Name;

    /// <summary>The tokens the call used (<c>usage</c>).</summary>
    public TokenUsage? Usage { get; set; }

    /// <summary>The call's latency as Bedrock measured it (<c>metrics</c>).</summary>
    public ConverseMetrics? Metrics { get; set; }

    /// <summary>Guardrail and prompt-router trace, when the request asked for it.</summary>
    public ConverseTrace? Trace { get; set; }

    /// <summary>The performance configuration that served the call (<c>performanceConfig</c>).</summary>
    public PerformanceConfiguration? PerformanceConfig { get; set; }

    /// <summary>The service tier that served the call (<c>serviceTier</c>); null when Bedrock names one this version does not know.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Serialization.ServiceTierConverter))]
    public ServiceTier? ServiceTier { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>
/// An event whose <c>:event-type</c> this library does not know. Bedrock adds event types over time; they are
/// passed on rather than dropped or treated as errors.
/// </summary>
public sealed class UnknownConverseStreamEvent : ConverseStreamEvent
{
    /// <summary>Creates the event for a frame whose event type this library does not know.</summary>
    /// <param name="eventType">The frame's <c>:event-type</c> header.</param>
    /// <param name="payload">The frame's JSON payload; null when it had none or it was not JSON.</param>
    public UnknownConverseStreamEvent(string eventType, JsonElement? payload)
    {
        EventType = eventType;
        Payload = payload;
    }

    /// <inheritdoc />
    public override string EventType { get; }

    /// <summary>The JSON payload of the event, or null when it had none or it was not JSON.</summary>
    public JsonElement? Payload { get; }
}
