using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace Diagnostics.Tools;

public sealed record Plan(string Summary);

public sealed class BadTools
{
    [Tool, Description("Reads a file.")]
    public string Read(object path) => "";                                          // PG0400: object has no JSON shape

    [Tool, Description("Finds an order.")]
    public Task<object> FindAsync(string id) => Task.FromResult<object>(id);        // PG0401

    [Tool("get weather"), Description("The weather.")]
    public string GetWeather(string city) => "";                                   // PG0402: a space in the name

    [Tool, Description("The time.")]
    public static string Now() => "";                                              // PG0407: static

    [Tool]
    public string Undescribed(string city) => "";                                  // PG0408 (info; a warning here)
}

public sealed class ClashingTools
{
    [Tool, Description("By id.")] public string Find(int id) => "";
    [Tool, Description("By name.")] public string Find(string name) => "";
}

public sealed class PlanTools
{
    [Tool("Plan"), Description("Loads a saved plan.")] public string Load(string id) => "";
}

public sealed class GoodTools
{
    [Tool, Description("The weather.")] public string GetWeather(string city) => "";
}

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface IToolMistakes
{
    [Prompt("Plan {{ city }}")]
    Task<string> BadAsync(string city, BadTools tools, CancellationToken cancellationToken = default);

    [Prompt("Plan {{ city }}")]
    Task<string> ClashAsync(string city, ClashingTools tools, CancellationToken cancellationToken = default);  // PG0403: two 'find'

    [Prompt("Plan {{ city }}")]
    IAsyncEnumerable<string> StreamAsync(string city, GoodTools tools, CancellationToken cancellationToken = default);  // fine: streams run tools (PG0404 is retired)

    [Prompt("Plan {{ city }}")]
    [StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool)]
    Task<Plan> PlanAsync(string city, PlanTools tools, CancellationToken cancellationToken = default);  // PG0405: the result tool is 'Plan'

    [Prompt("Plan {{ city }}")]
    [ToolLoop(MaxIterations = 0)]                                                                        // PG0406
    Task<string> LoopAsync(string city, GoodTools tools, CancellationToken cancellationToken = default);

    [Model("amazon.titan-text-express-v1")]                                                              // PG0409 (and PG0203: legacy)
    [Prompt("Plan {{ city }}")]
    Task<string> TitanAsync(string city, GoodTools tools, CancellationToken cancellationToken = default);
}
