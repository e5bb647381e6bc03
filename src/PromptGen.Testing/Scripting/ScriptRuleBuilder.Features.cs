using System;

namespace PromptGen.Testing;

public sealed partial class ScriptRuleBuilder
{
    private string? reasoningText;
    private string? reasoningSignature;
    private (int Read, int Write)? cacheUsage;

    /// <summary>Reason first: the answer starts with a <c>reasoningContent</c> block (reasoning deltas when streamed).</summary>
    public ScriptRuleBuilder Reasoning(string text, string signature = EmulatorReply.DefaultReasoningSignature)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentException.ThrowIfNullOrEmpty(signature);
        reasoningText = text;
        reasoningSignature = signature;
        return this;
    }

    /// <summary>
    /// Report these cache tokens. Without this, a request with cache points writes its cached prefix the first time
    /// and reads it afterwards.
    /// </summary>
    public ScriptRuleBuilder CacheUsage(int read, int write)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(read);
        ArgumentOutOfRangeException.ThrowIfNegative(write);
        cacheUsage = (read, write);
        return this;
    }

    /// <summary>
    /// Finishes the rule: the guardrail blocks the prompt (stop reason <c>guardrail_intervened</c>, the blocked
    /// message as text, and a trace naming <paramref name="topic"/> when the request enabled the trace).
    /// </summary>
    public ScriptRule ReplyGuardrailIntervention(string blockedMessage = EmulatorReply.DefaultBlockedMessage, string topic = "Denied topic") =>
        Reply(EmulatorReply.FromGuardrailIntervention(blockedMessage, topic, inputTokens, outputTokens));

    private EmulatorReply WithFeatures(EmulatorReply reply)
    {
        if (reasoningText is not null)
        {
            reply = reply.WithReasoning(reasoningText, reasoningSignature!);
        }

        return cacheUsage is { } usage ? reply.WithCacheUsage(usage.Read, usage.Write) : reply;
    }
}
