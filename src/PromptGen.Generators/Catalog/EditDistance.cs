using System;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// Edit distance for "did you mean" suggestions (mistyped model ids, template names, members): Levenshtein's
/// insertions, deletions and substitutions, plus the swap of two adjacent characters as one edit (the optimal string
/// alignment distance), since 'nmae' for 'name' is one slip of the fingers, not two.
/// </summary>
internal static class EditDistance
{
    public static int Between(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        // Three rows are enough: each cell needs the row above, the one above that (for a swap) and the cell to its left.
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                int best = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, beforePrevious[j - 2] + 1);
                }

                current[j] = best;
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
