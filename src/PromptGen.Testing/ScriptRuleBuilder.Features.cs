using System;

namespace PromptGen.Testing;

public sealed partial class ScriptRuleBuilder
{
    private string? _reasoningText;
    private string? _reasoningSignature;
    private (int Read, int Write)? _cacheUsage;

    /// <summary>Reason first: the answer starts with a <c>reasoningContent</c> block (reasoning deltas when streamed).</summary>
    public ScriptRuleBuilder Reasoning(string text, string signature = EmulatorReply.DefaultReasoningSignature)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentException.ThrowIfNullOrEmpty(signature);
        _reasoningText = text;
        _reasoningSignature = signature;
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
        _cacheUsage = (read, write);
        return this;
    }

    /// <summary>
    /// Finishes the rule: the guardrail blocks the prompt (stop reason <c>guardrail_intervened</c>, the blocked
    /// message as text, and a trace naming <paramref name="topic"/> when the request enabled the trace).
    /// </summary>
    public ScriptRule ReplyGuardrailIntervention(string blockedMessage = EmulatorReply.DefaultBlockedMessage, string topic = "Denied topic") =>
        Reply(EmulatorReply.FromGuardrailIntervention(blockedMessage, topic, _inputTokens, _outputTokens));

    private EmulatorReply WithFeatures(EmulatorReply reply)
    {
        if (_reasoningText is not null)
        {
            reply = reply.WithReasoning(_reasoningText, _reasoningSignature!);
        }

        return _cacheUsage is { } usage ? reply.WithCacheUsage(usage.Read, usage.Write) : reply;
    }
}
