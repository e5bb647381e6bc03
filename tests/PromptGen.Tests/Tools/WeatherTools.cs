using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.CompilerServices;

namespace PromptGen.Tests.Tools;

/// <summary>Hand-built tool definitions, shaped as the generator builds them, for the runtime loop's tests.</summary>
internal static class WeatherTools
{
    public static readonly ToolSchema WeatherSchema = new(
        "get_weather",
        "The current weather in a city.",
        """{"type":"object","properties":{"city":{"type":"string","description":"The city."}},"required":["city"],"additionalProperties":false}""");

    /// <summary>A tool reading {"city": …}; <paramref name="run"/> gets the city.</summary>
    public static ToolDefinition Weather(Func<string, CancellationToken, Task<string>> run) => Tool(WeatherSchema, run);

    public static ToolDefinition Tool(ToolSchema schema, Func<string, CancellationToken, Task<string>> run) =>
        new(schema, async (input, cancellationToken) =>
        {
            using JsonDocument document = JsonDocument.Parse(input);
            if (!document.RootElement.TryGetProperty("city", out JsonElement city) || city.ValueKind != JsonValueKind.String)
            {
                return ToolOutput.InvalidInput(new[] { new ResultError("$.city", ResultErrorKind.MissingMember, "required member is missing") });
            }

            return ToolOutput.Text(await run(city.GetString()!, cancellationToken));
        });
}
