namespace PromptGen.Generators.Tests;

/// <summary>Prompt interfaces with tools, for the snapshot, compilation and incrementality tests.</summary>
internal static class ToolSources
{
    public const string Tools = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.ComponentModel.DataAnnotations;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo.Tools;

        public enum Sky { Clear, Cloudy, Rain }

        public sealed record Forecast(string City, double TemperatureC, Sky Sky, List<string> Alerts, Dictionary<string, int?> Hourly, DateOnly Day);

        public sealed record Itinerary(string Summary, List<string> Stops);

        public sealed class WeatherTools
        {
            [Tool, Description("The weather forecast for a city.")]
            public Task<Forecast> GetForecastAsync([Description("City name.")] string city, [Range(1, 7)] int days = 1, CancellationToken cancellationToken = default)
                => Task.FromResult(new Forecast(city, 12.5, Sky.Rain, new List<string>(), new Dictionary<string, int?>(), default));

            [Tool("convert_currency"), Description("Converts an amount.")]
            public decimal Convert(decimal amount, string from, string to) => amount;

            [Tool, Description("Remembers a note.")]
            public void Remember(string note)
            {
            }

            [Tool, Description("Local time.")]
            public ValueTask<string> LocalTimeAsync(string city) => new("09:30");
        }

        public interface IBookingTools
        {
            [Tool, Description("Books a table.")]
            Task BookTableAsync(string restaurant, int people, CancellationToken cancellationToken);
        }

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        public partial interface ITravelPrompts
        {
            [Prompt("Plan a day in {{ city }}.")]
            Task<string> PlanAsync(string city, WeatherTools tools, CancellationToken cancellationToken = default);

            [Prompt("Plan a day in {{ city }}.")]
            [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
            [ToolLoop(MaxIterations = 3, Choice = ToolChoiceMode.Tool, Tool = "get_forecast", ParallelCalls = false)]
            Task<Itinerary> ItineraryAsync(string city, WeatherTools weather, IBookingTools booking, CancellationToken cancellationToken = default);
        }
        """;
}
