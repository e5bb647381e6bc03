using Microsoft.Extensions.AI;
using PromptGen.Bedrock;

namespace PromptGen.AI;

/// <summary>Bedrock stop reasons and M.E.AI finish reasons, both ways.</summary>
internal static class BedrockFinishReasons
{
    public static ChatFinishReason? ToFinishReason(string? stopReason) => stopReason switch
    {
        null or "" => null,
        StopReasons.EndTurn or StopReasons.StopSequence => ChatFinishReason.Stop,
        StopReasons.MaxTokens or StopReasons.ModelContextWindowExceeded => ChatFinishReason.Length,
        StopReasons.ToolUse => ChatFinishReason.ToolCalls,
        StopReasons.GuardrailIntervened or StopReasons.ContentFiltered => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(stopReason),
    };

    public static string ToStopReason(ChatFinishReason? finishReason)
    {
        if (finishReason is not { } reason || reason == ChatFinishReason.Stop)
        {
            return StopReasons.EndTurn;
        }

        return reason == ChatFinishReason.Length ? StopReasons.MaxTokens
            : reason == ChatFinishReason.ToolCalls ? StopReasons.ToolUse
            : reason == ChatFinishReason.ContentFilter ? StopReasons.ContentFiltered
            : reason.Value;
    }

    public static UsageDetails? ToUsage(TokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokens,
        OutputTokenCount = usage.OutputTokens,
        TotalTokenCount = usage.TotalTokens,
        CachedInputTokenCount = usage.CacheReadInputTokens,
    };
}
