namespace PromptGen.Descriptors;

/// <summary>What a prompt method would send, rendered without calling Bedrock.</summary>
/// <param name="SystemPrompt">The rendered system prompt; null when the method has none.</param>
/// <param name="UserPrompt">The rendered user prompt, as the user message's text (before any structured-output instructions).</param>
/// <param name="ModelId">The model the request goes to first.</param>
/// <param name="RequestBodyJson">The Converse request body exactly as it would be sent (the model id travels in the URL).</param>
public sealed record PromptPreview(string? SystemPrompt, string UserPrompt, string ModelId, string RequestBodyJson);
