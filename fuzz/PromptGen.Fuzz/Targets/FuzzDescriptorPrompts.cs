using System.Collections.Generic;
using System.Threading.Tasks;

namespace PromptGen.Reliability.Targets;

/// <summary>A generated client with descriptors, so their arguments reader is fuzzed exactly as the playground runs it.</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[PromptDescriptors]
public partial interface IFuzzDescriptorPrompts
{
    [SystemPrompt("You triage tickets.")]
    [Prompt("Triage {{ ticket.title }} ({{ ticket.priority }}, {{ ticket.minutes }} min) for {{ count }} people, tagged {{ tags }}, at least {{ floor }}")]
    Task<FuzzTicket> TriageAsync(FuzzTicket ticket, int count, IReadOnlyList<string> tags, FuzzPriority floor = FuzzPriority.Low);

    // Media arguments ({"format","base64"[,"name"]}) read by the runtime beside the generated parser.
    [Prompt("Look at the photo: {{ question }}")]
    Task<string> LookAsync(PromptImage photo, string question, PromptDocument? brief = null);

    // A conversation history ([{"role","text"}]) read by the runtime beside the generated parser.
    [Prompt("Then: {{ question }}")]
    Task<string> ChatAsync(IReadOnlyList<Message> history, string question);
}
