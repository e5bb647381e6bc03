using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace PlaygroundToolSample;

/// <summary>A reply drafted for a customer.</summary>
public sealed record Draft(string Subject, string Body);

/// <summary>Two described methods and one the descriptors leave out (a history in a Queue, which it cannot build from JSON: PG0023); SupportDesk.INestedPrompts adds one nested in a class.</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[PromptDescriptors]
public partial interface ISamplePrompts
{
    /// <summary>Greets someone.</summary>
    [Prompt("Say hello to {{ name }}")]
    Task<string> HelloAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Drafts a reply.</summary>
    [Prompt("Draft a reply about {{ topic }}")]
    Task<Draft> DraftAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>Chats; no descriptor.</summary>
#pragma warning disable PG0023 // deliberate: the tool must list only the described methods
    [Prompt("{{ question }}")]
    Task<string> ChatAsync(Queue<Message> history, string question, CancellationToken cancellationToken = default);
#pragma warning restore PG0023
}

/// <summary>A prompt interface nested in a class: no assembly attribute names its descriptors, the tool still finds them.</summary>
internal static partial class SupportDesk
{
    /// <summary>Translates.</summary>
    [PromptClient(Model = "us.amazon.nova-lite-v1:0")]
    [PromptDescriptors]
    public partial interface INestedPrompts
    {
        /// <summary>Translates text to French.</summary>
        [Prompt("Translate to French: {{ text }}")]
        Task<string> TranslateAsync(string text, CancellationToken cancellationToken = default);
    }
}
