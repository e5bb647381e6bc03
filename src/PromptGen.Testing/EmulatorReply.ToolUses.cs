using System;
using System.Collections.Generic;
using System.Linq;
using PromptGen.Testing.Scripting;

namespace PromptGen.Testing;

// Answers with several tool calls at once (parallel tool use), optionally after some text.
public sealed partial class EmulatorReply
{
    /// <summary>The tool calls of a tool-use reply, in order (one for <see cref="FromToolUse"/>).</summary>
    public IReadOnlyList<EmulatorToolCall> ToolCalls { get; private init; } = Array.Empty<EmulatorToolCall>();

    /// <summary>Text the model says before its tool calls; null for none.</summary>
    public string? ToolPreamble { get; private init; }

    /// <summary>
    /// A tool-use answer with one <c>toolUse</c> block per call (ids <c>tooluse_&lt;n&gt;</c>, in order), after a
    /// text block when <paramref name="preamble"/> is given; stopReason <c>tool_use</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No calls, a name that breaks the tool-name pattern, or input that is not JSON.</exception>
    public static EmulatorReply FromToolUses(IEnumerable<EmulatorToolCall> calls, string? preamble = null, int? inputTokens = null, int? outputTokens = null)
    {
        ArgumentNullException.ThrowIfNull(calls);
        EmulatorToolCall[] list = calls.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A tool-use reply needs at least one call.", nameof(calls));
        }

        foreach (EmulatorToolCall call in list)
        {
            ArgumentNullException.ThrowIfNull(call, nameof(calls));
            _ = FromToolUse(call.Name, call.InputJson); // validates the name and the JSON
        }

        EmulatorReply first = FromToolUse(list[0].Name, list[0].InputJson, StopReasons.ToolUse, inputTokens, outputTokens);
        return first.WithToolCalls(list, preamble);
    }

    private EmulatorReply WithToolCalls(IReadOnlyList<EmulatorToolCall> calls, string? preamble) =>
        new(Text, StopReason, InputTokens, OutputTokens, ErrorCode, ErrorStatus, ErrorMessage)
        {
            IsToolUse = true,
            ToolName = calls[0].Name,
            ToolInputJson = calls[0].InputJson,
            ToolCalls = calls,
            ToolPreamble = preamble,
            Fault = Fault,
            RetryAfter = RetryAfter,
        };
}
