using System.Collections.Generic;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>
/// Collects broken input constraints and words them the way AWS's ValidationException does:
/// <c>1 validation error detected: Value at 'messages' failed to satisfy constraint: Member must not be null</c>.
/// Member paths follow AWS too: list items are 1-based, e.g. <c>messages.1.member.role</c>.
/// </summary>
internal sealed class ConstraintViolations
{
    private readonly List<string> _violations = new();

    public int Count => _violations.Count;

    public void NotNull(string path) => Add(path, value: null, "Member must not be null");

    public void WrongType(string path, string expected) => Add(path, value: null, $"Member must be {expected}");

    public void Add(string path, JsonElement? value, string constraint)
    {
        string shown = Show(value);
        _violations.Add($"Value{shown} at '{path}' failed to satisfy constraint: {constraint}");
    }

    public string? ToMessage()
    {
        if (_violations.Count == 0)
        {
            return null;
        }

        string noun = _violations.Count == 1 ? "error" : "errors";
        return $"{_violations.Count} validation {noun} detected: {string.Join("; ", _violations)}";
    }

    private static string Show(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => $" '{value.Value.GetString()}'",
        JsonValueKind.Number => $" '{value.Value.GetRawText()}'",
        JsonValueKind.Array when value.Value.GetArrayLength() == 0 => " '[]'",
        _ => string.Empty,
    };
}
