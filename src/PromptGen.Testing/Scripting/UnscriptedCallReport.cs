using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PromptGen.Testing.Scripting;

/// <summary>
/// The message of a call that no rule answers: the request as the rules see it, then every rule with its uses, so the
/// test author sees at a glance why nothing matched. Long texts are cut; the client caps service messages anyway.
/// </summary>
internal static class UnscriptedCallReport
{
    private const int TextPreviewLength = 160;
    private const int MaxRulesShown = 12;

    public static string Describe(ConverseCall call, IReadOnlyList<ScriptRule> rules)
    {
        var text = new StringBuilder();
        text.Append("No emulator script rule answers this ").Append(call.Operation).Append(" call: model ")
            .Append(Quote(call.ModelId));
        text.Append("; prompt ").Append(call.UserText is null ? "(none)" : Quote(call.UserText));
        if (call.SystemText is not null)
        {
            text.Append("; system ").Append(Quote(call.SystemText));
        }

        if (call.ToolResults.Count > 0)
        {
            text.Append("; tool results ")
                .Append(string.Join(", ", call.ToolResults.Select(result => Quote(result.Text))));
        }

        if (call.ToolNames.Count > 0)
        {
            text.Append("; tools ").Append(string.Join(", ", call.ToolNames));
        }

        text.Append("; messages ").Append(call.MessageCount).Append(". Rules (the first that matches with uses left answers): ");
        if (rules.Count == 0)
        {
            text.Append("none");
        }

        for (int index = 0; index < rules.Count && index < MaxRulesShown; index++)
        {
            ScriptRule rule = rules[index];
            text.Append(index == 0 ? string.Empty : "; ").Append(index + 1).Append(". when ").Append(rule.Description)
                .Append(rule.MaxUses is { } max ? $" (used {rule.UseCount} of {max})" : $" (used {rule.UseCount})");
        }

        if (rules.Count > MaxRulesShown)
        {
            text.Append("; and ").Append(rules.Count - MaxRulesShown).Append(" more");
        }

        return text.Append(". Script this call, or set BedrockEmulatorOptions.UnmatchedCalls to DefaultReply for the default answer.")
            .ToString();
    }

    private static string Quote(string value)
    {
        string oneLine = value.Replace('\n', ' ').Replace('\r', ' ');
        return oneLine.Length <= TextPreviewLength
            ? $"\"{oneLine}\""
            : $"\"{oneLine[..TextPreviewLength]}…\" ({oneLine.Length} chars)";
    }
}
