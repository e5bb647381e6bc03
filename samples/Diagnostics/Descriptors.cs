// Descriptors for the playground and other tools: a method that cannot have one is named (see Program.cs).
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace PromptGen.Samples.Diagnostics;

[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
[PromptDescriptors]
public partial interface IDescribedPrompts
{
    // PG0023 (info; a warning here): a history in a Queue<Message> is not one the descriptor can build from JSON (it
    // hands a List<Message>, or an array, to the method), so no descriptor. IReadOnlyList<Message> would be described.
    [Prompt("{{ question }}")]
    Task<string> ChatAsync(Queue<Message> history, string question, CancellationToken cancellationToken = default);

    // Fine: described, so the playground offers it.
    [Prompt("Say hello to {{ name }}")]
    Task<string> HelloAsync(string name, CancellationToken cancellationToken = default);
}
