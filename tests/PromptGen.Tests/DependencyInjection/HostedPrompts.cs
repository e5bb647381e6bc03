using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Tests.DependencyInjection;

/// <summary>A prompt interface resolved from a service provider in these tests.</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[Inference(MaxTokens = 100, Temperature = 0.3, TopP = 0.9)]
public partial interface IHostedPrompts
{
    [SystemPrompt("You answer in one word.")]
    [Prompt("Name a colour like {{ thing }}.")]
    Task<string> ColourAsync(string thing, CancellationToken cancellationToken = default);
}
