using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;

namespace PromptGen.Tests.Tools;

public enum Sky
{
    Clear,
    Cloudy,
    Rain,
}

public sealed record Forecast(string City, double TemperatureC, Sky Sky, IReadOnlyList<string> Alerts, DateOnly Day, int? Humidity);

public sealed record DayPlan(string Summary, List<string> Stops);

/// <summary>A tool set as a user writes one: sync and async tools, a void tool, defaults, constraints, JSON results.</summary>
public sealed class TravelTools
{
    public ConcurrentQueue<string> Calls { get; } = new();

    [Tool, Description("The weather forecast for a city.")]
    public async Task<Forecast> GetForecastAsync(
        [Description("City name, e.g. Paris.")] string city,
        [Range(1, 7)] int days = 1,
        CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Enqueue($"forecast {city} {days}");
        if (city == "Atlantis")
        {
            throw new ToolException("No weather station in Atlantis.");
        }

        return new Forecast(city, 12.5, Sky.Rain, new[] { "wind" }, new DateOnly(2026, 11, 25), null);
    }

    [Tool("convert_currency"), Description("Converts an amount between currencies.")]
    public decimal Convert(decimal amount, string from, string to)
    {
        Calls.Enqueue($"convert {amount} {from} {to}");
        return amount * 2;
    }

    [Tool, Description("Remembers a note for later.")]
    public void Remember(string note) => Calls.Enqueue("remember " + note);

    [Tool, Description("The local time in a city.")]
    public ValueTask<string> LocalTimeAsync(string city, CancellationToken cancellationToken)
    {
        Calls.Enqueue("time " + city);
        return new ValueTask<string>("09:30");
    }
}

/// <summary>Another tool set, to combine two in one method.</summary>
public interface IBookingTools
{
    [Tool, Description("Books a table.")]
    Task<string> BookTableAsync(string restaurant, int people);
}

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface ITravelPrompts
{
    [Prompt("Plan a day in {{ city }}.")]
    Task<string> PlanAsync(string city, TravelTools tools, CancellationToken cancellationToken = default);

    [Prompt("Plan a day in {{ city }}.")]
    [ToolLoop(MaxIterations = 2, ParallelCalls = false)]
    Task<DayPlan> PlanTypedAsync(string city, TravelTools tools, CancellationToken cancellationToken = default);

    [Prompt("Plan a day in {{ city }}.")]
    [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
    Task<PromptResult<DayPlan>> PlanWithDetailsAsync(string city, TravelTools tools, CancellationToken cancellationToken = default);

    [Prompt("Dinner in {{ city }}.")]
    [ToolLoop(Choice = ToolChoiceMode.Any)]
    ValueTask<string> DinnerAsync(string city, TravelTools travel, IBookingTools booking, CancellationToken cancellationToken = default);
}
