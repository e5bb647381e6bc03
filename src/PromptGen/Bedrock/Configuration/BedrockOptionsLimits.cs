using System;
using System.Collections.Generic;
using System.Globalization;

namespace PromptGen.Bedrock.Configuration;

/// <summary>
/// The ranges of the <see cref="BedrockOptions"/> settings that are checked as a whole rather than when set: by the
/// client when it is constructed, and by <c>AddPromptGen()</c>'s options validation, each naming the setting its way.
/// </summary>
internal static class BedrockOptionsLimits
{
    /// <summary>What is out of range, one sentence per setting; empty when everything is usable.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="prefix">How a setting is named: <c>BedrockOptions.</c> in code, <c>PromptGen:</c> in configuration.</param>
    /// <param name="infinite">How "no limit" is written there.</param>
    public static List<string> Problems(BedrockOptions options, string prefix, string infinite)
    {
        var problems = new List<string>();
        CheckTimeout(problems, prefix + nameof(BedrockOptions.Timeout), options.Timeout, infinite);
        if (options.StreamTimeout is { } streamTimeout)
        {
            CheckTimeout(problems, prefix + nameof(BedrockOptions.StreamTimeout), streamTimeout, infinite);
        }

        CheckTimeout(problems, prefix + nameof(BedrockOptions.StreamIdleTimeout), options.StreamIdleTimeout, infinite);
        if (options.MaxResponseSize < 1 || options.MaxResponseSize > Array.MaxLength)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{prefix}{nameof(BedrockOptions.MaxResponseSize)} must be between 1 and {Array.MaxLength} bytes; it is {options.MaxResponseSize}."));
        }

        return problems;
    }

    private static void CheckTimeout(List<string> problems, string name, TimeSpan value, string infinite)
    {
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be positive, or {infinite}; it is {value}."));
        }
    }
}
