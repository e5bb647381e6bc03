using System.Collections.Generic;
using System.Threading;

namespace PromptGen.EndToEnd.Tests;

public sealed record StoryOutline(string Title, IReadOnlyList<string> Chapters, int Pages);

public sealed record Character(string Name, int Age);

/// <summary>Every streaming return type, with the result read through each strategy.</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface IStreamingPrompts
{
    [Prompt("Tell a story about {{ topic }}")]
    IAsyncEnumerable<string> TellAsync(string topic, CancellationToken cancellationToken = default);

    [Prompt("Explain {{ topic }}")]
    PromptStream ExplainAsync(string topic, CancellationToken cancellationToken = default);

    [Prompt("Outline a story about {{ topic }}")]
    ResultStream<StoryOutline, StoryOutlinePartial> OutlineAsync(string topic, CancellationToken cancellationToken = default);

    [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
    [Prompt("Outline with the tool a story about {{ topic }}")]
    ResultStream<StoryOutline, StoryOutlinePartial> OutlineWithToolAsync(string topic, CancellationToken cancellationToken = default);

    [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly)]
    [Prompt("Outline in the prompt a story about {{ topic }}")]
    ResultStream<StoryOutline, StoryOutlinePartial> OutlineInPromptAsync(string topic, CancellationToken cancellationToken = default);

    [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly)]
    [Prompt("Cast a story about {{ topic }}")]
    ResultStream<List<Character>, IReadOnlyList<CharacterPartial>> CastAsync(string topic, CancellationToken cancellationToken = default);

    [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly)]
    [Prompt("Cast at once a story about {{ topic }}")]
    System.Threading.Tasks.Task<List<Character>> CastAtOnceAsync(string topic, CancellationToken cancellationToken = default);
}
