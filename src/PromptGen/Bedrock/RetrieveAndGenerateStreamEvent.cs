using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

// The events of a RetrieveAndGenerateStream answer (union RetrieveAndGenerateStreamResponseOutput: output, citation,
// guardrail, and the in-stream exceptions), as the official SDK models them (@aws-sdk/client-bedrock-agent-runtime
// 3.1162.0, dist-types/models/models_1.d.ts) and
// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_RetrieveAndGenerateStream.html.

/// <summary>
/// One event of a <c>RetrieveAndGenerateStream</c> answer: <see cref="RetrieveAndGenerateOutputEvent"/> (a piece of
/// the answer's text), <see cref="RetrieveAndGenerateCitationEvent"/> (a cited part and its passages),
/// <see cref="RetrieveAndGenerateGuardrailEvent"/>; event types this library does not know yet arrive as
/// <see cref="UnknownRetrieveAndGenerateStreamEvent"/>. Exceptions Bedrock sends inside the stream are thrown, typed.
/// </summary>
public abstract class RetrieveAndGenerateStreamEvent
{
    private protected RetrieveAndGenerateStreamEvent()
    {
    }

    /// <summary>The <c>:event-type</c> header of the frame, e.g. <c>output</c>.</summary>
    [JsonIgnore]
    public abstract string EventType { get; }

    /// <summary>The session id (header <c>x-amzn-bedrock-knowledge-base-session-id</c> of the answer), to continue the conversation.</summary>
    [JsonIgnore]
    public string? SessionId { get; set; }

    /// <summary>The <c>x-amzn-RequestId</c> of the stream's HTTP response, when known.</summary>
    [JsonIgnore]
    public string? RequestId { get; set; }
}

/// <summary><c>output</c>: the next piece of the answer's text.</summary>
public sealed class RetrieveAndGenerateOutputEvent : RetrieveAndGenerateStreamEvent
{
    /// <summary>The <c>:event-type</c> of this event, <c>output</c>.</summary>
    public const string Name = "output";

    /// <inheritdoc />
    public override string EventType => Name;

    /// <summary>The text to append to the answer.</summary>
    public string Text { get; set; } = "";
}

/// <summary><c>citation</c>: a part of the answer and the retrieved passages that support it.</summary>
public sealed class RetrieveAndGenerateCitationEvent : RetrieveAndGenerateStreamEvent
{
    /// <summary>The <c>:event-type</c> of this event, <c>citation</c>.</summary>
    public const string Name = "citation";

    /// <inheritdoc />
    public override string EventType => Name;

    /// <summary>The cited part of the answer and its span.</summary>
    public GeneratedResponsePart? GeneratedResponsePart { get; set; }

    /// <summary>The passages that support it.</summary>
    public IList<RetrievedReference>? RetrievedReferences { get; set; }

    /// <summary>The same citation in the member the API has deprecated (<c>citation</c>); older answers send only this.</summary>
    public KnowledgeBaseCitation? Citation { get; set; }

    /// <summary>The citation whichever member carried it: the current members, else the deprecated <see cref="Citation"/>.</summary>
    public KnowledgeBaseCitation ToCitation() =>
        GeneratedResponsePart is not null || RetrievedReferences is not null
            ? new KnowledgeBaseCitation { GeneratedResponsePart = GeneratedResponsePart, RetrievedReferences = RetrievedReferences }
            : Citation ?? new KnowledgeBaseCitation();
}

/// <summary><c>guardrail</c>: what a guardrail did with the answer.</summary>
public sealed class RetrieveAndGenerateGuardrailEvent : RetrieveAndGenerateStreamEvent
{
    /// <summary>The <c>:event-type</c> of this event, <c>guardrail</c>.</summary>
    public const string Name = "guardrail";

    /// <inheritdoc />
    public override string EventType => Name;

    /// <summary><c>INTERVENED</c> or <c>NONE</c>.</summary>
    public string? Action { get; set; }
}

/// <summary>An event type this version does not know, kept with its payload.</summary>
public sealed class UnknownRetrieveAndGenerateStreamEvent : RetrieveAndGenerateStreamEvent
{
    /// <summary>Creates the event for a frame whose event type this library does not know.</summary>
    /// <param name="eventType">The frame's <c>:event-type</c> header.</param>
    /// <param name="payload">The frame's JSON payload; null when it had none or it was not JSON.</param>
    public UnknownRetrieveAndGenerateStreamEvent(string eventType, JsonElement? payload)
    {
        EventType = eventType;
        Payload = payload;
    }

    /// <inheritdoc />
    public override string EventType { get; }

    /// <summary>The JSON payload of the event, or null when it had none or it was not JSON.</summary>
    public JsonElement? Payload { get; }
}
