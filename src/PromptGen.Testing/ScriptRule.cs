using System;
using System.Threading;
using PromptGen.Testing.Scripting;

namespace PromptGen.Testing;

/// <summary>One rule of an <see cref="EmulatorScript"/>: when a call matches, answer with <see cref="Reply"/> after <see cref="Delay"/>.</summary>
public sealed class ScriptRule
{
    private readonly RuleCondition _condition;
    private int _useCount;

    internal ScriptRule(RuleCondition condition, EmulatorReply reply, TimeSpan delay, int? maxUses, StreamShape? stream = null)
    {
        Stream = stream ?? StreamShape.Default;
        _condition = condition;
        Reply = reply;
        Delay = delay;
        MaxUses = maxUses;
    }

    /// <summary>The rule's condition in words, e.g. <c>model = x and prompt contains "ticket"</c>.</summary>
    public string Description => _condition.Describe();

    /// <summary>The answer.</summary>
    public EmulatorReply Reply { get; }

    /// <summary>How long to wait before answering.</summary>
    public TimeSpan Delay { get; }

    /// <summary>How a <c>ConverseStream</c> call answered by this rule is streamed.</summary>
    public StreamShape Stream { get; }

    /// <summary>How many calls the rule may answer before it is skipped; null for no limit.</summary>
    public int? MaxUses { get; }

    /// <summary>How many calls the rule has answered so far.</summary>
    public int UseCount => Volatile.Read(ref _useCount);

    internal bool Matches(ConverseCall call) => _condition.Matches(call);

    /// <summary>Takes one use of the rule; false when <see cref="MaxUses"/> are spent. Safe under concurrent calls.</summary>
    internal bool TryClaim()
    {
        while (true)
        {
            int current = Volatile.Read(ref _useCount);
            if (MaxUses is { } max && current >= max)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _useCount, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Description} -> {(Reply.IsError ? $"error {Reply.ErrorCode} ({Reply.ErrorStatus})" : Reply.IsToolUse ? "toolUse" : "text")}";
}
