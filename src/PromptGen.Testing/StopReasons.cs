namespace PromptGen.Testing;

/// <summary>Converse <c>stopReason</c> values an emulated reply is likely to use. Any string is allowed.</summary>
public static class StopReasons
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
