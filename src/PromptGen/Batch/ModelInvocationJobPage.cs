using System.Collections.Generic;

namespace PromptGen.Batch;

/// <summary>One page of <c>ListModelInvocationJobs</c>.</summary>
/// <param name="Jobs">The jobs on this page (<c>invocationJobSummaries</c>).</param>
/// <param name="NextToken">The token for the next page; null on the last.</param>
public sealed record ModelInvocationJobPage(IReadOnlyList<ModelInvocationJob> Jobs, string? NextToken);
