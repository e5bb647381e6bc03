using System;

namespace PromptGen.Batch;

/// <summary>One input's outcome: the method's typed result, or why there is none.</summary>
/// <typeparam name="TResult">The method's result type.</typeparam>
public sealed class BatchRecordResult<TResult>
{
    private readonly TResult _value;

    private BatchRecordResult(string recordId, long index, TResult value, BatchRecordError? error, int onDemandRepairs)
    {
        RecordId = recordId;
        Index = index;
        _value = value;
        Error = error;
        OnDemandRepairs = onDemandRepairs;
    }

    /// <summary>The record's id in the JSONL files: <see cref="Index"/> as 11 digits.</summary>
    public string RecordId { get; }

    /// <summary>The input's position in the sequence given to the run, from 0: what correlates a result with its input.</summary>
    public long Index { get; }

    /// <summary>Whether the record has a value.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The typed result.</summary>
    /// <exception cref="InvalidOperationException">The record failed; see <see cref="Error"/>.</exception>
    public TResult Value => Error is null ? _value : throw new InvalidOperationException($"Record {RecordId} has no value: {Error.Message}");

    /// <summary>Why the record has no value; null when it has one.</summary>
    public BatchRecordError? Error { get; }

    /// <summary>
    /// How many repair calls this record took on demand after its batch answer was invalid
    /// (<see cref="BatchRunOptions.RepairInvalidOutput"/>); 0 when none was made.
    /// </summary>
    public int OnDemandRepairs { get; }

    /// <summary>
    /// The record's estimated cost in USD at the catalog's list prices (an estimate, not a bill): a batch job's record at
    /// the model's batch token rates, plus its on-demand repairs at on-demand rates; a record run on demand at on-demand
    /// rates. Null when a rate it needs is not in the catalog, or the record has no answer whose tokens are known.
    /// <see cref="BatchRecordResults.EstimatedCostUsd{TResult}"/> sums a run's.
    /// </summary>
    public decimal? EstimatedCostUsd { get; private init; }

    internal static BatchRecordResult<TResult> Success(string recordId, long index, TResult value, int onDemandRepairs = 0) =>
        new(recordId, index, value, null, onDemandRepairs);

    internal static BatchRecordResult<TResult> Failure(string recordId, long index, BatchRecordError error, int onDemandRepairs = 0) =>
        new(recordId, index, default!, error, onDemandRepairs);

    internal BatchRecordResult<TResult> WithEstimatedCost(decimal? cost) =>
        new(RecordId, Index, _value, Error, OnDemandRepairs) { EstimatedCostUsd = cost };

    /// <summary>The id and the value or error, for logs and test output.</summary>
    public override string ToString() => IsSuccess ? $"{RecordId}: {_value}" : $"{RecordId}: {Error!.Kind}: {Error.Message}";
}
