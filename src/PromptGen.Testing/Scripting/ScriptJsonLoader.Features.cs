using System.Text.Json;

namespace PromptGen.Testing.Scripting;

internal static partial class ScriptJsonLoader
{
    private static readonly string[] GuardrailMembers = { "message", "topic" };
    private static readonly string[] ReasoningMembers = { "text", "signature" };
    private static readonly string[] CacheUsageMembers = { "read", "write" };

    /// <summary><c>{"message": "...", "topic": "..."}</c>, both optional: the guardrail blocks the prompt.</summary>
    private static EmulatorReply ReadGuardrailIntervention(JsonElement intervention, string path, int? inputTokens, int? outputTokens)
    {
        if (intervention.ValueKind != JsonValueKind.Object)
        {
            throw new ScriptFormatError($"{path} must be an object like {{\"message\": \"Sorry.\", \"topic\": \"Investment advice\"}}.");
        }

        RejectUnknownMembers(intervention, path, GuardrailMembers);
        string message = NonEmpty(intervention, "message", path) ?? EmulatorReply.DefaultBlockedMessage;
        string topic = NonEmpty(intervention, "topic", path) ?? "Denied topic";
        return EmulatorReply.FromGuardrailIntervention(message, topic, inputTokens, outputTokens);
    }

    /// <summary>The reply's optional <c>reasoning</c> and <c>cacheUsage</c>.</summary>
    private static EmulatorReply WithFeatures(EmulatorReply answer, JsonElement reply, string path)
    {
        if (reply.TryGetProperty("reasoning", out JsonElement reasoning))
        {
            string reasoningPath = $"{path}.reasoning";
            if (reasoning.ValueKind != JsonValueKind.Object)
            {
                throw new ScriptFormatError($"{reasoningPath} must be an object like {{\"text\": \"...\", \"signature\": \"...\"}}.");
            }

            RejectUnknownMembers(reasoning, reasoningPath, ReasoningMembers);
            string text = NonEmpty(reasoning, "text", reasoningPath) ?? throw new ScriptFormatError($"{reasoningPath}.text is required.");
            answer = answer.WithReasoning(text, NonEmpty(reasoning, "signature", reasoningPath) ?? EmulatorReply.DefaultReasoningSignature);
        }

        if (reply.TryGetProperty("cacheUsage", out JsonElement cacheUsage))
        {
            string cachePath = $"{path}.cacheUsage";
            if (cacheUsage.ValueKind != JsonValueKind.Object)
            {
                throw new ScriptFormatError($"{cachePath} must be an object like {{\"read\": 900, \"write\": 0}}.");
            }

            RejectUnknownMembers(cacheUsage, cachePath, CacheUsageMembers);
            answer = answer.WithCacheUsage(OptionalInt(cacheUsage, "read", cachePath, minimum: 0) ?? 0, OptionalInt(cacheUsage, "write", cachePath, minimum: 0) ?? 0);
        }

        return answer;
    }

    private static string? NonEmpty(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) is { } value
            ? value.Length > 0 ? value : throw new ScriptFormatError($"{path}.{name} cannot be empty.")
            : null;
}
