using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Tests.Logging;

[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
[Inference(MaxTokens = 64)]
public partial interface ILoggedPrompts
{
    [Prompt("Greet {{ name }} warmly.")]
    Task<string> GreetAsync(string name, CancellationToken cancellationToken = default);
}
