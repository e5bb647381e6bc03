using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace ToolCalling;

public enum Sky
{
    Clear,
    Cloudy,
    Rain,
}

public sealed record Forecast(string City, double TemperatureC, Sky Sky);

[Description("A plan for one day.")]
public sealed record DayPlan(
    [property: Description("One sentence.")] string Summary,
    [property: Description("Where to go, in order.")] List<string> Stops,
    [property: Description("Whether to pack an umbrella.")] bool Umbrella);

/// <summary>
/// The tools the model may call. Each [Tool] method becomes a toolSpec whose input schema comes from its
/// parameters; PromptGen generates the code that reads the model's input and calls the method, without reflection.
/// An ordinary class: give it the services it needs (here a clock) and pass an instance per call.
/// </summary>
public sealed class TravelTools(TimeProvider clock)
{
    private static readonly Dictionary<string, Forecast> Forecasts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Paris"] = new("Paris", 14.5, Sky.Rain),
        ["Oslo"] = new("Oslo", 3, Sky.Clear),
    };

    private readonly List<string> _calls = new();

    /// <summary>Every tool call made, in the order they ran.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToArray();
            }
        }
    }

    [Tool, Description("Today's weather forecast for a city.")]
    public async Task<Forecast> GetForecastAsync(
        [Description("City name, e.g. Paris.")] string city,
        CancellationToken cancellationToken)
    {
        await Task.Delay(10, cancellationToken); // a real tool calls a weather service here
        Record($"get_forecast({city})");
        return Forecasts.TryGetValue(city, out Forecast? forecast)
            ? forecast
            : throw new ToolException($"There is no forecast for '{city}'; try a larger city nearby.");
    }

    [Tool("convert_currency"), Description("Converts an amount of money between two currencies (ISO codes).")]
    public decimal Convert(decimal amount, [Length(3, 3)] string from, [Length(3, 3)] string to)
    {
        Record($"convert_currency({amount} {from} -> {to})");
        return from == to ? amount : Math.Round(amount * 11.7m, 2);
    }

    [Tool, Description("The local date and time in a city.")]
    public string LocalTime(string city)
    {
        Record($"local_time({city})");
        return clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Record(string call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }
}

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[SystemPrompt("You are a travel assistant. Use the tools for facts; never guess the weather or exchange rates.")]
public partial interface ITravelAgent
{
    /// <summary>The model calls tools as it needs them (several at once when it can) and answers in text.</summary>
    [Prompt("I have {{ budget }} EUR for a day in {{ city }}. What should I do, and how much is that in NOK?")]
    Task<string> PlanDayAsync(string city, decimal budget, TravelTools tools, CancellationToken cancellationToken = default);

    /// <summary>Tools and a typed result together: the answer is a validated DayPlan.</summary>
    [Prompt("Plan a day in {{ city }} as a list of stops.")]
    [ToolLoop(MaxIterations = 4)]
    Task<DayPlan> PlanAsync(string city, TravelTools tools, CancellationToken cancellationToken = default);
}
