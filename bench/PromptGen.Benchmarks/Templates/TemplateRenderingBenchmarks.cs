using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;

namespace PromptGen.Benchmarks.Templates;

/// <summary>
/// Rendering a prompt and building its Converse request: the generated client (templates compiled to C# where
/// possible) against the Scriban runtime path (<see cref="PromptTemplate"/>) doing the same work. Both end at a
/// no-op <see cref="IBedrockRuntime"/> that returns a completed task, so only rendering and request building count.
/// </summary>
[BenchmarkCategory("Templates")]
public class TemplateRenderingBenchmarks
{
    private static readonly PromptTemplate SmallTemplate = PromptTemplate.Parse(TemplateCorpus.Small);
    private static readonly PromptTemplate LoopHeavyTemplate = PromptTemplate.Parse(TemplateCorpus.LoopHeavy);
    private static readonly PromptTemplate LargeSystemTemplate = PromptTemplate.Parse(TemplateCorpus.LargeSystem);
    private static readonly PromptTemplate LargeTemplate = PromptTemplate.Parse(TemplateCorpus.Large);

    private readonly NoOpBedrock _bedrock = new();
    private readonly IBenchPrompts _client;
    private readonly Ticket _ticket = TemplateInputs.Ticket();
    private readonly Order _smallOrder = TemplateInputs.Order(lines: 3);
    private readonly Order _loopOrder = TemplateInputs.Order(lines: 50);

    public TemplateRenderingBenchmarks() => _client = IBenchPrompts.Create(_bedrock);

    [Benchmark(Baseline = true), BenchmarkCategory("Small")]
    public Task<string> Small_Scriban()
    {
        var arguments = new PromptArguments(2) { { "product", "Acme Router" }, { "ticket", _ticket } };
        return Send(null, SmallTemplate.Render(arguments));
    }

    [Benchmark, BenchmarkCategory("Small")]
    public Task<string> Small_Compiled() => _client.SmallAsync("Acme Router", _ticket);

    [Benchmark(Baseline = true), BenchmarkCategory("LoopHeavy")]
    public Task<string> LoopHeavy_Scriban()
    {
        var arguments = new PromptArguments(1) { { "order", _loopOrder } };
        return Send(null, LoopHeavyTemplate.Render(arguments));
    }

    [Benchmark, BenchmarkCategory("LoopHeavy")]
    public Task<string> LoopHeavy_Compiled() => _client.LoopHeavyAsync(_loopOrder);

    [Benchmark(Baseline = true), BenchmarkCategory("Large")]
    public Task<string> Large_Scriban()
    {
        var arguments = new PromptArguments(4)
        {
            { "product", "Acme Router" }, { "ticket", _ticket }, { "order", _smallOrder }, { "language", "English" },
        };
        return Send(LargeSystemTemplate.Render(arguments), LargeTemplate.Render(arguments));
    }

    [Benchmark, BenchmarkCategory("Large")]
    public Task<string> Large_Compiled() => _client.LargeAsync("Acme Router", _ticket, _smallOrder, "English");

    private async Task<string> Send(string? system, string user)
    {
        var request = new ConverseRequest
        {
            System = SystemContentBlock.ListFromText(system),
            Messages = { Message.User(user) },
        };
        ConverseResponse response = await _bedrock.ConverseAsync("us.anthropic.claude-haiku-4-5-20251001-v1:0", request, CancellationToken.None).ConfigureAwait(false);
        return response.GetOutputText();
    }

    /// <summary>Answers every request at once with the same response: no I/O, no JSON.</summary>
    private sealed class NoOpBedrock : IBedrockRuntime
    {
        private readonly Task<ConverseResponse> _response = Task.FromResult(new ConverseResponse
        {
            Output = new ConverseOutput { Message = Message.Assistant("ok") },
            StopReason = StopReason.EndTurn,
        });

        public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) => _response;

        public System.Collections.Generic.IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            throw new System.NotSupportedException("This benchmark double does not stream.");
    }
}

internal static class TemplateInputs
{
    public static Ticket Ticket() => new(
        "Router drops Wi-Fi every evening",
        "Since the last firmware update my router loses the 5 GHz network around 8 pm and only a restart brings it back.",
        new[] { "wifi", "firmware", "router" });

    public static Order Order(int lines)
    {
        var items = new List<OrderLine>(lines);
        for (int i = 0; i < lines; i++)
        {
            items.Add(new OrderLine($"SKU-{i:D4}", $"Part number {i}", i % 5 + 1, 9.99m + i));
        }

        return new Order("ORD-2026-1125", "Dana Smith", new DateTime(2026, 11, 20, 14, 30, 0, DateTimeKind.Utc), items);
    }
}
