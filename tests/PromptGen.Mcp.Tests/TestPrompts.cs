using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Mcp.Tests;

/// <summary>
/// Overloads, a conversation (its history an argument of turns), a method the descriptors do not cover (its history
/// is a Queue, which they cannot build), and names that clash with
/// <c>SupportMcp.ISupportPrompts</c>.
/// </summary>
[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
[PromptDescriptors]
public partial interface IWritingPrompts
{
    [Prompt("Summarize in one sentence: {{ text }}")]
    Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);

    [Prompt("Summarize in {{ words }} words: {{ text }}")]
    Task<string> SummarizeAsync(string text, int words, CancellationToken cancellationToken = default);

    [Prompt("Rate this headline from 1 to 10: {{ headline }}")]
    Task<int?> RateHeadlineAsync(string headline, CancellationToken cancellationToken = default);

    [Prompt("Go on: {{ question }}")]
    Task<string> ContinueChatAsync(IReadOnlyList<Message> history, string question, CancellationToken cancellationToken = default);

    [Prompt("Again: {{ question }}")]
    Task<string> RepeatChatAsync(Queue<Message> history, string question, CancellationToken cancellationToken = default);
}
