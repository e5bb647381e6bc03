using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>
/// Checks a Converse request against the input constraints of spec §3. Members the emulator does not know are ignored,
/// as rest-json services do, so newer clients are not refused.
/// </summary>
internal static class ConverseRequestValidator
{
    private static readonly string[] Roles = { "user", "assistant", "system" };

    private const string StartWithUser =
        "A conversation must start with a user message. Try again with a conversation that starts with a user message.";

    private const string AlternateRoles =
        "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.";

    public static EmulatorError? Validate(string modelId, string? contentType, ConverseBody body)
    {
        if (!IsJsonContentType(contentType))
        {
            return EmulatorErrors.Validation(
                $"The request Content-Type must be application/json; got '{contentType ?? "(none)"}'.");
        }

        if (body.Root is not { } root)
        {
            return EmulatorErrors.Validation($"Malformed input request: {body.Problem}");
        }

        var violations = new ConstraintViolations();
        CheckModelId(modelId, violations);
        List<string>? roles = CheckMessages(root, violations);
        CheckSystem(root, violations);
        CheckInferenceConfig(root, violations);
        ToolConfigValidator.Check(root, violations);
        OutputConfigValidator.Check(root, violations);
        InvocationOptionsValidator.Check(root, violations);

        if (violations.ToMessage() is { } message)
        {
            return EmulatorErrors.Validation(message);
        }

        return CheckConversationOrder(roles!) ?? ToolBlockValidator.CheckConversation(root) ?? MediaBlockValidator.CheckConversation(root);
    }

