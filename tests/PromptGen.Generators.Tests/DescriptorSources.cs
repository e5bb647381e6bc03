namespace PromptGen.Generators.Tests;

/// <summary>The input of the DescriptorPrompts snapshot: a typed result, text, a stream, fallbacks, a Scriban template, an overload, media, an image, embeddings, a typed result stream and conversation histories.</summary>
internal static class DescriptorSources
{
    public const string Descriptors = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using PromptGen;

        namespace Demo.Descriptors;

        public enum Tone { Friendly, Formal }

        public sealed record Ticket(string Title, string Body, IReadOnlyList<string> Tags);

        public sealed record Reply(string Text, Tone Tone, int Sentences);

        public sealed record Step(string Title, int Minutes, System.Uri? Link);

        public sealed record Plan(string Goal, IReadOnlyList<Step> Steps, Tone Tone, Dictionary<string, double?> Budget);

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        [PromptDescriptors]
        public partial interface IReplyPrompts
        {
            [SystemPrompt("You answer support tickets.")]
            [Prompt("Reply to {{ ticket.title }} ({{ ticket.body }}) in a {{ tone }} tone.")]
            [Inference(MaxTokens = 400, Temperature = 0.3)]
            Task<Reply> ReplyAsync(Ticket ticket, Tone tone = Tone.Friendly, CancellationToken cancellationToken = default);

            [Prompt("Summarize: {{ text }}")]
            [FallbackModels("us.amazon.nova-lite-v1:0")]
            Task<string> SummarizeAsync(string text);

            [Prompt("Summarize: {{ text }} in {{ words }} words")]
            Task<string> SummarizeAsync(string text, int words);

            [Prompt("Write a haiku about {{ topic }}")]
            IAsyncEnumerable<string> HaikuAsync(string topic, CancellationToken cancellationToken = default);

            [Prompt("{{ for tag in tags }}#{{ tag }} {{ end }}")]
            PromptStream TagsAsync(IReadOnlyList<string> tags);

            [Prompt("Describe the photo for {{ audience }}")]
            Task<string> DescribeAsync(PromptImage photo, string audience, PromptDocument? brief = null, CancellationToken cancellationToken = default);

            [Model("stability.stable-image-core-v1:1")]
            [Prompt("A logo for {{ brand }}")]
            [ImageGeneration(AspectRatio = "1:1")]
            Task<GeneratedImage> LogoAsync(string brand, CancellationToken cancellationToken = default);

            [Model("amazon.titan-embed-text-v2:0")]
            [Embedding(Dimensions = 256)]
            Task<Embedding<float>> EmbedAsync(string text, CancellationToken cancellationToken = default);

            [Model("cohere.embed-english-v3")]
            [Embedding(InputType = EmbeddingInputType.SearchDocument)]
            Task<IReadOnlyList<Embedding<float>>> EmbedAllAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);

            [Prompt("Plan {{ goal }}")]
            [FallbackModels("us.amazon.nova-lite-v1:0")]
            ResultStream<Plan, IReplyPrompts.PlanPartial> PlanAsync(string goal, CancellationToken cancellationToken = default);

            [SystemPrompt("You answer support tickets.")]
            [Prompt("{{ question }}")]
            Task<string> ChatAsync(IReadOnlyList<Message> history, string question, CancellationToken cancellationToken = default);

            [Prompt("{{ question }} ({{ tone }})")]
            Task<Reply> ChatTypedAsync(ChatMessage[]? history, string question, Tone tone = Tone.Formal);
        }
        """;
}
