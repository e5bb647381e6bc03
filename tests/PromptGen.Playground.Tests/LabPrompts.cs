using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PromptGen.Playground.Tests;

/// <summary>Prompts with numbers, lists and an enum, so the page's form has something to refuse; a media method, an image method, an embedding method, a typed result stream and a conversation.</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[PromptDescriptors]
public partial interface ILabPrompts
{
    [Prompt("List {{ count }} {{ flavor }} names for a product tagged {{ for tag in tags }}{{ tag }} {{ end }}")]
    Task<List<string>> NamesAsync(int count, IReadOnlyList<string> tags, Flavor flavor = Flavor.Playful, CancellationToken cancellationToken = default);

    [Prompt("Say hello to {{ name }}")]
    Task<string> HelloAsync(string name);

    [Prompt("Describe the photo for {{ audience }}")]
    Task<string> DescribeAsync(PromptImage photo, string audience, CancellationToken cancellationToken = default);

    [Model("stability.stable-image-core-v1:1")]
    [Prompt("A logo for {{ brand }}")]
    [ImageGeneration(AspectRatio = "1:1")]
    Task<GeneratedImage> LogoAsync(string brand, CancellationToken cancellationToken = default);

    [Model("amazon.titan-embed-text-v2:0")]
    [Embedding(Dimensions = 256)]
    Task<Embedding<float>> EmbedAsync(string text, CancellationToken cancellationToken = default);

    [SystemPrompt("You help shoppers.")]
    [Prompt("{{ question }}")]
    Task<string> ChatAsync(IReadOnlyList<Message> history, string question, CancellationToken cancellationToken = default);

    [Prompt("Plan the launch of {{ product }}")]
    ResultStream<LaunchPlan, ILabPrompts.LaunchPlanPartial> PlanLaunchAsync(string product, CancellationToken cancellationToken = default);
}

public sealed record LaunchStep(string Title, int Days);

public sealed record LaunchPlan(string Name, IReadOnlyList<LaunchStep> Steps);

public enum Flavor { Playful, Serious }
