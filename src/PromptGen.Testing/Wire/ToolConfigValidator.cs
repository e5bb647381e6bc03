using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>Checks <c>toolConfig</c> against wire spec §3: at least one tool, tool unions, names, schemas and the tool choice.</summary>
internal static class ToolConfigValidator
{
    private const string Path = "toolConfig";

    public static void Check(JsonElement root, ConstraintViolations violations)
    {
        if (ConverseRequestValidator.Member(root, Path) is not { } config)
        {
            return;
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(Path, "an object");
            return;
        }

        List<string> names = CheckTools(config, violations);
        CheckToolChoice(config, names, violations);
    }

    /// <returns>The names of the well-formed tool specs.</returns>
    private static List<string> CheckTools(JsonElement config, ConstraintViolations violations)
    {
        var names = new List<string>();
        if (MemberChecks.RequiredList(config, "tools", Path, violations, minLength: 1) is not { } tools)
        {
            return names;
        }

        int index = 0;
        foreach (JsonElement tool in tools.EnumerateArray())
        {
            index++;
            string toolPath = $"{Path}.tools.{index}.member";
            if (!ConverseRequestValidator.CheckUnion(tool, toolPath, violations))
            {
                continue;
            }

            if (ConverseRequestValidator.Member(tool, "toolSpec") is { } spec && CheckToolSpec(spec, $"{toolPath}.toolSpec", violations) is { } name)
            {
                names.Add(name);
            }
            else if (ConverseRequestValidator.Member(tool, "systemTool") is { ValueKind: JsonValueKind.Object } systemTool)
            {
                MemberChecks.RequiredString(systemTool, "name", $"{toolPath}.systemTool", violations);
            }
            else
            {
                InvocationOptionsValidator.CheckCachePoint(tool, toolPath, violations);
            }
        }

        foreach (string duplicate in names.GroupBy(name => name, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key))
        {
            violations.Add($"{Path}.tools", value: null, $"Tool names must be unique; '{duplicate}' is defined more than once");
        }

        return names;
    }

    private static string? CheckToolSpec(JsonElement spec, string path, ConstraintViolations violations)
    {
        if (spec.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(path, "an object");
            return null;
        }

        string? name = MemberChecks.RequiredString(spec, "name", path, violations, MemberChecks.ToolName);
        if (ConverseRequestValidator.Member(spec, "description") is { } description)
        {
            MemberChecks.CheckString(description, $"{path}.description", violations);
        }

        if (ConverseRequestValidator.Member(spec, "strict") is { } strict && strict.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            violations.WrongType($"{path}.strict", "a boolean");
        }

        if (MemberChecks.RequiredObject(spec, "inputSchema", path, violations) is { } schema
            && ConverseRequestValidator.CheckUnion(schema, $"{path}.inputSchema", violations)
            && ConverseRequestValidator.Member(schema, "json") is { } json
            && json.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType($"{path}.inputSchema.json", "a JSON object (a JSON Schema)");
        }

        return name;
    }

    private static void CheckToolChoice(JsonElement config, List<string> toolNames, ConstraintViolations violations)
    {
        const string ChoicePath = Path + ".toolChoice";
        if (ConverseRequestValidator.Member(config, "toolChoice") is not { } choice
            || !ConverseRequestValidator.CheckUnion(choice, ChoicePath, violations))
        {
            return;
        }

        JsonProperty member = choice.EnumerateObject().First(property => property.Value.ValueKind != JsonValueKind.Null);
        string memberPath = $"{ChoicePath}.{member.Name}";
        if (member.Value.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(memberPath, "an object");
            return;
        }

        if (member.Name == "tool"
            && MemberChecks.RequiredString(member.Value, "name", memberPath, violations, MemberChecks.ToolName) is { } name
            && toolNames.Count > 0
            && !toolNames.Contains(name, StringComparer.Ordinal))
        {
            violations.Add($"{memberPath}.name", member.Value.GetProperty("name"), "Member must name a tool defined in toolConfig.tools");
        }
    }
}
