namespace PromptGen.Generators.Tests;

/// <summary>Streaming prompt methods with tools and fallback models (issue 23), for the snapshot and compilation tests.</summary>
internal static class StreamingToolSources
{
    public const string Source = """
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using PromptGen;

        namespace Demo.StreamingTools;

        public sealed record Walk(string Route, int Minutes);

        public sealed class WalkTools
        {
            [Tool("get_forecast"), Description("Today's forecast for a city.")]
            public string Forecast(string city) => "Rain";
        }

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        public partial interface IWalkPrompts
        {
            [Prompt("Plan a walk in {{ city }}.")]
            IAsyncEnumerable<string> PlanAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);

            [Prompt("Plan a walk in {{ city }}.")]
            [ToolLoop(MaxIterations = 2)]
            PromptStream PlanWithServerAsync(string city, WalkTools tools, IEnumerable<AITool> server, CancellationToken cancellationToken = default);

            [Prompt("Outline a walk in {{ city }}.")]
            [FallbackModels("us.amazon.nova-lite-v1:0")]
            ResultStream<Walk, WalkPartial> OutlineAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);

            [Prompt("Outline a walk in {{ city }}.")]
            [FallbackModels("us.amazon.nova-lite-v1:0")]
            Task<Walk> OutlineAtOnceAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);
        }
        """;
}
