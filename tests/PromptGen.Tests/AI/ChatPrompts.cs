using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Tests.AI;

public sealed record Recipe(string Title, int Minutes, IReadOnlyList<string> Ingredients);

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface IKitchenPrompts
{
    [SystemPrompt("You are a chef.")]
    [Prompt("Suggest a dish with {{ ingredient }}.")]
    [Inference(MaxTokens = 120, Temperature = 0.4)]
    Task<string> SuggestAsync(string ingredient, CancellationToken cancellationToken = default);

    [Prompt("Write a recipe for {{ dish }}.")]
    Task<Recipe> RecipeAsync(string dish, CancellationToken cancellationToken = default);

    [Prompt("Which dish is this, and does it follow the recipe?")]
    Task<string> IdentifyAsync(PromptImage photo, PromptDocument recipe, CancellationToken cancellationToken = default);
}
