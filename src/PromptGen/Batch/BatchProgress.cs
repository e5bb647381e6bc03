using System.Collections.Generic;

namespace PromptGen.Batch;

/// <summary>A job's state as a run last saw it.</summary>
/// <param name="JobArn">The job.</param>
/// <param name="Status">Its status (<see cref="ModelInvocationJobStatus"/>).</param>
/// <param name="Message">The service's message, when it gave one.</param>
public sealed record BatchJobState(string JobArn, string Status, string? Message);

/// <summary>Where a run stands: records submitted, completed and failed, and its jobs' states.</summary>
/// <param name="Engine">The engine the run uses (<see cref="BatchEngine.BatchJob"/> or <see cref="BatchEngine.OnDemand"/>; both when a remainder ran on demand).</param>
/// <param name="Submitted">Records written to a job's input, or started on demand.</param>
/// <param name="Completed">Records with a value.</param>
/// <param name="Failed">Records with an error.</param>
/// <param name="Jobs">The run's jobs, in creation order; keep their ARNs to resume after a restart.</param>
public sealed record BatchProgress(BatchEngine Engine, long Submitted, long Completed, long Failed, IReadOnlyList<BatchJobState> Jobs);
