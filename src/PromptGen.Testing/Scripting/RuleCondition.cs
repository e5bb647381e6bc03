using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PromptGen.Testing.Scripting;

/// <summary>The "when" half of a script rule. Every given criterion must hold; none given matches every call.</summary>
internal sealed record RuleCondition
{
    public string? Model { get; init; }

    public string? PromptContains { get; init; }

    public Regex? PromptMatches { get; init; }

    public string? SystemContains { get; init; }

    public Regex? SystemMatches { get; init; }

    /// <summary>Text one of the last user turn's tool results holds (its text, or its JSON as sent).</summary>
    public string? ToolResultContains { get; init; }

    public Func<ConverseCall, bool>? Predicate { get; init; }

    /// <summary>Rolled last, only for calls every other criterion matches.</summary>
    public FaultShare? Share { get; init; }

    public bool Matches(ConverseCall call) =>
        (Model is null || string.Equals(Model, call.ModelId, StringComparison.Ordinal))
        && TextMatches(call.UserText, PromptContains, PromptMatches)
        && TextMatches(call.SystemText, SystemContains, SystemMatches)
        && (ToolResultContains is null || call.ToolResults.Any(result => result.Text.Contains(ToolResultContains, StringComparison.Ordinal)))
        && (Predicate is null || Predicate(call))
        && (Share is null || Share.Roll());

    public string Describe()
    {
        var parts = new List<string>();
        if (Model is not null)
        {
            parts.Add($"model = {Model}");
        }

        if (PromptContains is not null)
        {
            parts.Add($"prompt contains \"{PromptContains}\"");
        }

        if (PromptMatches is not null)
        {
            parts.Add($"prompt matches /{PromptMatches}/");
        }

        if (SystemContains is not null)
        {
            parts.Add($"system contains \"{SystemContains}\"");
        }

        if (SystemMatches is not null)
        {
            parts.Add($"system matches /{SystemMatches}/");
        }

        if (ToolResultContains is not null)
        {
            parts.Add($"a tool result contains \"{ToolResultContains}\"");
        }

        if (Predicate is not null)
        {
            parts.Add("custom predicate");
        }

        if (Share is not null)
        {
            parts.Add($"share {Share.Fraction:0.###}");
        }

        return parts.Count == 0 ? "always" : string.Join(" and ", parts);
    }

    public RuleCondition WithShare(FaultShare share) => this with { Share = share };

    // A criterion on text that is absent fails: "prompt contains X" cannot hold for a request without a prompt.
    private static bool TextMatches(string? text, string? contains, Regex? pattern) =>
        (contains is null || (text is not null && text.Contains(contains, StringComparison.Ordinal)))
        && (pattern is null || (text is not null && pattern.IsMatch(text)));
}
