namespace PromptGen.Testing.Scripting;

/// <summary>
/// Converse <c>stopReason</c> values the emulator's own replies use. Scripts pass any string (<c>"max_tokens"</c>); the
/// client's typed vocabulary is <c>PromptGen.StopReason</c>, which the emulator does not reference on purpose.
/// </summary>
internal static class StopReasons
{
    /// <summary>The model finished its turn.</summary>
    public const string EndTurn = "end_turn";

    /// <summary>The reply hit <c>inferenceConfig.maxTokens</c>.</summary>
    public const string MaxTokens = "max_tokens";

    /// <summary>The reply hit one of <c>inferenceConfig.stopSequences</c>.</summary>
    public const string StopSequence = "stop_sequence";

    /// <summary>The model asks for a tool call.</summary>
    public const string ToolUse = "tool_use";

    /// <summary>A guardrail intervened.</summary>
    public const string GuardrailIntervened = "guardrail_intervened";

    /// <summary>Content filters blocked the reply.</summary>
    public const string ContentFiltered = "content_filtered";
}
