using System;

namespace PromptGen.Testing;

/// <summary>
/// One <c>toolUse</c> block of a scripted answer: the tool to call (null: the request's forced tool, else its first)
/// and its input as JSON.
/// </summary>
public sealed record EmulatorToolCall(string? Name, string InputJson);

/// <summary>A <c>toolResult</c> block of the request's last user turn, as a rule condition sees it.</summary>
/// <param name="ToolUseId">The <c>toolUseId</c> it answers.</param>
/// <param name="Status"><c>success</c>, <c>error</c>, or null when the block sets none.</param>
/// <param name="Text">The result's text blocks, joined with newlines, then its json blocks as compact JSON.</param>
public sealed record EmulatorToolResult(string ToolUseId, string? Status, string Text)
{
    /// <summary>True when the result has status <c>error</c>.</summary>
    public bool IsError => string.Equals(Status, "error", StringComparison.Ordinal);
}
