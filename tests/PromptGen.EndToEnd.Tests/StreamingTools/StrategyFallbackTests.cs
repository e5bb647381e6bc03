using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests.StreamingTools;

/// <summary>Claude Haiku 4.5 is asked for native structured output, Nova Lite for a forced result tool (catalog).</summary>
[PromptClient(Model = StrategyFallbackPrompts.Primary)]
[FallbackModels(StrategyFallbackPrompts.Fallback)]
public partial interface IStrategyFallbackPrompts
{
    [Prompt("Outline with tools a walk in {{ city }}")]
    Task<WalkPlan> OutlineAsync(string city, WalkTools tools, CancellationToken cancellationToken = default);
}

internal static class StrategyFallbackPrompts
{
    public const string Primary = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    public const string Fallback = "us.amazon.nova-lite-v1:0";
}

/// <summary>
/// Issue 23: a typed tool loop that falls back mid-conversation to a model asked for the result another way keeps the
/// turns so far behind an opening shaped for the new model.
/// </summary>
public sealed class StrategyFallbackTests : IAsyncLifetime
{
    private const string Primary = StrategyFallbackPrompts.Primary;
    private const string Fallback = StrategyFallbackPrompts.Fallback;
    private readonly EmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_fallback_with_another_strategy_continues_the_conversation_with_its_own_result_tool()
    {
        _fixture.Emulator.Script.When(call => call.ModelId == Primary && call.ToolResults.Count == 0).ReplyToolUse("get_forecast", """{"city":"Paris"}""");
        _fixture.Emulator.Script.When(call => call.ModelId == Primary && call.ToolResults.Count > 0).ReplyError("ValidationException", 400, "Input is too long for this model.");
        _fixture.Emulator.Script.When(call => call.ModelId == Fallback && call.ToolResults.Count > 0).ReplyToolUse("WalkPlan", """{"route":"Arcades","minutes":30}""");

        WalkPlan plan = await IStrategyFallbackPrompts.Create(_fixture.Client).OutlineAsync("Paris", new WalkTools());

        Assert.Equal(new WalkPlan("Arcades", 30), plan);
        Assert.Equal([Primary, Primary, Fallback], _fixture.Emulator.Requests.Select(r => r.ModelId));
        using JsonDocument first = JsonDocument.Parse(_fixture.Emulator.Requests[0].Body);
        using JsonDocument moved = JsonDocument.Parse(_fixture.Emulator.Requests[2].Body);
        // The first model was asked for native structured output beside the user's tools...
        Assert.True(first.RootElement.TryGetProperty("outputConfig", out _));
        Assert.Equal(["get_forecast", "slow_lookup"], ToolNames(first));
        // ...the fallback for a result tool beside them, after the same turns (the call and its result).
        Assert.False(moved.RootElement.TryGetProperty("outputConfig", out _));
        Assert.Equal(["get_forecast", "slow_lookup", "WalkPlan"], ToolNames(moved));
        Assert.True(moved.RootElement.GetProperty("toolConfig").GetProperty("toolChoice").TryGetProperty("any", out _));
        Assert.Equal(3, moved.RootElement.GetProperty("messages").GetArrayLength());
        Assert.Equal("Rain, 14 °C", Assert.Single(_fixture.Emulator.Requests[2].ToolResults).Text);
    }

    private static string[] ToolNames(JsonDocument request) =>
        request.RootElement.GetProperty("toolConfig").GetProperty("tools").EnumerateArray()
            .Where(tool => tool.TryGetProperty("toolSpec", out _))
            .Select(tool => tool.GetProperty("toolSpec").GetProperty("name").GetString()!).ToArray();
}
