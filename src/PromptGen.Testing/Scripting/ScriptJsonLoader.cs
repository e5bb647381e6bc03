using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PromptGen.Testing.Scripting;

/// <summary>Reads the JSON script format documented on <see cref="EmulatorScript.LoadJson"/>.</summary>
internal static partial class ScriptJsonLoader
{
    private static readonly string[] RuleMembers =
        { "model", "promptContains", "promptMatches", "systemContains", "systemMatches", "toolResultContains", "times", "delayMs", "reply", "error", "fault", "share", "seed", "stream" };

    private static readonly string[] ReplyMembers =
        { "text", "json", "toolUse", "toolUses", "guardrailIntervention", "contentFiltered", "stopReason", "inputTokens", "outputTokens", "reasoning", "cacheUsage" };

    private static readonly string[] ReplyKinds = { "text", "json", "toolUse", "toolUses", "guardrailIntervention", "contentFiltered" };

    private static readonly string[] ToolUseMembers = { "name", "input" };

    private static readonly string[] ErrorMembers = { "code", "status", "message", "retryAfterSeconds" };

    // A script's patterns come from a file someone typed; a runaway pattern should fail a call, not hang the emulator.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static List<ScriptRule> Parse(string json, string? sourceName)
    {
        string where = sourceName is null ? "Invalid emulator script" : $"Invalid emulator script '{sourceName}'";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new EmulatorScriptException($"{where}: not valid JSON ({exception.Message})", exception);
        }

