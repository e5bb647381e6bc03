namespace PromptGen.Generators.Tests.RuleAgreement;

/// <summary>
/// Prompt methods at the edges of the rules, where a second implementation would most likely decide differently.
/// A string literal of this project, so <see cref="AgreementCorpus.TestSourceStrings"/> takes it in like any other.
/// </summary>
internal static class RuleEdgeCases
{
    public const string Source = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        [assembly: PromptDefaults(Model = "us.amazon.nova-micro-v1:0")]

        namespace Edges;

        public enum Mood { Happy, Sad }

        public sealed record Verdict(string Label, Mood Mood);

        internal static class Ids
        {
            public const string? None = null;
            public const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
        }

        [PromptClient(Model = null)]
        [SystemPrompt("You answer briefly.")]
        [Inference(MaxTokens = 300, Temperature = 0.5, StopSequences = new[] { "END" })]
        [FallbackModels("us.amazon.nova-lite-v1:0", " ", Ids.Haiku)]
        public partial interface INullInterfaceModel
        {
            [Prompt("Default model: {{ text }}")]
            Task<string> DefaultAsync(string text, CancellationToken cancellationToken);

            [Model(Ids.None)]
            [SystemPrompt(Ids.None)]
            [Prompt("A null method model and system prompt: {{ text }}")]
            [Inference(TopP = 0.9, StopSequences = new string[0])]
            Task<Verdict> NullsAsync(string text, CancellationToken cancellationToken);

            [Model(Ids.Haiku)]
            [FallbackModels]
            [Prompt("No fallbacks: {{ text }}")]
            [Inference(MaxTokens = 100, StopSequences = new[] { "STOP", "HALT" })]
            Task<PromptResult<Verdict>> NoFallbacksAsync(string text, CancellationToken cancellationToken);

            [StructuredOutput(Strategy = (StructuredOutputStrategy)7, MaxRepairAttempts = 3)]
            [Prompt("An undefined strategy: {{ text }}")]
            ValueTask<List<Mood>> UndefinedStrategyAsync(string text, CancellationToken cancellationToken);

            [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly)]
            [FallbackModels(new[] { "us.anthropic.claude-haiku-4-5-20251001-v1:0", "amazon.titan-text-express-v1" })]
            [Prompt("A chosen strategy for every model: {{ text }}")]
            Task<Verdict> ChosenStrategyAsync(string text, CancellationToken cancellationToken);

            [Prompt("A nullable string is a typed result: {{ text }}")]
            Task<string?> MaybeAsync(string text, CancellationToken cancellationToken);

            [Prompt("Text with details: {{ text }}")]
            Task<PromptResult<string>> DetailedAsync(string text, CancellationToken cancellationToken);
        }

        [PromptClient(Model = "amazon.titan-text-express-v1")]
        [StructuredOutput(Strategy = StructuredOutputStrategy.NativeSchema)]
        public partial interface IInterfaceChoices
        {
            [Prompt("The interface's strategy: {{ text }}")]
            Task<Verdict> InterfaceStrategyAsync(string text, CancellationToken cancellationToken);

            [StructuredOutput]
            [FallbackModels("us.amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0")]
            [Prompt("A method [StructuredOutput] without a strategy: {{ text }}")]
            Task<Verdict> CatalogStrategyAsync(string text, CancellationToken cancellationToken);
        }
        """;
}
