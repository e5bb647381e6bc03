using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>
/// Checks <c>outputConfig</c> against wire spec §3: <c>textFormat</c> of type <c>json_schema</c> whose schema is a
/// STRING holding a JSON object, and an <c>effort</c> of at most 16 characters.
/// </summary>
internal static class OutputConfigValidator
{
    private const string Path = "outputConfig";
    private const int MaxEffortLength = 16;

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

        if (ConverseRequestValidator.Member(config, "textFormat") is { } format)
        {
            CheckTextFormat(format, $"{Path}.textFormat", violations);
        }

        if (ConverseRequestValidator.Member(config, "effort") is { } effort
            && MemberChecks.CheckString(effort, $"{Path}.effort", violations) is { Length: > MaxEffortLength })
        {
            violations.Add($"{Path}.effort", effort, $"Member must have length less than or equal to {MaxEffortLength}");
        }
    }

    private static void CheckTextFormat(JsonElement format, string path, ConstraintViolations violations)
    {
        if (format.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(path, "an object");
            return;
        }

        if (MemberChecks.RequiredString(format, "type", path, violations) is { } type && type != "json_schema")
        {
            violations.Add($"{path}.type", format.GetProperty("type"), "Member must satisfy enum value set: [json_schema]");
        }

        if (MemberChecks.RequiredObject(format, "structure", path, violations) is not { } structure
            || !ConverseRequestValidator.CheckUnion(structure, $"{path}.structure", violations)
            || ConverseRequestValidator.Member(structure, "jsonSchema") is not { } jsonSchema)
        {
            return;
        }

        string schemaPath = $"{path}.structure.jsonSchema";
        if (jsonSchema.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(schemaPath, "an object");
            return;
        }

        if (MemberChecks.RequiredString(jsonSchema, "schema", schemaPath, violations) is { } schema && !IsJsonObject(schema))
        {
            violations.Add($"{schemaPath}.schema", value: null, "Member must be a string holding a JSON object (the JSON Schema)");
        }
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
