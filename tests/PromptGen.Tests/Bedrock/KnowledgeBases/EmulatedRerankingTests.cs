using System;
using System.IO;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.Bedrock.KnowledgeBases;

/// <summary>
/// Reranking as the emulator serves it, through the real client: the reranker keeps numberOfRerankedResults of the
/// search's results (Retrieve and RetrieveAndGenerate), and a model that is not a reranker is refused as Bedrock
/// refuses it.
/// </summary>
public sealed class EmulatedRerankingTests : IAsyncLifetime
{
    private const string KnowledgeBaseId = "KBRERANK02";
    private const string ChatModel = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private readonly string _folder = Directory.CreateTempSubdirectory("pg-kbrerank-").FullName;
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "alpha.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "bravo.md"), "Throttling errors count against the retry budget.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "charlie.md"), "Throttling is reported as HTTP 429.");
        _emulator = await KnowledgeBaseEmulation.StartAsync(KnowledgeBaseId, _folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(10, 3)]
    public async Task Retrieve_keeps_as_many_results_as_the_reranker_is_asked_for(int? reranked, int expected)
    {
        using BedrockRuntimeClient client = CreateClient();

        RetrieveResponse response = await client.RetrieveAsync(KnowledgeBaseId, Rerank("amazon.rerank-v1:0", reranked));

        Assert.Equal(expected, response.RetrievalResults.Count);
    }

    [Fact]
    public async Task RetrieveAndGenerate_grounds_its_answer_in_the_reranked_results_only()
    {
        _emulator.Script.When(promptContains: "Throttling").ReplyText("Throttling is retried.");
        using BedrockRuntimeClient client = CreateClient();

        await client.RetrieveAndGenerateAsync(new RetrieveAndGenerateRequest
        {
            Input = { Text = "throttling" },
            RetrieveAndGenerateConfiguration =
            {
                KnowledgeBaseConfiguration = new KnowledgeBaseRetrieveAndGenerateConfiguration
                {
                    KnowledgeBaseId = KnowledgeBaseId,
                    ModelArn = ChatModel,
                    RetrievalConfiguration = Rerank("cohere.rerank-v3-5:0", 1).RetrievalConfiguration,
                },
            },
        });

        string prompt = Assert.Single(_emulator.Requests).UserText!;
        int passages = (prompt.Contains("full jitter", StringComparison.Ordinal) ? 1 : 0)
            + (prompt.Contains("retry budget", StringComparison.Ordinal) ? 1 : 0)
            + (prompt.Contains("HTTP 429", StringComparison.Ordinal) ? 1 : 0);
        Assert.Equal(1, passages);
    }

    [Fact]
    public async Task A_chat_model_is_not_a_reranker()
    {
        using BedrockRuntimeClient client = CreateClient();

        var error = await Assert.ThrowsAsync<BedrockValidationException>(() => client.RetrieveAsync(KnowledgeBaseId, Rerank(ChatModel, 2)));

        Assert.Contains($"The model {ChatModel} is not a reranker model", error.Message, StringComparison.Ordinal);
        Assert.Contains("amazon.rerank-v1:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_reranker_is_an_invalid_model_identifier()
    {
        using BedrockRuntimeClient client = CreateClient();

        var error = await Assert.ThrowsAsync<BedrockValidationException>(() => client.RetrieveAsync(KnowledgeBaseId, Rerank("amazon.rerank-v9:0", 2)));

        Assert.Contains("The provided model identifier is invalid.", error.Message, StringComparison.Ordinal);
    }

    private static RetrieveRequest Rerank(string model, int? reranked) => new()
    {
        RetrievalQuery = { Text = "throttling" },
        RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration
        {
            VectorSearchConfiguration =
            {
                NumberOfResults = 5,
                RerankingConfiguration = VectorSearchRerankingConfiguration.WithBedrockModel(model, reranked),
            },
        },
    };

    private BedrockRuntimeClient CreateClient() => new(KnowledgeBaseEmulation.ClientOptions(_emulator));
}
