using System;
using System.Collections.Generic;
using PromptGen.Testing.Scripting;

namespace PromptGen.Testing;

/// <summary>
/// Builds one rule fluently: <c>Script.When(...).Times(1).Delay(...).ReplyText("...")</c>. The rule joins the script
/// only when a Reply method is called, so a running emulator never sees a half-built rule.
/// </summary>
public sealed partial class ScriptRuleBuilder
{
    private readonly EmulatorScript _script;
    private readonly RuleCondition _condition;
    private TimeSpan _delay = TimeSpan.Zero;
    private int? _maxUses;
    private int? _inputTokens;
    private int? _outputTokens;
    private bool _added;

    internal ScriptRuleBuilder(EmulatorScript script, RuleCondition condition)
    {
        _script = script;
        _condition = condition;
    }

    /// <summary>Answer at most <paramref name="count"/> calls, then let later rules (or the default reply) answer.</summary>
    public ScriptRuleBuilder Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _maxUses = count;
        return this;
    }

    /// <summary>Wait this long before answering. The wait ends early when the client aborts the request.</summary>
    public ScriptRuleBuilder Delay(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _delay = duration;
        return this;
    }

    /// <summary>Report these token counts instead of ones derived from text lengths.</summary>
    public ScriptRuleBuilder Usage(int input, int output)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(input);
        ArgumentOutOfRangeException.ThrowIfNegative(output);
        _inputTokens = input;
        _outputTokens = output;
        return this;
    }

    /// <summary>Finishes the rule: answer with one text block.</summary>
    public ScriptRule ReplyText(string text, string stopReason = StopReasons.EndTurn) =>
        Reply(EmulatorReply.FromText(text, stopReason, _inputTokens, _outputTokens));

    /// <summary>Finishes the rule: answer with a text block holding <paramref name="json"/> (structured output).</summary>
    public ScriptRule ReplyJson(string json) => Reply(EmulatorReply.FromJson(json, _inputTokens, _outputTokens));

    /// <summary>
    /// Finishes the rule: answer with a <c>toolUse</c> block calling <paramref name="name"/> with <paramref name="inputJson"/>,
    /// stopReason <c>tool_use</c>. A null name calls the tool the request forces, else the first one it offers.
    /// </summary>
    public ScriptRule ReplyToolUse(string? name, string inputJson) =>
        Reply(EmulatorReply.FromToolUse(name, inputJson, StopReasons.ToolUse, _inputTokens, _outputTokens));

    /// <summary>
    /// Finishes the rule: answer with one <c>toolUse</c> block per call, in order (parallel tool use), after a text
    /// block when <paramref name="preamble"/> is given; stopReason <c>tool_use</c>.
    /// </summary>
    public ScriptRule ReplyToolUses(IEnumerable<EmulatorToolCall> calls, string? preamble = null) =>
        Reply(EmulatorReply.FromToolUses(calls, preamble, _inputTokens, _outputTokens));

    /// <summary>Finishes the rule: answer with an error, e.g. <c>ReplyError("ThrottlingException", 429, "Rate exceeded")</c>.</summary>
    public ScriptRule ReplyError(string code, int status, string message) =>
        Reply(EmulatorReply.FromError(code, status, message));

    /// <summary>Finishes the rule with a prepared reply.</summary>
    public ScriptRule Reply(EmulatorReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (_added)
        {
            throw new InvalidOperationException("This rule already has its reply; start another with Script.When(...).");
        }

        _added = true;
        var rule = new ScriptRule(WithShare(_condition), WithFeatures(reply), _delay, _maxUses, _stream);
        _script.Add(rule);
        return rule;
    }
}
