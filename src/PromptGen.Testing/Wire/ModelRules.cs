using PromptGen.Generators.Catalog;

namespace PromptGen.Testing.Wire;

/// <summary>
/// Refuses what the real service refuses for a model the catalog knows: a retired model, a profile-only model called by
/// base id, too many output tokens, and request members the model does not support. Unknown and opaque model ids pass:
/// AWS adds models faster than any catalog.
/// </summary>
internal static class ModelRules
{
    public static EmulatorError? Check(ModelTable catalog, string modelId, ConverseFeatures request)
    {
        ModelLookup lookup = catalog.Find(modelId);
        if (lookup.Model is not { } model)
        {
            return null;
        }

        if (model.Lifecycle == ModelLifecycle.EndOfLife)
        {
            return EmulatorErrors.EndOfLife();
        }

        if (model.RequiresInferenceProfile && !lookup.IsInferenceProfile)
        {
            return EmulatorErrors.OnDemandNotSupported(modelId);
        }

        if (model.Modality != ModelModality.Chat)
        {
            return EmulatorErrors.NotAChatModel();
        }

        if (model.MaxOutputTokens > 0 && request.MaxTokens > model.MaxOutputTokens)
        {
            return EmulatorErrors.MaxTokensExceeded(model.MaxOutputTokens);
        }

        if (UnsupportedMember(model, request) is { } member)
        {
            return EmulatorErrors.UnsupportedByModel(member);
        }

        return ThinkingRules.Check(model, request);
    }

    /// <summary>The first request feature the model lacks, named the way the error message names it.</summary>
    private static string? UnsupportedMember(ModelInfo model, ConverseFeatures request)
    {
        if (request.HasSystem && !model.Supports(ModelCapabilities.SystemPrompt))
        {
            return "system messages";
        }

        if (request.HasToolConfig && !model.Supports(ModelCapabilities.ToolUse))
        {
            return "tool use";
        }

        if (request.IsToolUseForced && !model.Supports(ModelCapabilities.ForcedToolChoice))
        {
            return $"toolConfig.toolChoice.{request.ToolChoice}";
        }

        if (request.OutputSchema is not null && !model.Supports(ModelCapabilities.NativeStructuredOutput))
        {
            return "outputConfig.textFormat (structured output)";
        }

        if (request.HasImages && !model.Supports(ModelCapabilities.Images))
        {
            return "image content blocks";
        }

        if (request.HasDocuments && !model.Supports(ModelCapabilities.Documents))
        {
            return "document content blocks";
        }

        return request.HasVideo && !model.Supports(ModelCapabilities.Video) ? "video content blocks" : null;
    }

    /// <summary>
    /// What InvokeModel refuses for a catalogued model whatever the body: a retired model, and a profile-only model called by
    /// base id. Unknown and opaque ids pass.
    /// </summary>
    public static EmulatorError? CheckInvoke(ModelTable catalog, string modelId)
    {
        ModelLookup lookup = catalog.Find(modelId);
        if (lookup.Model is not { } model)
        {
            return null;
        }

        if (model.Lifecycle == ModelLifecycle.EndOfLife)
        {
            return EmulatorErrors.EndOfLife();
        }

        return model.RequiresInferenceProfile && !lookup.IsInferenceProfile ? EmulatorErrors.OnDemandNotSupported(modelId) : null;
    }

    /// <summary>The catalog's output limit for the model; 0 when unknown.</summary>
    public static int MaxOutputTokens(ModelTable catalog, string modelId) => catalog.Find(modelId).Model?.MaxOutputTokens ?? 0;
}
