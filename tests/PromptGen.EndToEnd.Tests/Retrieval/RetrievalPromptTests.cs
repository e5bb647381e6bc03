using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen.AI;
using PromptGen.Retrieval;
using PromptGen.Testing;
using Rag;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Retrieval;

/// <summary>
/// Retrieval-augmented prompts end to end against the emulator: passages from a knowledge base, or from a
/// Microsoft.Extensions.VectorData collection embedded with the emulator's Titan embeddings, reach a generated prompt's
/// template as typed values in rank order; one retrieval call and one Converse call per question.
/// </summary>
public sealed class RetrievalPromptTests : IAsyncLifetime
{
    private const string KnowledgeBaseId = "KBRAG00001";
    private const string EmbeddingModel = "amazon.titan-embed-text-v2:0";
    private readonly string _folder = Directory.CreateTempSubdirectory("promptgen-rag-").FullName;
    private EmulatorFixture _bedrock = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "streams.md"), "An idle stream times out after the idle limit; its errors are not retried.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "bread.txt"), "Bread needs flour, water and time.");
        _bedrock = new EmulatorFixture(new BedrockEmulatorOptions { KnowledgeBases = { [KnowledgeBaseId] = _folder } });
        await _bedrock.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _bedrock.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Knowledge_base_passages_reach_the_template_in_rank_order_with_one_retrieve_and_one_converse()
    {
        const string question = "How are throttling errors retried?";
        _bedrock.Emulator.Script.When(model: IRagPrompts.Model, promptContains: "Question: " + question).ReplyText("With full jitter [1].");
        IPassageRetriever retriever = new KnowledgeBaseRetriever(_bedrock.Client, KnowledgeBaseId);

        IReadOnlyList<RetrievedPassage> passages = await retriever.RetrieveAsync(new PassageQuery(question, count: 3));
        PromptResult<string> answer = await IRagPrompts.Create(_bedrock.Client).AnswerAsync(question, passages);

        Assert.Equal("With full jitter [1].", answer.Value);
        Assert.Equal(new[] { 1, 2 }, passages.Select(passage => passage.Rank));
        Assert.Equal(new[] { "Retrieve", "Converse" }, _bedrock.Emulator.Requests.Select(request => request.Operation));
        // The rendered prompt (approved text): the passages in rank order, each with its rank, location and text.
        Assert.Equal(
            """
            Answer from these passages only and cite them as [n].
            [1] s3://promptgen-kb-kbrag00001/retries.md: Throttling errors are retried with exponential backoff and full jitter.
            [2] s3://promptgen-kb-kbrag00001/streams.md: An idle stream times out after the idle limit; its errors are not retried.
            Question: How are throttling errors retried?
            """.ReplaceLineEndings("\n"),
            _bedrock.Emulator.Requests[1].UserText!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_vector_store_collection_with_emulator_embeddings_serves_the_same_prompt()
    {
        using var embeddings = new BedrockEmbeddingGenerator(_bedrock.Client, EmbeddingModel);
        var collection = new InMemoryVectorCollection();
        string[] texts = ["Throttling errors are retried with exponential backoff and full jitter.", "An idle stream times out after the idle limit; its errors are not retried.", "Bread needs flour, water and time."];
        GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync(texts);
        for (int i = 0; i < texts.Length; i++)
        {
            await collection.UpsertAsync(new DocumentChunk { Id = $"chunk-{i}", Text = texts[i], Source = $"docs/{i}.md", Embedding = vectors[i].Vector });
        }

        int setupRequests = _bedrock.Emulator.Requests.Count;
        // The emulator's embeddings are deterministic in the text, so the question asked with a stored passage's own
        // text finds that passage first with cosine similarity 1.
        string question = texts[1];
        _bedrock.Emulator.Script.When(model: IRagPrompts.Model, promptContains: "Question: " + question).ReplyText("It times out.");
        IPassageRetriever retriever = new VectorStorePassageRetriever<string, DocumentChunk>(collection, embeddings, chunk => chunk.Text, chunk => chunk.Source);

        IReadOnlyList<RetrievedPassage> passages = await retriever.RetrieveAsync(new PassageQuery(question, count: 2));
        PromptResult<string> answer = await IRagPrompts.Create(_bedrock.Client).AnswerAsync(question, passages);

        Assert.Equal("It times out.", answer.Value);
        Assert.Equal(("docs/1.md", 1), (passages[0].Location, passages[0].Rank));
        Assert.Equal(1.0, passages[0].Score!.Value, precision: 5);
        Assert.True(passages[1].Score < passages[0].Score);
        Assert.Equal(new[] { "InvokeModel", "Converse" }, _bedrock.Emulator.Requests.Skip(setupRequests).Select(request => request.Operation));
        Assert.StartsWith("Answer from these passages only and cite them as [n].\n[1] docs/1.md: An idle stream times out", _bedrock.Emulator.Requests[^1].UserText!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_knowledge_base_filter_is_refused_by_the_vector_store_retriever()
    {
        using var embeddings = new BedrockEmbeddingGenerator(_bedrock.Client, EmbeddingModel);
        IPassageRetriever retriever = new VectorStorePassageRetriever<string, DocumentChunk>(new InMemoryVectorCollection(), embeddings, chunk => chunk.Text);

        await Assert.ThrowsAsync<NotSupportedException>(() => retriever.RetrieveAsync(new PassageQuery("q") { Filter = Bedrock.RetrievalFilter.Equal("a", "b") }));
        Assert.Empty(_bedrock.Emulator.Requests);
    }
}
