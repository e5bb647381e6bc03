using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PromptGen.EndToEnd.Tests.StreamingTools;

public sealed record WalkPlan(string Route, int Minutes);

/// <summary>Issue 23: every streaming return type with tools.</summary>
[PromptClient(Model = StreamingToolPrompts.Model)]
public partial interface IStreamingToolPrompts
{
    [Prompt("Plan a walk in {{ city }}")]
    PromptStream PlanAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);

    [Prompt("Plan briefly a walk in {{ city }}")]
    IAsyncEnumerable<string> PlanTextAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);

    [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
    [Prompt("Outline a walk in {{ city }}")]
    ResultStream<WalkPlan, WalkPlanPartial> OutlineAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);

    [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly)]
    [Prompt("Outline in text a walk in {{ city }}")]
    ResultStream<WalkPlan, WalkPlanPartial> OutlineInTextAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);

    [Prompt("Plan with the server's tools a walk in {{ city }}")]
    PromptStream PlanWithServerAsync(string city, IEnumerable<AITool> tools, CancellationToken cancellationToken = default);
}

/// <summary>The C# tools of the walks: a forecast, and a lookup that waits until it is cancelled.</summary>
public sealed class WalkTools
{
    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Tool("get_forecast"), Description("Today's forecast for a city.")]
    public string Forecast(string city) => city == "Paris" ? "Rain, 14 °C" : throw new InvalidOperationException("no station");

    [Tool("slow_lookup"), Description("Looks something up slowly.")]
    public async Task<string> SlowLookupAsync(string query, CancellationToken cancellationToken)
    {
        SlowStarted.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            SlowCancelled.TrySetResult();
            throw;
        }

        return query;
    }
}

internal static class StreamingToolPrompts
{
    public const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
}
