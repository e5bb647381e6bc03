using System;
using System.Collections.Generic;

namespace PromptGen.Testing;

/// <summary>
/// Builds one rule fluently: <c>Script.When(...).Times(1).Delay(...).ReplyText("...")</c>. The rule joins the script
/// only when a Reply method is called, so a running emulator never sees a half-built rule.
/// </summary>
public sealed partial class ScriptRuleBuilder
{
    private readonly EmulatorScript script;
    private readonly RuleCondition condition;
    private TimeSpan delay = TimeSpan.Zero;
    private int? maxUses;
    private int? inputTokens;
    private int? outputTokens;
    private bool added;

    internal ScriptRuleBuilder(EmulatorScript script, RuleCondition condition)
    {
        this.script = script;
        this.condition = condition;
    }

    /// <summary>Answer at most <paramref name="count"/> calls, then let later rules (or the default reply) answer.</summary>
    public ScriptRuleBuilder Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        maxUses = count;
        return this;
    }

    /// <summary>Wait this long before answering. The wait ends early when the client aborts the request.</summary>
    public ScriptRuleBuilder Delay(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        delay = duration;
        return this;
    }

    /// <summary>Report these token counts instead of ones derived from text lengths.</summary>
    public ScriptRuleBuilder Usage(int input, int output)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(input);
        ArgumentOutOfRangeException.ThrowIfNegative(output);
        inputTokens = input;
        outputTokens = output;
        return this;
    }

    /// <summary>Finishes the rule: answer with one text block.</summary>
    public ScriptRule ReplyText(string text, string stopReason = StopReasons.EndTurn) =>
        Reply(EmulatorReply.FromText(text, stopReason, inputTokens, outputTokens));

    /// <summary>Finishes the rule: answer with a text block holding <paramref name="json"/> (structured output).</summary>
    public ScriptRule ReplyJson(string json) => Reply(EmulatorReply.FromJson(json, inputTokens, outputTokens));

    /// <summary>
    /// Finishes the rule: answer with a <c>toolUse</c> block calling <paramref name="name"/> with <paramref name="inputJson"/>,
    /// stopReason <c>tool_use</c>. A null name calls the tool the request forces, else the first one it offers.
    /// </summary>
    public ScriptRule ReplyToolUse(string? name, string inputJson) =>
        Reply(EmulatorReply.FromToolUse(name, inputJson, StopReasons.ToolUse, inputTokens, outputTokens));

    /// <summary>
    /// Finishes the rule: answer with one <c>toolUse</c> block per call, in order (parallel tool use), after a text
    /// block when <paramref name="preamble"/> is given; stopReason <c>tool_use</c>.
    /// </summary>
    public ScriptRule ReplyToolUses(IEnumerable<EmulatorToolCall> calls, string? preamble = null) =>
        Reply(EmulatorReply.FromToolUses(calls, preamble, inputTokens, outputTokens));

    /// <summary>Finishes the rule: answer with an error, e.g. <c>ReplyError("ThrottlingException", 429, "Rate exceeded")</c>.</summary>
    public ScriptRule ReplyError(string code, int status, string message) =>
        Reply(EmulatorReply.FromError(code, status, message));

    /// <summary>Finishes the rule with a prepared reply.</summary>
    public ScriptRule Reply(EmulatorReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (added)
        {
            throw new InvalidOperationException("This rule already has its reply; start another with Script.When(...).");
        }

        added = true;
        var rule = new ScriptRule(WithShare(condition), WithFeatures(reply), delay, maxUses, stream);
        script.Add(rule);
        return rule;
    }
}
