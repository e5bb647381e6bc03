// PG0015, PG0016, PG0215-PG0219: Bedrock invocation options that Bedrock or the model would reject.
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace PromptGen.Samples.Diagnostics;

[PromptClient(Model = "us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
public partial interface IBedrockOptions
{
    [Prompt("Answer {{ question }}")]
    Task<string> TaggedAsync(string question, [RequestMetadata] string tenant, CancellationToken cancellationToken = default);

    [ModelRequestFields("{'top_k': 50}")]
    [Prompt("Answer {{ question }}")]
    Task<string> FieldsAsync(string question, CancellationToken cancellationToken = default);

    [Model("us.amazon.nova-pro-v1:0")]
    [Reasoning]
    [Prompt("Plan {{ trip }}")]
    Task<string> PlanAsync(string trip, CancellationToken cancellationToken = default);

    [Reasoning(BudgetTokens = 512)]
    [Prompt("Prove {{ claim }}")]
    Task<string> ProveAsync(string claim, CancellationToken cancellationToken = default);

    [Reasoning]
    [Inference(Temperature = 0.2)]
    [Prompt("Summarize {{ text }}")]
    Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);

    [Guardrail("gr1abc2def3", "v1")]
    [Prompt("Explain {{ topic }}")]
    Task<string> ExplainAsync(string topic, CancellationToken cancellationToken = default);

    [RequestMetadata("team", "support <tier 1>")]
    [Prompt("Route {{ ticket }}")]
    Task<string> RouteAsync(string ticket, CancellationToken cancellationToken = default);
}
