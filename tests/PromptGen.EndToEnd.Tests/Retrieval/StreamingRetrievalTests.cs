using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Retrieval;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Retrieval;

/// <summary>
/// <c>[Retrieve]</c> on streaming methods, end to end against the emulator: nothing is sent at the call; enumerating
/// sends one Retrieve, then one ConverseStream whose prompt holds the passages in rank order; the passages are on the
/// stream and on its result; a typed result stream retrieves from the method's own store; a failed retrieval is thrown
/// by the enumeration and sends no ConverseStream. A method with tools retrieves once, before its tool loop, and its
/// result carries the passages.
/// </summary>
public sealed class StreamingRetrievalTests : IAsyncLifetime
{
    private readonly string _docs = Directory.CreateTempSubdirectory("promptgen-stream-rag-").FullName;
    private EmulatorFixture _bedrock = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_docs, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        await File.WriteAllTextAsync(Path.Combine(_docs, "streams.md"), "An idle stream times out after the idle limit; its errors are not retried.");
        await File.WriteAllTextAsync(Path.Combine(_docs, "bread.txt"), "Bread needs flour, water and time.");
        _bedrock = new EmulatorFixture(new BedrockEmulatorOptions { KnowledgeBases = { ["KBDOCS0001"] = _docs } });
        await _bedrock.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _bedrock.DisposeAsync();
        Directory.Delete(_docs, recursive: true);
    }

    [Fact]
    public async Task The_stream_retrieves_when_enumerated_then_streams_from_the_passages()
    {
        const string question = "How are throttling errors retried?";
        _bedrock.Emulator.Script.When(model: IStreamingRagPrompts.Model, promptContains: "Question: " + question).Stream(chunkSize: 6).ReplyText("With full jitter [1].");

        PromptStream stream = IStreamingRagPrompts.Create(_bedrock.Client).StreamAnswerAsync(question);
        Assert.Empty(_bedrock.Emulator.Requests);
        Assert.Empty(stream.Passages);

        var deltas = new List<string>();
        await foreach (string delta in stream)
        {
            // The passages are there from the first delta on.
            Assert.Equal(2, stream.Passages.Count);
            deltas.Add(delta);
        }

        Assert.Equal("With full jitter [1].", string.Concat(deltas));
        Assert.True(deltas.Count > 1);
        Assert.Equal(new[] { "Retrieve", "ConverseStream" }, _bedrock.Emulator.Requests.Select(request => request.Operation));
        Assert.Contains("\"numberOfResults\":2", _bedrock.Emulator.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal(
            """
            [1] Throttling errors are retried with exponential backoff and full jitter.
            [2] An idle stream times out after the idle limit; its errors are not retried.
            Question: How are throttling errors retried?
            """.ReplaceLineEndings("\n"),
            _bedrock.Emulator.Requests[1].UserText!.ReplaceLineEndings("\n"));
        PromptResult<string> result = stream.ToResult();
        Assert.Equal(new[] { "s3://promptgen-kb-kbdocs0001/retries.md", "s3://promptgen-kb-kbdocs0001/streams.md" }, result.Passages.Select(passage => passage.Location));
    }

    [Fact]
    public async Task A_text_stream_retrieves_too()
    {
        _bedrock.Emulator.Script.When(model: IStreamingRagPrompts.Model, promptContains: "Briefly: idle stream").Stream(chunkSize: 4).ReplyText("It times out.");

        var text = new StringBuilder();
        await foreach (string delta in IStreamingRagPrompts.Create(_bedrock.Client).StreamTextAsync("idle stream"))
        {
            text.Append(delta);
        }

        Assert.Equal("It times out.", text.ToString());
        Assert.Equal(
            "An idle stream times out after the idle limit; its errors are not retried. Briefly: idle stream",
            _bedrock.Emulator.Requests[1].UserText);
    }

    [Fact]
    public async Task A_typed_result_stream_retrieves_from_the_methods_own_store()
    {
        _bedrock.Emulator.Script.When(model: IStreamingRagPrompts.Model, promptContains: "One fact about: retries")
            .Stream(chunkSize: 5)
            .ReplyJson("""{"claim":"Retries use full jitter.","source":1}""");
        var store = new ListRetriever(
            new RetrievedPassage("Retries use full jitter.", 1, 2.0, "mem://retries"),
            new RetrievedPassage("Streams time out.", 2, 1.0, "mem://streams"));

        ResultStream<RetryFact, IStreamingRagPrompts.RetryFactPartial> stream = IStreamingRagPrompts.Create(_bedrock.Client).StreamFactAsync("retries", store);
        int snapshots = 0;
        await foreach (IStreamingRagPrompts.RetryFactPartial unused in stream)
        {
            snapshots++;
        }

        Assert.True(snapshots > 0);
        Assert.Equal(new RetryFact("Retries use full jitter.", 1), stream.Value);
        Assert.Equal(new[] { "retries" }, store.Queries);
        Assert.Equal(new[] { "mem://retries", "mem://streams" }, stream.ToResult().Passages.Select(passage => passage.Location));
        Assert.Equal("ConverseStream", Assert.Single(_bedrock.Emulator.Requests).Operation);
        Assert.StartsWith("(1) Retries use full jitter. (2) Streams time out. One fact about: retries", _bedrock.Emulator.Requests[0].UserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_retrieval_is_thrown_by_the_enumeration_and_streams_nothing()
    {
        using var elsewhere = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _bedrock.Emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            KnowledgeBaseIds = { ["KBDOCS0001"] = "KBMISSING1" },
            Retry = new BedrockRetryOptions { MaxAttempts = 1 },
        });

        PromptStream stream = IStreamingRagPrompts.Create(elsewhere).StreamAnswerAsync("anything");
        await Assert.ThrowsAsync<BedrockResourceNotFoundException>(() => stream.ReadToEndAsync());

        Assert.Equal("Retrieve", Assert.Single(_bedrock.Emulator.Requests).Operation);
    }

    [Fact]
    public async Task A_tool_loop_retrieves_once_before_the_loop_and_carries_the_passages()
    {
        _bedrock.Emulator.Script.When(model: IStreamingRagPrompts.Model, promptContains: "With the glossary: jitter").Times(1).ReplyToolUse("define", """{"term":"jitter"}""");
        _bedrock.Emulator.Script.When(toolResultContains: "random part").ReplyJson("""{"claim":"Retries wait a random part.","source":1}""");
        var glossary = new GlossaryTools();

        PromptResult<RetryFact> result = await IStreamingRagPrompts.Create(_bedrock.Client).FactWithToolsAsync("jitter", glossary);

        Assert.Equal(new RetryFact("Retries wait a random part.", 1), result.Value);
        Assert.Equal(1, glossary.Lookups);
        Assert.Equal(new[] { "Retrieve", "Converse", "Converse" }, _bedrock.Emulator.Requests.Select(request => request.Operation));
        Assert.Equal("s3://promptgen-kb-kbdocs0001/retries.md", Assert.Single(result.Passages).Location);
    }

    /// <summary>Your own store: fixed passages, and the queries it was asked.</summary>
    private sealed class ListRetriever(params RetrievedPassage[] passages) : IPassageRetriever
    {
        public List<string> Queries { get; } = new();

        public Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(PassageQuery query, CancellationToken cancellationToken = default)
        {
            Queries.Add(query.Text);
            return Task.FromResult<IReadOnlyList<RetrievedPassage>>(passages.Take(query.Count).ToList());
        }
    }
}
