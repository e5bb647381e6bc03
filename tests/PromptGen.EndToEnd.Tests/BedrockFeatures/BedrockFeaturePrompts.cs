using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.EndToEnd.Tests.BedrockFeatures;

public sealed record PuzzleSolution(string Answer, int Steps);

/// <summary>Every Bedrock invocation option as attributes, at interface and method level.</summary>
[PromptClient(Model = "us.amazon.nova-pro-v1:0")]
[Guardrail("gr1support", "3", Trace = GuardrailTrace.Enabled)]
[RequestMetadata("app", "support-bot")]
[SystemPrompt("You answer questions about the Acme 3000 manual. The manual: the device has three buttons and one light.")]
public partial interface IBedrockFeaturePrompts
{
    [CachePoint(CacheAfter.System)]
    [RequestMetadata("feature", "answers")]
    [Prompt("Answer: {{ question }}")]
    Task<string> AnswerAsync(string question, [RequestMetadata] IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken = default);

    [Model("us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [Reasoning(BudgetTokens = 2048)]
    [Inference(MaxTokens = 4096)]
    [Prompt("Solve: {{ puzzle }}")]
    Task<PromptResult<PuzzleSolution>> SolveAsync(string puzzle, CancellationToken cancellationToken = default);

    [LatencyOptimized]
    [ServiceTier(ServiceTier.Priority)]
    [ModelRequestFields("""{"inferenceConfig": {"topK": 20}}""")]
    [Prompt("Classify: {{ text }}")]
    Task<string> ClassifyAsync(string text, CancellationToken cancellationToken = default);

    [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [Guardrail("gr1support", "DRAFT", Trace = GuardrailTrace.EnabledFull, StreamProcessing = GuardrailStreamProcessing.Async)]
    [CachePoint(CacheAfter.System | CacheAfter.Prompt, Ttl = CacheTtl.OneHour)]
    [Reasoning]
    [Prompt("Explain: {{ topic }}")]
    PromptStream ExplainAsync(string topic, CancellationToken cancellationToken = default);
}
