namespace PromptGen.Batch;

/// <summary>Which engine runs the records.</summary>
public enum BatchEngine
{
    /// <summary>Batch jobs, unless there are fewer inputs than <see cref="BatchQuotas.MinRecordsPerJob"/>: then on demand.</summary>
    Auto,

    /// <summary>Always batch jobs.</summary>
    BatchJob,

    /// <summary>Always on demand: Converse calls, at most <see cref="BatchRunOptions.MaxConcurrency"/> at a time.</summary>
    OnDemand,
}
