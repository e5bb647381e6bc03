using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PromptGen.Bedrock;
using PromptGen.Retrieval;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Retrieval;

/// <summary>
/// Retrieval declared with <c>[Retrieve]</c>, end to end against the emulator: the generated method sends one Retrieve
/// and one Converse, the passages reach the template in rank order (the rendered prompt is approved text), a filter
/// parameter reaches the knowledge base, citations come back on the result, a retriever parameter serves your own
/// store, and configuration alone points the same interface at another knowledge base.
/// </summary>
public sealed class DeclaredRetrievalTests : IAsyncLifetime
{
    private const string ProductionKnowledgeBase = "KBPROD0001";
    private readonly string _docs = Directory.CreateTempSubdirectory("promptgen-declared-rag-").FullName;
    private readonly string _production = Directory.CreateTempSubdirectory("promptgen-declared-rag-prod-").FullName;
    private BedrockEmulator _emulator = null!;
    private BedrockRuntimeClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_docs, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        await File.WriteAllTextAsync(Path.Combine(_docs, "retries.md.metadata.json"), """{"metadataAttributes": {"team": "runtime"}}""");
        await File.WriteAllTextAsync(Path.Combine(_docs, "streams.md"), "An idle stream times out after the idle limit; its errors are not retried.");
        await File.WriteAllTextAsync(Path.Combine(_docs, "streams.md.metadata.json"), """{"metadataAttributes": {"team": "streaming"}}""");
        await File.WriteAllTextAsync(Path.Combine(_docs, "bread.txt"), "Bread needs flour, water and time.");
        await File.WriteAllTextAsync(Path.Combine(_production, "policy.md"), "In production, throttling errors are retried at most three times.");
        _emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions
        {
            KnowledgeBases = { [IDeclaredRagPrompts.KnowledgeBase] = _docs, [ProductionKnowledgeBase] = _production },
        });
        _client = Client();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
        Directory.Delete(_docs, recursive: true);
        Directory.Delete(_production, recursive: true);
    }

    [Fact]
    public async Task The_method_retrieves_once_and_renders_the_passages_in_rank_order()
    {
        const string question = "How are throttling errors retried?";
        _emulator.Script.When(model: IDeclaredRagPrompts.Model, promptContains: "Question: " + question).ReplyText("With full jitter [1].");

        PromptResult<string> answer = await IDeclaredRagPrompts.Create(_client).AnswerAsync(question);

        Assert.Equal("With full jitter [1].", answer.Value);
        Assert.Equal(new[] { "s3://promptgen-kb-kbdocs0001/retries.md", "s3://promptgen-kb-kbdocs0001/streams.md" }, answer.Passages.Select(passage => passage.Location));
        Assert.Empty(answer.Citations); // citations were not asked for
        Assert.Equal(new[] { "Retrieve", "Converse" }, _emulator.Requests.Select(request => request.Operation));
        Assert.Contains("\"numberOfResults\":3", _emulator.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains(question, _emulator.Requests[0].Body, StringComparison.Ordinal);
        // The rendered prompt (approved text): the passages in rank order, each with its rank, location and text.
        Assert.Equal(
            """
            Answer from these passages only and cite them as [n].
            [1] s3://promptgen-kb-kbdocs0001/retries.md: Throttling errors are retried with exponential backoff and full jitter.
            [2] s3://promptgen-kb-kbdocs0001/streams.md: An idle stream times out after the idle limit; its errors are not retried.
            Question: How are throttling errors retried?
            """.ReplaceLineEndings("\n"),
            _emulator.Requests[1].UserText!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_filter_parameter_reaches_the_knowledge_base()
    {
        const string question = "Which errors are retried?";
        _emulator.Script.When(model: IDeclaredRagPrompts.Model, promptContains: "Question: " + question).ReplyText("Idle stream errors are not.");

        await IDeclaredRagPrompts.Create(_client).AnswerAsync(question, RetrievalFilter.Equal("team", "streaming"));

        Assert.Contains("\"filter\":{\"equals\":{\"key\":\"team\",\"value\":\"streaming\"}}", _emulator.Requests[0].Body, StringComparison.Ordinal);
        string prompt = _emulator.Requests[1].UserText!;
        Assert.Contains("[1] s3://promptgen-kb-kbdocs0001/streams.md", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("retries.md", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Citations_come_back_on_the_result_and_point_at_the_passages()
    {
        const string question = "How are throttling errors retried?";
        _emulator.Script.When(model: IDeclaredRagPrompts.Model, promptContains: question).ReplyText("Throttling errors are retried with full jitter.");

        PromptResult<string> answer = await IDeclaredRagPrompts.Create(_client).AnswerWithCitationsAsync(question);

        Assert.Equal("Throttling errors are retried with full jitter.", answer.Value);
        // Both passages went to the model as citable documents before the question.
        IReadOnlyList<RecordedContentBlock> sent = _emulator.Requests[1].UserContent;
        Assert.Equal(new[] { "document", "document", "text" }, sent.Select(block => block.Kind));
        Assert.Equal(new[] { "passage 1", "passage 2" }, sent.Take(2).Select(block => block.Name));
        Assert.All(sent.Take(2), block => Assert.True(block.CitationsEnabled));
        Assert.Equal("Throttling errors are retried with exponential backoff and full jitter.", Encoding.UTF8.GetString(sent[0].Bytes!.Value.Span));
        // Each citation names the cited passage's location (its document was "passage {rank}"), with its text and
        // where in the request's documents it is; the result carries the passages too.
        Assert.Equal(
            new[]
            {
                ("s3://promptgen-kb-kbdocs0001/retries.md", "Throttling errors are retried with exponential backoff and full jitter."),
                ("s3://promptgen-kb-kbdocs0001/streams.md", "An idle stream times out after the idle limit; its errors are not retried."),
            },
            answer.Citations.Select(citation => (citation.Source!, citation.SourceText!)));
        Assert.Equal(new[] { 1, 2 }, answer.Passages.Select(passage => passage.Rank));
        Assert.All(answer.Citations, citation => Assert.Equal("Throttling errors are retried with full jitter.", citation.CitedText));
        Assert.StartsWith("document 0", answer.Citations[0].Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streamed_citations_arrive_on_the_PromptStream()
    {
        // A stream you build yourself over passages sent as citable documents (declared streaming retrieval is in
        // StreamingRetrievalTests) collects the citation deltas that follow the text they support.
        var passages = new[]
        {
            new RetrievedPassage("Throttling errors are retried with exponential backoff and full jitter.", 1, 3.0, "s3://kb/retries.md"),
            new RetrievedPassage("Bread needs flour, water and time.", 2, 1.0, "s3://kb/bread.txt"),
        };
        var request = new ConverseRequest { Messages = { PromptGen.CompilerServices.PassageRetrieval.WithCitableDocuments(Message.User("[stream] How is throttling retried?"), passages) } };
        _emulator.Script.When(model: IDeclaredRagPrompts.Model, promptContains: "[stream]").Stream(chunkSize: 7).ReplyText("Throttling is retried with jitter.");
        var stream = new PromptStream(_client, IDeclaredRagPrompts.Model, request);

        string text = await stream.ReadToEndAsync();

        Assert.Equal("Throttling is retried with jitter.", text);
        PromptCitation citation = Assert.Single(stream.Citations);
        Assert.Equal(("Throttling is retried with jitter.", "passage 1", passages[0].Text), (citation.CitedText, citation.Source, citation.SourceText));
        Assert.Equal(citation.Source, Assert.Single(stream.ToResult().Citations).Source);
        Assert.Equal("Throttling is retried with jitter.", stream.ToResponse().GetOutputText());
    }

    [Fact]
    public async Task A_retriever_parameter_serves_your_own_store_with_only_the_Converse_call_sent()
    {
        var store = new ListRetriever(
            new RetrievedPassage("Kettles boil water.", 1, 0.9, "faq/kettle.md"),
            new RetrievedPassage("Toasters brown bread.", 2, 0.4, "faq/toaster.md"));
        _emulator.Script.When(model: IDeclaredRagPrompts.Model, promptContains: "Q: What boils water?").ReplyText("A kettle.");

        string answer = await IDeclaredRagPrompts.Create(_client).AskStoreAsync("What boils water?", store);

        Assert.Equal("A kettle.", answer);
        PassageQuery query = Assert.Single(store.Queries);
        Assert.Equal(("What boils water?", 2), (query.Text, query.Count));
        Assert.Equal(new[] { "Converse" }, _emulator.Requests.Select(request => request.Operation));
        Assert.Equal("(1, 0.9) Kettles boil water.\n(2, 0.4) Toasters brown bread.\nQ: What boils water?", _emulator.Requests[0].UserText!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_empty_query_fails_before_any_request()
    {
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => IDeclaredRagPrompts.Create(_client).AnswerAsync("  "));

        Assert.Equal("question", error.ParamName);
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Configuration_alone_points_the_same_interface_at_another_knowledge_base()
    {
        const string question = "How are throttling errors retried?";
        _emulator.Script.When(model: IDeclaredRagPrompts.Model, promptContains: "Question: " + question).ReplyText("Three times at most [1].");
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PromptGen:Region"] = "us-east-1",
                ["PromptGen:Endpoint"] = _emulator.Endpoint.ToString(),
                ["PromptGen:KnowledgeBaseIds:" + IDeclaredRagPrompts.KnowledgeBase] = ProductionKnowledgeBase,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddPromptGen(configuration.GetSection("PromptGen"), options =>
            options.Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey));
        services.AddPromptClient<IDeclaredRagPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        PromptResult<string> answer = await provider.GetRequiredService<IDeclaredRagPrompts>().AnswerAsync(question);

        Assert.Equal("Three times at most [1].", answer.Value);
        Assert.Equal("/knowledgebases/" + ProductionKnowledgeBase + "/retrieve", _emulator.Requests[0].RawPath);
        Assert.Contains("s3://promptgen-kb-kbprod0001/policy.md", _emulator.Requests[1].UserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_knowledge_base_is_the_services_not_found_error()
    {
        using BedrockRuntimeClient client = Client(options => options.KnowledgeBaseIds[IDeclaredRagPrompts.KnowledgeBase] = "KBMISSING1");

        await Assert.ThrowsAsync<BedrockResourceNotFoundException>(() => IDeclaredRagPrompts.Create(client).AnswerAsync("anything"));
        Assert.Equal(new[] { "Retrieve" }, _emulator.Requests.Select(request => request.Operation));
    }

    private BedrockRuntimeClient Client(Action<BedrockOptions>? configure = null)
    {
        var options = new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            Timeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return new BedrockRuntimeClient(options);
    }

    /// <summary>Your own store: fixed passages, and the queries it was asked.</summary>
    private sealed class ListRetriever(params RetrievedPassage[] passages) : IPassageRetriever
    {
        public List<PassageQuery> Queries { get; } = new();

        public Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(PassageQuery query, CancellationToken cancellationToken = default)
        {
            Queries.Add(query);
            return Task.FromResult<IReadOnlyList<RetrievedPassage>>(passages.Take(query.Count).ToArray());
        }
    }
}
