using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PromptGen.Testing.Scripting;

namespace PromptGen.Testing;

/// <summary>
/// The emulator's scripted answers: an ordered list of rules where the first matching rule with uses left answers.
/// Rules can be added while the emulator runs. What a call no rule answers gets is up to
/// <see cref="BedrockEmulatorOptions.UnmatchedCalls"/>: by default it fails once the script holds a rule that answers
/// (a reply, not only errors or faults), and gets the deterministic default reply while it holds none.
/// </summary>
public sealed class EmulatorScript
{
    private readonly object _gate = new();
    private readonly List<ScriptRule> _rules = new();

    /// <summary>The rules in the order they are tried.</summary>
    public IReadOnlyList<ScriptRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.ToArray();
            }
        }
    }

    /// <summary>
    /// Starts a rule that applies when every given criterion holds. Text criteria are case-sensitive; "prompt" is the
    /// text of the last user message and "system" the joined system text blocks.
    /// </summary>
    /// <param name="model">The exact model id (percent-decoded).</param>
    /// <param name="promptContains">A substring of the prompt.</param>
    /// <param name="promptMatches">A pattern found in the prompt.</param>
    /// <param name="systemContains">A substring of the system text.</param>
    /// <param name="systemMatches">A pattern found in the system text.</param>
    /// <param name="toolResultContains">
    /// A substring of one of the last user turn's <c>toolResult</c>s (text blocks, then json blocks as compact JSON):
    /// the turn after a tool call. Such a turn has no prompt text, so do not combine it with the prompt criteria.
    /// </param>
    public ScriptRuleBuilder When(
        string? model = null,
        string? promptContains = null,
        Regex? promptMatches = null,
        string? systemContains = null,
        Regex? systemMatches = null,
        string? toolResultContains = null) =>
        new(this, new RuleCondition
        {
            Model = model,
            PromptContains = promptContains,
            PromptMatches = promptMatches,
            SystemContains = systemContains,
            SystemMatches = systemMatches,
            ToolResultContains = toolResultContains,
        });

    /// <summary>Starts a rule that applies when <paramref name="predicate"/> returns true.</summary>
    public ScriptRuleBuilder When(Func<ConverseCall, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new ScriptRuleBuilder(this, new RuleCondition { Predicate = predicate });
    }

    /// <summary>Starts a rule that applies to every call.</summary>
    public ScriptRuleBuilder Always() => new(this, new RuleCondition());

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>
    /// Adds the rules of a JSON script after the existing ones. Nothing is added when the script is invalid. Schema
    /// (comments and trailing commas allowed; unknown members are errors, so typos are caught):
    /// <code>
    /// { "rules": [
    ///     { "model": "exact model id", "promptContains": "text", "promptMatches": "regex",
    ///       "systemContains": "text", "systemMatches": "regex",    // all optional; all given must hold
    ///       "toolResultContains": "text",                          // a tool result of the last user turn holds it
    ///       "times": 1,                                            // optional, >= 1: answer at most this many calls
    ///       "delayMs": 100,                                        // optional, >= 0
    ///       "reply": { "text": "...", "stopReason": "end_turn", "inputTokens": 3, "outputTokens": 5 } },
    ///     { "promptContains": "order", "reply": { "json": { "status": "shipped" } } },           // JSON text
    ///     { "promptContains": "weather", "reply": { "toolUse": { "name": "get_weather", "input": { "city": "Paris" } } } },
    ///     { "promptContains": "stocks", "reply": { "guardrailIntervention": { "message": "Sorry.", "topic": "Investment advice" } } },
    ///     { "model": "stability.sd3-5-large-v1:0", "promptContains": "forbidden",
    ///       "reply": { "contentFiltered": "prompt" } },                // or "output": each model's content-filter answer
    ///     { "promptContains": "why", "reply": { "text": "...",                                    // any reply kind may add:
    ///       "reasoning": { "text": "...", "signature": "..." },                                  // a reasoningContent block first
    ///       "cacheUsage": { "read": 900, "write": 0 } } },                                        // scripted cache tokens
    ///     { "promptContains": "fail", "error": { "code": "ThrottlingException", "status": 429, "message": "Rate exceeded",
    ///                                            "retryAfterSeconds": 2 } },                 // optional Retry-After
    ///     { "times": 1, "fault": "dropConnection" },                                       // close without answering
    ///     { "times": 1, "fault": { "truncatedBody": "answer text" } },                     // 200, half the body, close
    ///     { "share": 0.2, "seed": 7, "error": { "code": "ThrottlingException", "status": 429, "message": "slow down" } },
    ///     { "promptContains": "slow", "reply": { "text": "..." },                                  // ConverseStream shape
    ///       "stream": { "chunkSize": 4, "eventDelayMs": 20, "writeSize": 7,
    ///                   "fault": { "kind": "exception", "code": "throttlingException", "message": "...", "afterEvents": 3 } } }
    /// ] }
    /// </code>
    /// Each rule has exactly one of <c>reply</c>, <c>error</c> (code, status and message required) or <c>fault</c>;
    /// <c>share</c> (0 to 1, with an optional <c>seed</c>) makes the rule answer only that fraction of the calls it matches. A reply has exactly one of <c>contentFiltered</c> (<c>prompt</c> or <c>output</c>), <c>text</c>,
    /// <c>json</c> (any JSON value, sent as the text), <c>toolUse</c> (<c>input</c> required; without <c>name</c> the
    /// request's forced or first tool is called) or <c>toolUses</c> (an array of those: parallel tool calls). <c>stream</c> (optional) shapes ConverseStream answers; a stream <c>fault</c>'s
    /// <c>kind</c> is <c>exception</c> or <c>error</c> (both need <c>code</c>), <c>cutConnection</c>, <c>corruptFrame</c> or <c>stall</c>.
    /// </summary>
    /// <exception cref="EmulatorScriptException">The script is not valid; the message names the offending member.</exception>
    public void LoadJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        AddAll(ScriptJsonLoader.Parse(json, sourceName: null));
    }

    /// <summary>Adds the rules of a JSON script file; see <see cref="LoadJson"/>.</summary>
    /// <exception cref="EmulatorScriptException">The file cannot be read or is not a valid script.</exception>
    public void LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorScriptException($"Cannot read emulator script '{path}': {exception.Message}", exception);
        }

        AddAll(ScriptJsonLoader.Parse(json, sourceName: path));
    }

    internal void Add(ScriptRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    /// <summary>The first rule that matches and still has a use left, with that use taken; null when none does.</summary>
    internal ScriptRule? Claim(ConverseCall call)
    {
        foreach (ScriptRule rule in Rules)
        {
            if (rule.Matches(call) && rule.TryClaim())
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// True when a rule scripts an answer (text, JSON, tool use, content filter, guardrail): a script of errors and
    /// faults alone shapes failures around the default replies instead of replacing them.
    /// </summary>
    internal bool ScriptsAnswers => Rules.Any(rule => !rule.Reply.IsError && rule.Reply.Fault == EmulatorFault.None);

    private void AddAll(IEnumerable<ScriptRule> loaded)
    {
        lock (_gate)
        {
            _rules.AddRange(loaded);
        }
    }
}
