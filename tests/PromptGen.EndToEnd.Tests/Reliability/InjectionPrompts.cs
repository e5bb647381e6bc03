using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.EndToEnd.Tests.Reliability;

public sealed record Note(string Title, string Body);

/// <summary>Prompts whose parameter values try to be template code.</summary>
[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
public partial interface IInjectionPrompts
{
    [SystemPrompt("You summarize notes for {{ owner }}.")]
    [Prompt("Summarize: {{ text }}")]
    Task<string> SummarizeAsync(string owner, string text, CancellationToken cancellationToken = default);

    [Prompt("Note {{ note.title }}: {{ note.body }}")]
    Task<string> ReadNoteAsync(Note note, CancellationToken cancellationToken = default);
}
