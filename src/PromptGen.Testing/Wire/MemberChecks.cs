using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PromptGen.Testing.Wire;

/// <summary>The member constraints that recur across the Converse shapes, worded as <see cref="ConstraintViolations"/> words them.</summary>
internal static class MemberChecks
{
    /// <summary>Tool names (<c>toolSpec.name</c>, <c>toolUse.name</c>): wire spec §3.</summary>
    public static readonly NamePattern ToolName = new("[a-zA-Z0-9_-]+", 64);

    /// <summary><c>toolUse.toolUseId</c> and <c>toolResult.toolUseId</c>: wire spec §3.</summary>
    public static readonly NamePattern ToolUseId = new("[a-zA-Z0-9_.:-]+", 64);

    /// <returns>The string, or null when it is absent or broken (the violation is recorded).</returns>
    public static string? RequiredString(JsonElement parent, string name, string path, ConstraintViolations violations, NamePattern? pattern = null)
    {
        string memberPath = $"{path}.{name}";
        if (ConverseRequestValidator.Member(parent, name) is not { } value)
        {
            violations.NotNull(memberPath);
            return null;
        }

        return CheckString(value, memberPath, violations, pattern);
    }

    /// <returns>The string, or null when it is broken (the violation is recorded).</returns>
    public static string? CheckString(JsonElement value, string path, ConstraintViolations violations, NamePattern? pattern = null)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            violations.WrongType(path, "a string");
            return null;
        }

        string text = value.GetString()!;
        if (text.Length < 1)
        {
            violations.Add(path, value, "Member must have length greater than or equal to 1");
            return null;
        }

        if (pattern is not null && text.Length > pattern.MaxLength)
        {
            violations.Add(path, value, $"Member must have length less than or equal to {pattern.MaxLength}");
            return null;
        }

        if (pattern is not null && !pattern.IsMatch(text))
        {
            violations.Add(path, value, $"Member must satisfy regular expression pattern: {pattern.Pattern}");
            return null;
        }

        return text;
    }

    /// <returns>The object, or null when it is absent or not an object (the violation is recorded).</returns>
    public static JsonElement? RequiredObject(JsonElement parent, string name, string path, ConstraintViolations violations)
    {
        string memberPath = $"{path}.{name}";
        if (ConverseRequestValidator.Member(parent, name) is not { } value)
        {
            violations.NotNull(memberPath);
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(memberPath, "an object");
            return null;
        }

        return value;
    }

    /// <returns>The list, or null when it is absent or not a list (the violation is recorded).</returns>
    public static JsonElement? RequiredList(JsonElement parent, string name, string path, ConstraintViolations violations, int minLength)
    {
        string memberPath = $"{path}.{name}";
        if (ConverseRequestValidator.Member(parent, name) is not { } value)
        {
            violations.NotNull(memberPath);
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            violations.WrongType(memberPath, "a list");
            return null;
        }

        if (value.GetArrayLength() < minLength)
        {
            violations.Add(memberPath, value, $"Member must have length greater than or equal to {minLength}");
            return null;
        }

        return value;
    }

    /// <summary>A string member's pattern and length limit.</summary>
    internal sealed class NamePattern
    {
        private readonly Regex _regex;

        public NamePattern(string pattern, int maxLength)
        {
            Pattern = pattern;
            MaxLength = maxLength;
            _regex = new Regex($"^{pattern}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        public string Pattern { get; }

        public int MaxLength { get; }

        public bool IsMatch(string text) => _regex.IsMatch(text);
    }
}
