namespace PromptGen.Generators.Tests;

/// <summary>The input of the StreamingPrompts snapshot: every streaming return type and the shapes a partial covers.</summary>
internal static class StreamingSources
{
    public const string Streaming = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo.Streaming;

        public enum Priority { Low, Normal, High }

        public sealed record Address(string City, string? Street);

        public sealed record Step(string Title, int Minutes, IReadOnlyList<string> Tools);

        [Description("A plan for a support ticket.")]
        public sealed record Plan(
            [property: Description("The team that owns it.")] string Team,
            Priority Priority,
            Priority? Fallback,
            double Confidence,
            bool Escalate,
            DateOnly? Due,
            Address? Customer,
            IReadOnlyList<Step> Steps,
            IReadOnlyList<Priority> History,
            Dictionary<string, int> Scores,
            IReadOnlyList<IReadOnlyList<double>> Matrix,
            string[] Tags);

        public sealed record Outline(string Title, IReadOnlyList<Outline> Children);

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        public partial interface IStreamingPrompts
        {
            [Prompt("Tell a story about {{ topic }}")]
            IAsyncEnumerable<string> TellAsync(string topic, CancellationToken cancellationToken = default);

            [Prompt("Explain {{ topic }}")]
            [Inference(MaxTokens = 500)]
            PromptStream ExplainAsync(string topic, CancellationToken cancellationToken = default);

            [Prompt("Plan the work for: {{ ticket }}")]
            ResultStream<Plan, PlanPartial> PlanAsync(string ticket, CancellationToken cancellationToken = default);

            [Model("amazon.nova-lite-v1:0")]
            [Prompt("Outline {{ subject }}")]
            ResultStream<Outline, OutlinePartial> OutlineAsync(string subject);

            [Prompt("List the steps for: {{ ticket }}")]
            ResultStream<List<Step>, IReadOnlyList<StepPartial>> StepsAsync(string ticket, CancellationToken cancellationToken = default);

            [Prompt("Tag {{ ticket }}")]
            ResultStream<string[], IReadOnlyList<string>> TagsAsync(string ticket);

            [Prompt("Plan once more: {{ ticket }}")]
            Task<Plan> PlanOnceAsync(string ticket, CancellationToken cancellationToken = default);
        }
        """;
}
