using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Tests.Telemetry;

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface ITracedPrompts
{
    [Prompt("Summarize: {{ text }}")]
    [Inference(MaxTokens = 250, Temperature = 0.5, TopP = 0.8, StopSequences = new[] { "###" })]
    Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);
}
