using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.EndToEnd.Tests.TypedCorpus;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>
/// The typed corpus (TypedCorpus/*.cases): realistic answers of each model family on Bedrock, read end to end by that
/// family's generated client over signed HTTP against the emulator, with no repair. Each is either exactly the value
/// a careful user expects, or exactly the errors (kind and path) docs/parsing.md says it has.
/// </summary>
public sealed class TypedCorpusTests : IClassFixture<TypedCorpusTests.SharedEmulator>
{
    private static readonly JsonSerializerOptions ValueShape = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Dictionary<string, int> Numbers = TypedCorpus.TypedCorpus.All.Keys
        .Select((id, index) => (id, index)).ToDictionary(pair => pair.id, pair => pair.index);

    private readonly SharedEmulator _shared;

    public TypedCorpusTests(SharedEmulator shared) => _shared = shared;

    public static TheoryData<string> CaseNames() => new(TypedCorpus.TypedCorpus.All.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Answer_is_read_to_the_right_value_or_the_right_errors(string id)
    {
        CorpusCase corpusCase = TypedCorpus.TypedCorpus.All[id];
        string marker = $"case-{Numbers[id]:D4}";
        ScriptRuleBuilder rule = _shared.Fixture.Emulator.Script.When(promptContains: marker);
        if (corpusCase.ViaTool)
        {
            rule.ReplyToolUse(null, corpusCase.Input);
        }
        else
        {
            rule.ReplyText(corpusCase.Input, corpusCase.StopReason);
        }

        (object? value, PromptResultException? error) = await CallAsync(corpusCase, marker);

        if (corpusCase.ExpectedJson is not null)
        {
            Assert.True(error is null, $"expected a value, got: {string.Join("; ", error?.Errors.Select(e => $"{e.Path} {e.Kind}: {e.Message}") ?? [])}");
            JsonNode? actual = JsonSerializer.SerializeToNode(value, ValueShape);
            Assert.True(
                JsonNode.DeepEquals(JsonNode.Parse(corpusCase.ExpectedJson), actual),
                $"expected {corpusCase.ExpectedJson}\nactual   {actual?.ToJsonString() ?? "null"}");
        }
        else
        {
            Assert.True(error is not null, $"expected errors, got the value {JsonSerializer.Serialize(value, ValueShape)}");
            string[] actual = error.Errors.Select(e => $"{e.Path} {e.Kind}").ToArray();
            Assert.True(corpusCase.ExpectedErrors!.SequenceEqual(actual),
                $"expected {string.Join(", ", corpusCase.ExpectedErrors!)}\nactual   {string.Join("; ", error.Errors.Select(e => $"{e.Path} {e.Kind}: {e.Message}"))}");
            if (corpusCase.MessageContains is { } text)
            {
                Assert.Contains(text, error.Errors[0].Message, StringComparison.Ordinal);
            }
        }

        RecordedRequest request = _shared.Fixture.Emulator.Requests.Last(r => r.UserText?.Contains(marker, StringComparison.Ordinal) == true);
        Assert.Equal(ModelOf(corpusCase), request.ModelId);
    }

    [Fact]
    public void The_corpus_has_three_hundred_cases_across_families_and_result_kinds()
    {
        IReadOnlyCollection<CorpusCase> cases = TypedCorpus.TypedCorpus.All.Values.ToArray();

        Assert.True(cases.Count >= 300 + 20, $"{cases.Count} cases");
        foreach (string family in new[] { "claude", "llama", "mistral", "titan-nova", "cohere" })
        {
            Assert.True(cases.Count(c => c.Family == family) >= 40, $"{family}: {cases.Count(c => c.Family == family)} cases");
        }

        foreach (string method in Methods)
        {
            Assert.True(cases.Count(c => c.Method == method) >= 8, $"{method}: {cases.Count(c => c.Method == method)} cases");
        }

        Assert.True(cases.Count(c => c.ExpectedErrors is not null) >= 80);
    }

    private static readonly string[] Methods =
    {
        "ticket", "invoice", "review", "tickets", "priority", "urgent", "count", "refunds", "headline", "tags", "scores", "due", "meeting", "total", "order",
    };

    private async Task<(object? Value, PromptResultException? Error)> CallAsync(CorpusCase corpusCase, string marker)
    {
        BedrockRuntimeClient client = _shared.Fixture.Client;
        try
        {
            if (corpusCase.Method == "order")
            {
                return (await IOrderPrompts.Create(client).SummarizeAsync(marker), null);
            }

            ICorpusPrompts prompts = ClientOf(corpusCase, client);
            CancellationToken none = CancellationToken.None;
            object? value = corpusCase.Method switch
            {
                "ticket" => await prompts.TicketAsync(marker, none),
                "invoice" => await prompts.InvoiceAsync(marker, none),
                "review" => await prompts.ReviewAsync(marker, none),
                "tickets" => await prompts.TicketsAsync(marker, none),
                "priority" => await prompts.PriorityAsync(marker, none),
                "urgent" => await prompts.IsUrgentAsync(marker, none),
                "count" => await prompts.CountAsync(marker, none),
                "refunds" => await prompts.RefundsAsync(marker, none),
                "headline" => await prompts.HeadlineAsync(marker, none),
                "tags" => await prompts.TagsAsync(marker, none),
                "scores" => await prompts.ScoresAsync(marker, none),
                "due" => await prompts.DueAsync(marker, none),
                "meeting" => await prompts.MeetingAsync(marker, none),
                "total" => await prompts.TotalAsync(marker, none),
                _ => throw new InvalidOperationException($"{corpusCase.Id}: unknown method '{corpusCase.Method}'."),
            };
            return (value, null);
        }
        catch (PromptResultException error)
        {
            return (null, error);
        }
    }

    private static ICorpusPrompts ClientOf(CorpusCase corpusCase, BedrockRuntimeClient client) => corpusCase.Family switch
    {
        "claude" => corpusCase.ViaTool ? IClaudeToolCorpus.Create(client) : IClaudeCorpus.Create(client),
        "llama" => ILlamaCorpus.Create(client),
        "mistral" => IMistralCorpus.Create(client),
        "titan-nova" => INovaCorpus.Create(client),
        "cohere" => ICohereCorpus.Create(client),
        _ => corpusCase.ViaTool ? IClaudeToolCorpus.Create(client) : INovaCorpus.Create(client),
    };

    private static string ModelOf(CorpusCase corpusCase) => corpusCase.Method == "order" ? "amazon.nova-micro-v1:0" : corpusCase.Family switch
    {
        "claude" => "us.anthropic.claude-haiku-4-5-20251001-v1:0",
        "llama" => "meta.llama3-1-70b-instruct-v1:0",
        "mistral" => "mistral.mistral-large-2407-v1:0",
        "cohere" => "cohere.command-r-v1:0",
        _ => corpusCase.ViaTool ? "us.anthropic.claude-haiku-4-5-20251001-v1:0" : "amazon.nova-lite-v1:0",
    };

    /// <summary>One emulator and one signed client for the whole corpus; each case adds the rule that answers it.</summary>
    public sealed class SharedEmulator : IAsyncLifetime
    {
        public EmulatorFixture Fixture { get; } = new();

        public ValueTask InitializeAsync() => Fixture.InitializeAsync();

        public ValueTask DisposeAsync() => Fixture.DisposeAsync();
    }
}
