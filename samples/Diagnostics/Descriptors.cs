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
    // PG0023 (info; a warning here): a conversation history is not read from JSON, so no descriptor.
    [Prompt("{{ question }}")]
    Task<string> ChatAsync(IReadOnlyList<Message> history, string question, CancellationToken cancellationToken = default);

    // Fine: described, so the playground offers it.
    [Prompt("Say hello to {{ name }}")]
    Task<string> HelloAsync(string name, CancellationToken cancellationToken = default);
}
