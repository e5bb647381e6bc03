// Conversation history and fallback models: each mistake below is deliberate (see Program.cs).
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace PromptGen.Samples.Diagnostics;

[PromptClient(Model = "us.amazon.nova-micro-v1:0")]
public partial interface IConversationMistakes
{
    // PG0020: a second conversation history.
    [Prompt("{{ question }}")]
    Task<string> AskAsync(IReadOnlyList<Message> history, List<Message> earlier, string question, CancellationToken cancellationToken = default);

    // PG0220: the fallback is the method's own model.
    [FallbackModels("us.amazon.nova-micro-v1:0")]
    [Prompt("Summarize: {{ text }}")]
    Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);

    // Fine: a typed result stream falls back until its first snapshot (PG0221 is retired).
    [FallbackModels("us.amazon.nova-pro-v1:0")]
    [Prompt("Judge {{ topic }}")]
    ResultStream<Opinion, IConversationMistakes.OpinionPartial> JudgeAsync(string topic, CancellationToken cancellationToken = default);
}

/// <summary>An opinion streamed as it is written.</summary>
public sealed record Opinion(string Label, int Score);
