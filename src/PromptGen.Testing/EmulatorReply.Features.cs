using System;
using PromptGen.Testing.Scripting;

namespace PromptGen.Testing;

public sealed partial class EmulatorReply
{
    /// <summary>The signature reasoning blocks carry unless a script gives one.</summary>
    public const string DefaultReasoningSignature = "emulator-signature";

    /// <summary>The text a guardrail intervention answers with unless a script gives one.</summary>
    public const string DefaultBlockedMessage = "Sorry, the model cannot answer this question.";

    /// <summary>Reasoning (extended thinking) sent before the answer as a <c>reasoningContent</c> block; null for none.</summary>
    public string? ReasoningText { get; private set; }

    /// <summary>The signature of <see cref="ReasoningText"/>.</summary>
    public string? ReasoningSignature { get; private set; }

    /// <summary>Scripted <c>cacheReadInputTokens</c>; when neither cache count is scripted, the emulator derives them from the request's cache points.</summary>
    public int? CacheReadInputTokens { get; private set; }

    /// <summary>Scripted <c>cacheWriteInputTokens</c>.</summary>
    public int? CacheWriteInputTokens { get; private set; }

    /// <summary>True for a guardrail intervention (<see cref="FromGuardrailIntervention"/>).</summary>
    public bool IsGuardrailIntervention { get; private set; }

    /// <summary>The denied topic a guardrail intervention's trace names.</summary>
    public string? GuardrailTopic { get; private set; }

    /// <summary>
    /// The guardrail blocks the prompt: the answer is <paramref name="blockedMessage"/> with stop reason
    /// <c>guardrail_intervened</c>, and when the request enabled the guardrail's trace, a trace whose input
    /// assessment names <paramref name="topic"/> as a denied topic. The request must carry a <c>guardrailConfig</c>.
    /// </summary>
    public static EmulatorReply FromGuardrailIntervention(string blockedMessage = DefaultBlockedMessage, string topic = "Denied topic", int? inputTokens = null, int? outputTokens = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(blockedMessage);
        ArgumentException.ThrowIfNullOrEmpty(topic);
        EmulatorReply reply = FromText(blockedMessage, StopReasons.GuardrailIntervened, inputTokens, outputTokens);
        reply.IsGuardrailIntervention = true;
        reply.GuardrailTopic = topic;
        return reply;
    }

    /// <summary>A copy that reasons first: a <c>reasoningContent</c> block (streamed as reasoning deltas) before the answer.</summary>
    public EmulatorReply WithReasoning(string text, string signature = DefaultReasoningSignature)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentException.ThrowIfNullOrEmpty(signature);
        EmulatorReply copy = Copy();
        copy.ReasoningText = text;
        copy.ReasoningSignature = signature;
        return copy;
    }

    /// <summary>A copy reporting these cache tokens instead of ones derived from the request's cache points.</summary>
    public EmulatorReply WithCacheUsage(int read, int write)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(read);
        ArgumentOutOfRangeException.ThrowIfNegative(write);
        EmulatorReply copy = Copy();
        copy.CacheReadInputTokens = read;
        copy.CacheWriteInputTokens = write;
        return copy;
    }

    private EmulatorReply Copy() => (EmulatorReply)MemberwiseClone();
}
