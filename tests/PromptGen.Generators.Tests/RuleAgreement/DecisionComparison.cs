using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Generators.Tests.RuleAgreement;

/// <summary>Compares the generator's decisions with the analyzers', method by method.</summary>
internal static class DecisionComparison
{
    /// <summary>
    /// One line per method the generator generates whose decision the analyzers do not share (or do not see at all),
    /// naming the method and where it comes from.
    /// </summary>
    public static List<string> Disagreements(string corpusName, IReadOnlyDictionary<string, MethodDecision> generator, IReadOnlyDictionary<string, MethodDecision> analyzers)
    {
        var disagreements = new List<string>();
        foreach (KeyValuePair<string, MethodDecision> generated in generator.OrderBy(pair => pair.Key, System.StringComparer.Ordinal))
        {
            if (!analyzers.TryGetValue(generated.Key, out MethodDecision? analyzed))
            {
                disagreements.Add($"{generated.Key} ({corpusName}): the generator generates it, the analyzers do not see it");
            }
            else if (analyzed != generated.Value)
            {
                disagreements.Add($"{generated.Key} ({corpusName}):\n  generator {generated.Value}\n  analyzers {analyzed}");
            }
        }

        return disagreements;
    }
}
