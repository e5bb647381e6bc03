using Microsoft.Extensions.AI;

namespace PromptGen.AI;

/// <summary>Bedrock stop reasons and M.E.AI finish reasons, both ways.</summary>
internal static class BedrockFinishReasons
{
    public static ChatFinishReason? ToFinishReason(StopReason? stopReason)
    {
        if (stopReason is not { } reason || reason.Value.Length == 0)
        {
            return null;
        }

        return reason == StopReason.EndTurn || reason == StopReason.StopSequence ? ChatFinishReason.Stop
            : reason == StopReason.MaxTokens || reason == StopReason.ModelContextWindowExceeded ? ChatFinishReason.Length
            : reason == StopReason.ToolUse ? ChatFinishReason.ToolCalls
            : reason == StopReason.GuardrailIntervened || reason == StopReason.ContentFiltered ? ChatFinishReason.ContentFilter
            : new ChatFinishReason(reason.Value);
    }

    public static StopReason ToStopReason(ChatFinishReason? finishReason)
    {
        if (finishReason is not { } reason || reason == ChatFinishReason.Stop)
        {
            return StopReason.EndTurn;
        }

        return reason == ChatFinishReason.Length ? StopReason.MaxTokens
            : reason == ChatFinishReason.ToolCalls ? StopReason.ToolUse
            : reason == ChatFinishReason.ContentFilter ? StopReason.ContentFiltered
            : new StopReason(reason.Value);
    }

    public static UsageDetails? ToUsage(TokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokens,
        OutputTokenCount = usage.OutputTokens,
        TotalTokenCount = usage.TotalTokens,
        CachedInputTokenCount = usage.CacheReadInputTokens,
    };
}