    private static bool IsJsonContentType(string? contentType)
    {
        string mediaType = contentType?.Split(';')[0].Trim() ?? string.Empty;
        return string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase);
    }

    private static void CheckModelId(string modelId, ConstraintViolations violations)
    {
        JsonElement value = JsonSerializer.SerializeToElement(modelId);
        if (modelId.Length < 1)
        {
            violations.Add("modelId", value, "Member must have length greater than or equal to 1");
        }
        else if (modelId.Length > ModelIdShape.MaxLength)
        {
            violations.Add("modelId", value, $"Member must have length less than or equal to {ModelIdShape.MaxLength}");
        }
        else if (!ModelIdShape.Matches(modelId))
        {
            violations.Add("modelId", value, $"Member must satisfy regular expression pattern: {ModelIdShape.Pattern}");
        }
    }

    /// <returns>The roles in order, or null when the list itself is unusable.</returns>
    private static List<string>? CheckMessages(JsonElement root, ConstraintViolations violations)
    {
        if (Member(root, "messages") is not { } messages)
        {
            violations.NotNull("messages");
            return null;
        }

        if (messages.ValueKind != JsonValueKind.Array)
        {
            violations.WrongType("messages", "a list");
            return null;
        }

        if (messages.GetArrayLength() == 0)
        {
            violations.Add("messages", messages, "Member must have length greater than or equal to 1");
            return null;
        }

        var roles = new List<string>();
        int index = 0;
        foreach (JsonElement message in messages.EnumerateArray())
        {
            index++;
            string path = $"messages.{index}.member";
            if (message.ValueKind != JsonValueKind.Object)
            {
                violations.WrongType(path, "an object");
                continue;
            }

            string? role = CheckRole(message, path, violations);
            roles.Add(role ?? string.Empty);
            CheckContent(message, role, path, violations);
        }

        return roles;
    }

    private static string? CheckRole(JsonElement message, string path, ConstraintViolations violations)
    {
        if (Member(message, "role") is not { } role)
        {
            violations.NotNull($"{path}.role");
            return null;
        }

        if (role.ValueKind != JsonValueKind.String)
        {
            violations.WrongType($"{path}.role", "a string");
            return null;
        }

        string value = role.GetString()!;
        if (!Roles.Contains(value, StringComparer.Ordinal))
        {
            violations.Add($"{path}.role", role, $"Member must satisfy enum value set: [{string.Join(", ", Roles)}]");
        }

        return value;
    }

    private static void CheckContent(JsonElement message, string? role, string path, ConstraintViolations violations)
    {
        string contentPath = $"{path}.content";
        if (Member(message, "content") is not { } content)
        {
            violations.NotNull(contentPath);
            return;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            violations.WrongType(contentPath, "a list");
            return;
        }

        if (content.GetArrayLength() == 0)
        {
            violations.Add(contentPath, content, "Member must have length greater than or equal to 1");
            return;
        }

        int index = 0;
        foreach (JsonElement block in content.EnumerateArray())
        {
            index++;
            string blockPath = $"{contentPath}.{index}.member";
            if (!CheckUnion(block, blockPath, violations))
            {
                continue;
            }

            if (Member(block, "text") is { } text && text.ValueKind != JsonValueKind.String)
            {
                violations.WrongType($"{blockPath}.text", "a string");
            }

            ToolBlockValidator.CheckBlock(block, role, blockPath, violations);
            InvocationOptionsValidator.CheckCachePoint(block, blockPath, violations);
            MediaBlockValidator.CheckBlock(block, role, blockPath, violations);
        }
    }

    private static void CheckSystem(JsonElement root, ConstraintViolations violations)
    {
        if (Member(root, "system") is not { } system)
        {
            return;
        }

        if (system.ValueKind != JsonValueKind.Array)
        {
            violations.WrongType("system", "a list");
            return;
        }

        int index = 0;
        foreach (JsonElement block in system.EnumerateArray())
        {
            index++;
            string blockPath = $"system.{index}.member";
            if (!CheckUnion(block, blockPath, violations))
            {
                continue;
            }

            InvocationOptionsValidator.CheckCachePoint(block, blockPath, violations);
            if (Member(block, "text") is not { } text)
            {
                continue;
            }

            if (text.ValueKind != JsonValueKind.String)
            {
                violations.WrongType($"{blockPath}.text", "a string");
            }
            else if (text.GetString()!.Length < 1)
            {
                violations.Add($"{blockPath}.text", text, "Member must have length greater than or equal to 1");
            }
        }
    }

    private static void CheckInferenceConfig(JsonElement root, ConstraintViolations violations)
    {
        if (Member(root, "inferenceConfig") is not { } config)
        {
            return;
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType("inferenceConfig", "an object");
            return;
        }

        if (Member(config, "maxTokens") is { } maxTokens)
        {
            if (maxTokens.ValueKind != JsonValueKind.Number || !maxTokens.TryGetInt64(out long tokens))
            {
                violations.WrongType("inferenceConfig.maxTokens", "an integer");
            }
            else if (tokens < 1)
            {
                violations.Add("inferenceConfig.maxTokens", maxTokens, "Member must have value greater than or equal to 1");
            }
        }

        CheckUnitInterval(config, "temperature", violations);
        CheckUnitInterval(config, "topP", violations);
        CheckStopSequences(config, violations);
    }

    private static void CheckUnitInterval(JsonElement config, string name, ConstraintViolations violations)
    {
        if (Member(config, name) is not { } value)
        {
            return;
        }

        string path = $"inferenceConfig.{name}";
        if (value.ValueKind != JsonValueKind.Number)
        {
            violations.WrongType(path, "a number");
            return;
        }

        double number = value.GetDouble();
        if (number < 0)
        {
            violations.Add(path, value, "Member must have value greater than or equal to 0");
        }
        else if (number > 1)
        {
            violations.Add(path, value, "Member must have value less than or equal to 1");
        }
    }

    private static void CheckStopSequences(JsonElement config, ConstraintViolations violations)
    {
        const int MaxStopSequences = 2500;
        const string Path = "inferenceConfig.stopSequences";
        if (Member(config, "stopSequences") is not { } sequences)
        {
            return;
        }

        if (sequences.ValueKind != JsonValueKind.Array)
        {
            violations.WrongType(Path, "a list");
            return;
        }

        if (sequences.GetArrayLength() > MaxStopSequences)
        {
            violations.Add(Path, sequences, $"Member must have length less than or equal to {MaxStopSequences}");
        }

        int index = 0;
        foreach (JsonElement sequence in sequences.EnumerateArray())
        {
            index++;
            string path = $"{Path}.{index}.member";
            if (sequence.ValueKind != JsonValueKind.String)
            {
                violations.WrongType(path, "a string");
            }
            else if (sequence.GetString()!.Length < 1)
            {
                violations.Add(path, sequence, "Member must have length greater than or equal to 1");
            }
        }
    }

    /// <returns>True when <paramref name="block"/> is an object with exactly one member set.</returns>
    internal static bool CheckUnion(JsonElement block, string path, ConstraintViolations violations)
    {
        if (block.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(path, "an object");
            return false;
        }

        int set = block.EnumerateObject().Count(member => member.Value.ValueKind != JsonValueKind.Null);
        if (set != 1)
        {
            violations.Add(path, value: null, $"Member must have exactly one union member set, found {set}");
            return false;
        }

        return true;
    }

    private static EmulatorError? CheckConversationOrder(List<string> roles)
    {
        if (roles[0] != "user")
        {
            return EmulatorErrors.Validation(StartWithUser);
        }

        for (int i = 1; i < roles.Count; i++)
        {
            bool alternates = roles[i] is "user" or "assistant" && roles[i] != roles[i - 1];
            if (!alternates)
            {
                return EmulatorErrors.Validation(AlternateRoles);
            }
        }

        return null;
    }

    /// <summary>A member's value, treating an explicit JSON null like an absent member (as rest-json deserializers do).</summary>
    internal static JsonElement? Member(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
