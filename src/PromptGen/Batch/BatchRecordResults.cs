using System;
using System.Collections.Generic;

namespace PromptGen.Batch;

/// <summary>What a batch run's results say together.</summary>
public static class BatchRecordResults
{
    /// <summary>
    /// The run's estimated cost in USD: the sum of its records' <see cref="BatchRecordResult{TResult}.EstimatedCostUsd"/>,
    /// or null when any record's is unknown (a partial sum would read as the whole cost). 0 for no records.
    /// </summary>
    /// <param name="results">The records a run returned.</param>
    /// <typeparam name="TResult">The method's result type.</typeparam>
    public static decimal? EstimatedCostUsd<TResult>(this IEnumerable<BatchRecordResult<TResult>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        decimal total = 0m;
        foreach (BatchRecordResult<TResult> result in results)
        {
            if (result.EstimatedCostUsd is not { } cost)
            {
                return null;
            }

            total += cost;
        }

        return total;
    }
}
