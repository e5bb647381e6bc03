using System;
using System.Text.Json;

namespace PromptGen.Testing.Scripting;

// The fault members of the JSON script format: "share"/"seed" on a rule, "fault" instead of "reply"/"error", and
// "retryAfterSeconds" on an error.
internal static partial class ScriptJsonLoader
{
    private static readonly string[] FaultNames = { "dropConnection", "truncatedBody", "largeBody" };
    private static readonly string[] LargeBodyMembers = { "bytes", "contentLength", "code", "status" };

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
        //        | {"largeBody": {"bytes": 1048576, "contentLength": false, "code": "ServiceUnavailableException", "status": 503}}
        if (fault.ValueKind == JsonValueKind.String && fault.GetString() == "dropConnection")
        {
            return EmulatorReply.DropConnection();
        }

        if (fault.ValueKind == JsonValueKind.Object)
        {
            RejectUnknownMembers(fault, path, new[] { "truncatedBody", "largeBody" });
            if (OptionalString(fault, "truncatedBody", path) is { } text)
            {
                return EmulatorReply.TruncatedText(text);
            }

            if (fault.TryGetProperty("largeBody", out JsonElement largeBody))
            {
                return ReadLargeBody(largeBody, $"{path}.largeBody");
            }
        }

        throw new ScriptFormatError($"{path} must be \"dropConnection\", {{\"truncatedBody\": \"answer text\"}} or {{\"largeBody\": {{...}}}}; known faults: {string.Join(", ", FaultNames)}.");
    }

    private static EmulatorReply ReadLargeBody(JsonElement largeBody, string path)
    {
        // No "bytes": a body that never ends. "code" and "status" together: an error response instead of an answer.
        if (largeBody.ValueKind != JsonValueKind.Object)
        {
            throw new ScriptFormatError($"{path} must be an object.");
        }

        RejectUnknownMembers(largeBody, path, LargeBodyMembers);
        long? bytes = null;
        if (largeBody.TryGetProperty("bytes", out JsonElement bytesValue))
        {
            bytes = bytesValue.ValueKind == JsonValueKind.Number && bytesValue.TryGetInt64(out long number) && number >= 0
                ? number
                : throw new ScriptFormatError($"{path}.bytes must be a whole number of bytes.");
        }

        bool announce = true;
        if (largeBody.TryGetProperty("contentLength", out JsonElement announceValue))
        {
            announce = announceValue.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? announceValue.GetBoolean()
                : throw new ScriptFormatError($"{path}.contentLength must be true or false.");
        }

        string? code = OptionalString(largeBody, "code", path);
        int? status = OptionalInt(largeBody, "status", path, minimum: 400);
        if ((code is null) != (status is null))
        {
            throw new ScriptFormatError($"{path} needs both 'code' and 'status' for an error response, or neither for an answer.");
        }

        try
        {
            return code is null ? EmulatorReply.LargeText(bytes, announce) : EmulatorReply.LargeError(code, status!.Value, bytes, announce);
        }
        catch (ArgumentException exception)
        {
            throw new ScriptFormatError($"{path}: {exception.Message}");
        }
    }

    private static EmulatorReply WithRetryAfter(JsonElement error, EmulatorReply reply, string path) =>
        OptionalInt(error, "retryAfterSeconds", path, minimum: 0) is { } seconds
            ? reply.WithRetryAfter(TimeSpan.FromSeconds(seconds))
            : reply;
}
