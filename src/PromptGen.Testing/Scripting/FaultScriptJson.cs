using System;
using System.Text.Json;

namespace PromptGen.Testing.Scripting;

// The fault members of the JSON script format: "share"/"seed" on a rule, "fault" instead of "reply"/"error", and
// "retryAfterSeconds" on an error.
internal static partial class ScriptJsonLoader
{
    private static readonly string[] FaultNames = { "dropConnection", "truncatedBody" };

    private static RuleCondition ReadShare(JsonElement rule, RuleCondition condition, string path)
    {
        if (!rule.TryGetProperty("share", out JsonElement shareValue))
        {
            return rule.TryGetProperty("seed", out _) ? throw new ScriptFormatError($"{path}.seed needs 'share'.") : condition;
        }

        if (shareValue.ValueKind != JsonValueKind.Number || shareValue.GetDouble() is < 0 or > 1)
        {
            throw new ScriptFormatError($"{path}.share must be a number from 0 to 1.");
        }

        int seed = OptionalInt(rule, "seed", path, minimum: int.MinValue) ?? 0;
        return condition.WithShare(new FaultShare(shareValue.GetDouble(), seed));
    }

    private static EmulatorReply ReadFault(JsonElement fault, string path)
    {
        // "fault": "dropConnection" | {"truncatedBody": "text of the answer that gets cut"}
        if (fault.ValueKind == JsonValueKind.String && fault.GetString() == "dropConnection")
        {
            return EmulatorReply.DropConnection();
        }

        if (fault.ValueKind == JsonValueKind.Object)
        {
            RejectUnknownMembers(fault, path, new[] { "truncatedBody" });
            if (OptionalString(fault, "truncatedBody", path) is { } text)
            {
                return EmulatorReply.TruncatedText(text);
            }
        }

        throw new ScriptFormatError($"{path} must be \"dropConnection\" or {{\"truncatedBody\": \"answer text\"}}; known faults: {string.Join(", ", FaultNames)}.");
    }

    private static EmulatorReply WithRetryAfter(JsonElement error, EmulatorReply reply, string path) =>
        OptionalInt(error, "retryAfterSeconds", path, minimum: 0) is { } seconds
            ? reply.WithRetryAfter(TimeSpan.FromSeconds(seconds))
            : reply;
}
