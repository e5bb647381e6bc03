using System;
using System.Collections.Generic;
using PromptGen.Generators.Catalog;

namespace PromptGen.Generators.Analyzers;

/// <summary>"Did you mean" for identifiers: the closest candidate by edit distance, if it is close enough to be a typo.</summary>
internal static class NameSuggestion
{
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            // Case differences count as zero: Scriban names are case-sensitive, but 'Ticket' for 'ticket' is a typo.
            int distance = string.Equals(typed, candidate, StringComparison.OrdinalIgnoreCase)
                ? 0
                : EditDistance.Between(typed, candidate);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A third of the longer name may differ (at least one character); beyond that it is a different word.
        return best is not null && bestDistance <= Math.Max(1, Math.Max(typed.Length, best.Length) / 3) ? best : null;
    }
}