        using (document)
        {
            try
            {
                return ReadScript(document.RootElement);
            }
            catch (ScriptFormatError error)
            {
                throw new EmulatorScriptException($"{where}: {error.Message}");
            }
        }
    }

    private static List<ScriptRule> ReadScript(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ScriptFormatError("the top level must be an object like {\"rules\": [...]}.");
        }

        RejectUnknownMembers(root, "the top level", new[] { "rules" });
        if (!root.TryGetProperty("rules", out JsonElement rules) || rules.ValueKind != JsonValueKind.Array)
        {
            throw new ScriptFormatError("'rules' must be a list of rules.");
        }

        return rules.EnumerateArray().Select((rule, index) => ReadRule(rule, $"rules[{index}]")).ToList();
    }

    private static ScriptRule ReadRule(JsonElement rule, string path)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            throw new ScriptFormatError($"{path} must be an object.");
        }

        RejectUnknownMembers(rule, path, RuleMembers);
        RuleCondition condition = ReadShare(rule, new RuleCondition
        {
            Model = OptionalString(rule, "model", path),
            PromptContains = OptionalString(rule, "promptContains", path),
            PromptMatches = OptionalRegex(rule, "promptMatches", path),
            SystemContains = OptionalString(rule, "systemContains", path),
            SystemMatches = OptionalRegex(rule, "systemMatches", path),
            ToolResultContains = OptionalString(rule, "toolResultContains", path),
        }, path);

        int? times = OptionalInt(rule, "times", path, minimum: 1);
        int delayMs = OptionalInt(rule, "delayMs", path, minimum: 0) ?? 0;

        bool hasReply = rule.TryGetProperty("reply", out JsonElement reply);
        bool hasError = rule.TryGetProperty("error", out JsonElement error);
        bool hasFault = rule.TryGetProperty("fault", out JsonElement fault);
        if ((hasReply ? 1 : 0) + (hasError ? 1 : 0) + (hasFault ? 1 : 0) != 1)
        {
            throw new ScriptFormatError($"{path} must have exactly one of 'reply', 'error' or 'fault'.");
        }

        EmulatorReply answer = hasReply ? WithFeatures(ReadReply(reply, $"{path}.reply"), reply, $"{path}.reply")
            : hasError ? ReadError(error, $"{path}.error")
            : ReadFault(fault, $"{path}.fault");
        return new ScriptRule(condition, answer, TimeSpan.FromMilliseconds(delayMs), times, ReadStream(rule, path));
    }

    private static EmulatorReply ReadReply(JsonElement reply, string path)
    {
        if (reply.ValueKind != JsonValueKind.Object)
        {
            throw new ScriptFormatError($"{path} must be an object.");
        }

        RejectUnknownMembers(reply, path, ReplyMembers);
        string[] kinds = ReplyKinds.Where(kind => reply.TryGetProperty(kind, out _)).ToArray();
        if (kinds.Length != 1)
        {
            throw new ScriptFormatError($"{path} must have exactly one of 'text', 'json', 'toolUse', 'toolUses', 'guardrailIntervention' or 'contentFiltered'.");
        }

        int? inputTokens = OptionalInt(reply, "inputTokens", path, minimum: 0);
        int? outputTokens = OptionalInt(reply, "outputTokens", path, minimum: 0);
        string? stopReason = OptionalString(reply, "stopReason", path);
        if (stopReason is { Length: 0 })
        {
            throw new ScriptFormatError($"{path}.stopReason cannot be empty.");
        }

        switch (kinds[0])
        {
            case "json":
                // The JSON is written as a value in the script and sent as the text of the answer.
                return EmulatorReply.FromText(Compact(reply.GetProperty("json")), stopReason ?? StopReasons.EndTurn, inputTokens, outputTokens);
            case "toolUse":
                (string? name, string input) = ReadToolUse(reply.GetProperty("toolUse"), $"{path}.toolUse");
                return EmulatorReply.FromToolUse(name, input, stopReason ?? StopReasons.ToolUse, inputTokens, outputTokens);
            case "toolUses":
                return ReadToolUses(reply.GetProperty("toolUses"), $"{path}.toolUses", stopReason, inputTokens, outputTokens);
            case "contentFiltered":
                return stopReason is null && inputTokens is null && outputTokens is null
                    ? EmulatorReply.FromContentFilter(OptionalString(reply, "contentFiltered", path) switch
                    {
                        "prompt" => ContentFilterStage.Prompt,
                        "output" => ContentFilterStage.Output,
                        _ => throw new ScriptFormatError($"{path}.contentFiltered must be \"prompt\" or \"output\"."),
                    })
                    : throw new ScriptFormatError($"{path}: a content-filter reply takes no stopReason or token counts.");
            case "guardrailIntervention":
                return stopReason is null
                    ? ReadGuardrailIntervention(reply.GetProperty("guardrailIntervention"), $"{path}.guardrailIntervention", inputTokens, outputTokens)
                    : throw new ScriptFormatError($"{path}: a guardrail intervention stops with 'guardrail_intervened'; leave out stopReason.");
            default:
                string text = OptionalString(reply, "text", path)!;
                return EmulatorReply.FromText(text, stopReason ?? StopReasons.EndTurn, inputTokens, outputTokens);
        }
    }

    private static EmulatorReply ReadToolUses(JsonElement toolUses, string path, string? stopReason, int? inputTokens, int? outputTokens)
    {
        if (toolUses.ValueKind != JsonValueKind.Array || toolUses.GetArrayLength() == 0)
        {
            throw new ScriptFormatError($"{path} must be a non-empty array of {{\"name\": \"tool\", \"input\": {{...}}}} objects.");
        }

        var calls = new List<EmulatorToolCall>();
        int index = 0;
        foreach (JsonElement toolUse in toolUses.EnumerateArray())
        {
            (string? name, string input) = ReadToolUse(toolUse, $"{path}[{index++}]");
            calls.Add(new EmulatorToolCall(name, input));
        }

        EmulatorReply reply = EmulatorReply.FromToolUses(calls, preamble: null, inputTokens, outputTokens);
        return stopReason is null || stopReason == StopReasons.ToolUse ? reply : throw new ScriptFormatError($"{path}: a reply with toolUses stops with 'tool_use'.");
    }

    private static (string? Name, string InputJson) ReadToolUse(JsonElement toolUse, string path)
    {
        if (toolUse.ValueKind != JsonValueKind.Object)
        {
            throw new ScriptFormatError($"{path} must be an object like {{\"name\": \"tool\", \"input\": {{...}}}}.");
        }

        RejectUnknownMembers(toolUse, path, ToolUseMembers);
        string? name = OptionalString(toolUse, "name", path);
        if (name is not null && !Regex.IsMatch(name, "^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant, RegexTimeout))
        {
            throw new ScriptFormatError($"{path}.name must match [a-zA-Z0-9_-]{{1,64}}; got '{name}'.");
        }

        if (!toolUse.TryGetProperty("input", out JsonElement input))
        {
            throw new ScriptFormatError($"{path}.input is required.");
        }

        return (name, Compact(input));
    }

    // A script is written for people; the model's answer is compact JSON, as real models send it.
    private static string Compact(JsonElement value) => JsonSerializer.Serialize(value);

    private static EmulatorReply ReadError(JsonElement error, string path)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            throw new ScriptFormatError($"{path} must be an object.");
        }

        RejectUnknownMembers(error, path, ErrorMembers);
        string code = OptionalString(error, "code", path) ?? throw new ScriptFormatError($"{path}.code is required.");
        int status = OptionalInt(error, "status", path, minimum: 400) ?? throw new ScriptFormatError($"{path}.status is required.");
        string message = OptionalString(error, "message", path) ?? throw new ScriptFormatError($"{path}.message is required.");
        try
        {
            return WithRetryAfter(error, EmulatorReply.FromError(code, status, message), path);
        }
        catch (ArgumentException exception)
        {
            throw new ScriptFormatError($"{path}: {exception.Message}");
        }
    }

    private static void RejectUnknownMembers(JsonElement element, string path, string[] known)
    {
        foreach (JsonProperty member in element.EnumerateObject())
        {
            if (!known.Contains(member.Name, StringComparer.Ordinal))
            {
                throw new ScriptFormatError($"{path} has unknown member '{member.Name}'; known members: {string.Join(", ", known)}.");
            }
        }
    }

    private static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ScriptFormatError($"{path}.{name} must be a string.");
    }

    private static int? OptionalInt(JsonElement parent, string name, string path, int minimum)
    {
        if (!parent.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
        {
            throw new ScriptFormatError($"{path}.{name} must be an integer.");
        }

        return number >= minimum ? number : throw new ScriptFormatError($"{path}.{name} must be at least {minimum}; got {number}.");
    }

    private static Regex? OptionalRegex(JsonElement parent, string name, string path)
    {
        string? pattern = OptionalString(parent, name, path);
        if (pattern is null)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new ScriptFormatError($"{path}.{name} is not a valid regular expression: {exception.Message}");
        }
    }

    /// <summary>Carries a schema problem up to <see cref="Parse"/>, which adds where the script came from.</summary>
    private sealed class ScriptFormatError : Exception
    {
        public ScriptFormatError(string message)
            : base(message)
        {
        }
    }
}
