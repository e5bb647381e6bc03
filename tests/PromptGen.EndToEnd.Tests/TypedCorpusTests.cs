using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>
/// Realistic model answers (data files under TypedCorpus/) read through a generated client and its generated parser:
/// each is either the right value or the right errors, by JSON path and kind.
/// </summary>
public sealed class TypedCorpusTests
{
    private static readonly JsonSerializerOptions ExpectedShape = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static TheoryData<string> CaseNames() => new(Cases().Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Answer_is_read_to_the_right_value_or_the_right_errors(string name)
    {
        CorpusCase corpusCase = Cases()[name];
        IOrderPrompts prompts = IOrderPrompts.Create(new AnsweringRuntime(corpusCase.Input));

        if (corpusCase.ExpectedJson is not null)
        {
            OrderSummary summary = await prompts.SummarizeAsync("email");
            JsonNode actual = JsonSerializer.SerializeToNode(summary, ExpectedShape)!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(corpusCase.ExpectedJson), actual), $"expected {corpusCase.ExpectedJson}\nactual   {actual.ToJsonString()}");
        }
        else
        {
            PromptResultException error = await Assert.ThrowsAsync<PromptResultException>(() => prompts.SummarizeAsync("email"));
            string[] actual = error.Errors.Select(e => $"{e.Path} {e.Kind}").ToArray();
            Assert.Equal(corpusCase.ExpectedErrors, actual);
        }
    }

    [Fact]
    public void The_corpus_has_cases_of_both_kinds()
    {
        Assert.True(Cases().Values.Count(c => c.ExpectedJson is not null) >= 8);
        Assert.True(Cases().Values.Count(c => c.ExpectedJson is null) >= 8);
    }

    private sealed record CorpusCase(string Input, string? ExpectedJson, string[] ExpectedErrors);

    private static Dictionary<string, CorpusCase> Cases()
    {
        string file = Path.Combine(AppContext.BaseDirectory, "TypedCorpus", "orders.cases");
        var cases = new Dictionary<string, CorpusCase>();
        string[] blocks = File.ReadAllText(file).ReplaceLineEndings("\n").Split("\n=== ")[1..];
        foreach (string block in blocks)
        {
            string name = block[..block.IndexOf('\n')];
            string input = Section(block, "--- input\n", "\n--- ");
            string? expect = block.Contains("--- expect\n", StringComparison.Ordinal) ? Section(block, "--- expect\n", null).Trim() : null;
            string[] errors = block.Contains("--- errors\n", StringComparison.Ordinal)
                ? Section(block, "--- errors\n", null).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : Array.Empty<string>();
            cases.Add(name, new CorpusCase(input, expect, errors));
        }

        return cases;
    }

    private static string Section(string block, string start, string? end)
    {
        int from = block.IndexOf(start, StringComparison.Ordinal) + start.Length;
        int to = end is null ? block.Length : block.IndexOf(end, from, StringComparison.Ordinal);
        return block[from..(to < 0 ? block.Length : to)];
    }

    /// <summary>A Bedrock stand-in that answers every call with the case's text.</summary>
    private sealed class AnsweringRuntime(string answer) : IBedrockRuntime
    {
        public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ConverseResponse
            {
                Output = new ConverseOutput { Message = Message.Assistant(answer) },
                StopReason = StopReason.EndTurn,
                Usage = new TokenUsage { InputTokens = 10, OutputTokens = 10, TotalTokens = 20 },
                Metrics = new ConverseMetrics { LatencyMs = 1 },
            });

        public System.Collections.Generic.IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("This test double does not stream.");
    }
}
