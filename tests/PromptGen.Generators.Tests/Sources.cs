namespace PromptGen.Generators.Tests;

/// <summary>User code the tests feed to the generator.</summary>
internal static class Sources
{
    public const string SupportPrompts = """
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Contoso.Support;

        public sealed record Ticket(string Title, string Body);

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        [Inference(MaxTokens = 500)]
        public partial interface ISupportPrompts
        {
            [SystemPrompt("You are a concise support agent for {{ product }}.")]
            [Prompt("Summarize this ticket in one sentence:\n{{ ticket.title }}\n{{ ticket.body }}")]
            [Inference(MaxTokens = 200, Temperature = 0.2)]
            Task<string> SummarizeAsync(string product, Ticket ticket, CancellationToken cancellationToken = default);

            [Model("us.amazon.nova-lite-v1:0")]
            [Prompt("Translate to {{ language }}: {{ text }}")]
            [Inference(TopP = 0.9, StopSequences = new[] { "END" })]
            ValueTask<string> TranslateAsync(string text, string language, CancellationToken cancellationToken);

            [Prompt("Is this spam? Answer yes or no. {{ class }} / {{ message }}")]
            Task<string> ClassifyAsync(string @class, string? message);
        }
        """;

    public const string Unrelated = """
        namespace Contoso.Other;

        public static class Helpers
        {
            public static int Twice(int value) => value * 2;
        }
        """;
}
