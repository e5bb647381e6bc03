using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>
/// Checks <c>toolUse</c> and <c>toolResult</c> content blocks (wire spec §3): their shape, the turn they belong in, and
/// that every tool result answers a tool use of the assistant turn before it.
/// </summary>
internal static class ToolBlockValidator
{
    private static readonly string[] ResultContentMembers = { "json", "text", "image", "document", "video", "searchResult" };
    private static readonly string[] ResultStatuses = { "success", "error" };

    /// <summary>Checks one content block that already passed the union check.</summary>
    public static void CheckBlock(JsonElement block, string? role, string path, ConstraintViolations violations)
    {
        if (ConverseRequestValidator.Member(block, "toolUse") is { } toolUse)
        {
            CheckToolUse(toolUse, role, $"{path}.toolUse", violations);
        }
        else if (ConverseRequestValidator.Member(block, "toolResult") is { } toolResult)
        {
            CheckToolResult(toolResult, role, $"{path}.toolResult", violations);
        }
    }

    /// <summary>Checks how tool blocks pair up across turns; run once every block is well-formed.</summary>
    public static EmulatorError? CheckConversation(JsonElement root)
    {
        List<JsonElement> messages = ConverseRequestValidator.Member(root, "messages")!.Value.EnumerateArray().ToList();
        bool usesTools = messages.Any(message => ToolUseIds(message).Any() || ToolResultIds(message).Any());
        if (usesTools && ConverseRequestValidator.Member(root, "toolConfig") is null)
        {
            return EmulatorErrors.Validation("The toolConfig field must be defined when using toolUse and toolResult content blocks.");
        }

        for (int index = 0; index < messages.Count; index++)
        {
            if (CheckResultsAnswerUses(messages, index) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    // Message indexes in these messages are 0-based, as the service words its conversation errors.
    private static EmulatorError? CheckResultsAnswerUses(List<JsonElement> messages, int index)
    {
        List<string> uses = index > 0 ? ToolUseIds(messages[index - 1]).ToList() : new List<string>();
        List<string> results = ToolResultIds(messages[index]).ToList();
        if (results.Count > uses.Count)
        {
            return EmulatorErrors.Validation(
                $"The number of toolResult blocks at messages.{index}.content exceeds the number of toolUse blocks of previous turn.");
        }

        if (results.FirstOrDefault(id => !uses.Contains(id, StringComparer.Ordinal)) is { } stray)
        {
            return EmulatorErrors.Validation(
                $"The toolResult block at messages.{index}.content with toolUseId '{stray}' matches no toolUse block of the previous turn.");
        }

        // The turn after an assistant's tool uses must answer each of them (a trailing assistant turn has no answer yet).
        bool answersPreviousTurn = index > 0 && uses.Count > 0 && RoleOf(messages[index]) == "user";
        List<string> unanswered = uses.Where(id => !results.Contains(id, StringComparer.Ordinal)).ToList();
        return answersPreviousTurn && unanswered.Count > 0
            ? EmulatorErrors.Validation($"Expected toolResult blocks at messages.{index}.content for the following Ids: {string.Join(", ", unanswered)}")
            : null;
    }

    private static void CheckToolUse(JsonElement toolUse, string? role, string path, ConstraintViolations violations)
    {
        if (toolUse.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(path, "an object");
            return;
        }

        if (role is not null && role != "assistant")
        {
            violations.Add(path, value: null, "toolUse blocks are allowed only in assistant messages");
        }

        MemberChecks.RequiredString(toolUse, "toolUseId", path, violations, MemberChecks.ToolUseId);
        MemberChecks.RequiredString(toolUse, "name", path, violations, MemberChecks.ToolName);
        if (ConverseRequestValidator.Member(toolUse, "input") is null)
        {
            violations.NotNull($"{path}.input");
        }
    }

    private static void CheckToolResult(JsonElement toolResult, string? role, string path, ConstraintViolations violations)
    {
        if (toolResult.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(path, "an object");
            return;
        }

        if (role is not null && role != "user")
        {
            violations.Add(path, value: null, "toolResult blocks are allowed only in user messages");
        }

        MemberChecks.RequiredString(toolResult, "toolUseId", path, violations, MemberChecks.ToolUseId);
        if (ConverseRequestValidator.Member(toolResult, "status") is { } status
            && MemberChecks.CheckString(status, $"{path}.status", violations) is { } value
            && !ResultStatuses.Contains(value, StringComparer.Ordinal))
        {
            violations.Add($"{path}.status", status, $"Member must satisfy enum value set: [{string.Join(", ", ResultStatuses)}]");
        }

        if (MemberChecks.RequiredList(toolResult, "content", path, violations, minLength: 0) is not { } content)
        {
            return;
        }

        int index = 0;
        foreach (JsonElement item in content.EnumerateArray())
        {
            index++;
            string itemPath = $"{path}.content.{index}.member";
            if (ConverseRequestValidator.CheckUnion(item, itemPath, violations)
                && item.EnumerateObject().First(member => member.Value.ValueKind != JsonValueKind.Null).Name is var name
                && !ResultContentMembers.Contains(name, StringComparer.Ordinal))
            {
                violations.Add(itemPath, value: null, $"Member must be one of: {string.Join(", ", ResultContentMembers)}");
            }
        }
    }

    private static IEnumerable<string> ToolUseIds(JsonElement message) => BlockIds(message, "toolUse");

    private static IEnumerable<string> ToolResultIds(JsonElement message) => BlockIds(message, "toolResult");

    private static IEnumerable<string> BlockIds(JsonElement message, string kind) =>
        ConverseRequestValidator.Member(message, "content") is { ValueKind: JsonValueKind.Array } content
            ? content.EnumerateArray()
                .Select(block => block.ValueKind == JsonValueKind.Object ? ConverseRequestValidator.Member(block, kind) : null)
                .Select(inner => inner is { ValueKind: JsonValueKind.Object } found ? ConverseRequestValidator.Member(found, "toolUseId") : null)
                .Where(id => id is { ValueKind: JsonValueKind.String })
                .Select(id => id!.Value.GetString()!)
            : Enumerable.Empty<string>();

    private static string? RoleOf(JsonElement message) =>
        ConverseRequestValidator.Member(message, "role") is { ValueKind: JsonValueKind.String } role ? role.GetString() : null;
}
