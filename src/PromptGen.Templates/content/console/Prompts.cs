using PromptGen;

namespace PromptGenApp;

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[Inference(MaxTokens = 200)]
public partial interface IAssistantPrompts
{
    [SystemPrompt("You are a concise assistant.")]
    [Prompt("Explain {{ topic }} in one sentence.")]
    Task<string> ExplainAsync(string topic, CancellationToken cancellationToken = default);
}
