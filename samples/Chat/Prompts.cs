using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace ChatSample;

public enum Outcome { Resolved, WaitingForCustomer, Escalated }

[Description("The ticket log entry for a support conversation.")]
public sealed record TicketNote(Outcome Outcome, [property: Description("One sentence.")] string Summary);

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[SystemPrompt("You are Contoso's support assistant. Answer in one or two sentences.")]
public partial interface ISupportChat
{
    // A parameter of type IReadOnlyList<Message> is the conversation so far: its turns go before the new message.
    // PromptResult<string> gives back the text with the model, request id, usage, latency and the conversation,
    // so the next call continues with `history = result.Conversation`.
    [Prompt("{{ message }}")]
    Task<PromptResult<string>> ReplyAsync(IReadOnlyList<Message> history, string message, CancellationToken cancellationToken = default);

    // A fast, cheap model first; when it is throttled, failing, or its answer stays invalid after a repair, the
    // stronger one. Each is asked for the result in the way it supports (a forced tool, native structured output).
    [Model("us.amazon.nova-micro-v1:0")]
    [FallbackModels("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [Prompt("Write the ticket log entry for this support conversation:\n{{ transcript }}")]
    Task<PromptResult<TicketNote>> NoteAsync(string transcript, CancellationToken cancellationToken = default);
}
