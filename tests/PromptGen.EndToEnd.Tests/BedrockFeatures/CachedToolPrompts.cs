using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen.EndToEnd.Tests.BedrockFeatures;

/// <summary>A tool set whose definitions are cached between the rounds of the tool loop.</summary>
public sealed class StockTools
{
    [Tool, Description("Units in stock for a product code.")]
    public int CountStock([Description("The product code.")] string code) => code == "LAMP-3000" ? 12 : 0;
}

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface ICachedToolPrompts
{
    [CachePoint(CacheAfter.Tools | CacheAfter.System, Ttl = CacheTtl.OneHour)]
    [SystemPrompt("You answer stock questions with the tools.")]
    [Prompt("How many {{ code }} are in stock?")]
    Task<string> StockAsync(string code, StockTools tools, CancellationToken cancellationToken = default);
}
