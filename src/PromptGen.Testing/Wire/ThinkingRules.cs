using PromptGen.Generators.Catalog;

namespace PromptGen.Testing.Wire;

/// <summary>
/// Claude's extended thinking as Bedrock passes it through in <c>additionalModelRequestFields.thinking</c>:
/// refused by models without it, and by Claude for a budget below 1024 or not below <c>maxTokens</c>
/// (Anthropic's documented rules [D]; the messages paraphrase the service's).
/// </summary>
internal static class ThinkingRules
{
    private const int MinimumBudget = 1024;

    public static EmulatorError? Check(ModelInfo model, ConverseFeatures request)
    {
        if (request.Options.ThinkingBudget is not { } budget)
        {
            return null;
        }

        if (model.Provider != "Anthropic" || !model.Supports(ModelCapabilities.Reasoning))
        {
            return EmulatorErrors.UnsupportedByModel("additionalModelRequestFields.thinking (extended thinking)");
        }

        if (budget < MinimumBudget)
        {
            return EmulatorErrors.Validation($"thinking.budget_tokens: Input should be greater than or equal to {MinimumBudget}");
        }

        return request.MaxTokens is { } maxTokens && maxTokens <= budget
            ? EmulatorErrors.Validation("`max_tokens` must be greater than `thinking.budget_tokens`.")
            : null;
    }
}
