namespace PromptGen.Generators.Tests;

/// <summary>Conversation history, result details and fallback models, each in the forms a user writes them.</summary>
internal static class ConversationSources
{
    public const string Chat = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using PromptGen;
        using PromptGen.Bedrock;

        namespace Contoso.Chat;

        public sealed record Answer(string Text, int Confidence);

        [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
        [SystemPrompt("You are a concise assistant.")]
        public partial interface IChatPrompts
        {
            // History of Bedrock messages, the text with its details.
            [Prompt("{{ question }}")]
            Task<PromptResult<string>> AskAsync(IReadOnlyList<Message> history, string question, CancellationToken cancellationToken = default);

            // A Microsoft.Extensions.AI history, nullable; plain text.
            [Prompt("{{ question }}")]
            Task<string> AskChatAsync(IEnumerable<ChatMessage>? history, string question, CancellationToken cancellationToken = default);

            // Text with two fallback models.
            [FallbackModels("us.anthropic.claude-haiku-4-5-20251001-v1:0", "us.amazon.nova-pro-v1:0")]
            [Prompt("Summarize: {{ text }}")]
            Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);

            // A typed result with details, history and a fallback that takes another strategy.
            [FallbackModels("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            [Prompt("Answer, with your confidence from 1 to 5: {{ question }}")]
            ValueTask<PromptResult<Answer>> AnswerAsync(List<Message> history, string question, CancellationToken cancellationToken = default);

            // A typed result without details, with a fallback.
            [FallbackModels("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            [Prompt("Answer, with your confidence from 1 to 5: {{ question }}")]
            Task<Answer> QuickAnswerAsync(string question, CancellationToken cancellationToken = default);

            // Streams keep their history; they call their first model only.
            [FallbackModels]
            [Prompt("{{ question }}")]
            PromptStream StreamAsync(Message[] history, string question, CancellationToken cancellationToken = default);
        }
        """;
}
