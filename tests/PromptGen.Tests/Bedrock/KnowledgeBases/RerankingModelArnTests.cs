using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.Bedrock.KnowledgeBases;

/// <summary>
/// A reranker named by its model id goes on the wire as the foundation-model ARN of the client's region (the API takes
/// only ARNs); an ARN is sent as written. The declared reranking of a prompt reaches the Retrieve it sends.
/// </summary>
public sealed class RerankingModelArnTests : IAsyncLifetime
{
    private const string KnowledgeBaseId = "KBRERANK01";
    private readonly string _folder = Directory.CreateTempSubdirectory("pg-kbrerank-").FullName;
    private BedrockEmulator? _emulator;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("us-west-2", "amazon.rerank-v1:0", "arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0")]
    [InlineData("us-east-1", "cohere.rerank-v3-5:0", "arn:aws:bedrock:us-east-1::foundation-model/cohere.rerank-v3-5:0")]
    [InlineData("cn-north-1", "amazon.rerank-v1:0", "arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.rerank-v1:0")]
    [InlineData("us-east-1", "arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0", "arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0")]
    public async Task Retrieve_sends_the_reranker_as_a_foundation_model_ARN(string region, string model, string sent)
    {
        using BedrockRuntimeClient client = await CreateClientAsync(region);
        var request = new RetrieveRequest
        {
            RetrievalQuery = { Text = "throttling retries" },
            RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration
            {
                VectorSearchConfiguration = { RerankingConfiguration = VectorSearchRerankingConfiguration.WithBedrockModel(model, numberOfRerankedResults: 2) },
            },
        };

        await client.RetrieveAsync(KnowledgeBaseId, request);

        JsonElement reranking = Reranking(Assert.Single(_emulator!.Requests));
        Assert.Equal("BEDROCK_RERANKING_MODEL", reranking.GetProperty("type").GetString());
        Assert.Equal(sent, reranking.GetProperty("bedrockRerankingConfiguration").GetProperty("modelConfiguration").GetProperty("modelArn").GetString());
        Assert.Equal(2, reranking.GetProperty("bedrockRerankingConfiguration").GetProperty("numberOfRerankedResults").GetInt32());
    }

    [Fact]
    public async Task A_declared_reranking_reaches_the_Retrieve_the_generated_method_sends()
    {
        using BedrockRuntimeClient client = await CreateClientAsync("us-west-2");
        var spec = new RetrievalSpec { KnowledgeBaseId = KnowledgeBaseId, QueryParameter = "question", NumberOfResults = 10, RerankModel = "amazon.rerank-v1:0", NumberOfRerankedResults = 3 };

        var passages = await PassageRetrieval.RetrieveAsync(client, spec, "throttling retries", null, default);

        Assert.Equal("s3://promptgen-kb-kbrerank01/retries.md", Assert.Single(passages).Location);
        JsonElement reranking = Reranking(Assert.Single(_emulator!.Requests));
        Assert.Equal("arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0", reranking.GetProperty("bedrockRerankingConfiguration").GetProperty("modelConfiguration").GetProperty("modelArn").GetString());
        Assert.Equal(3, reranking.GetProperty("bedrockRerankingConfiguration").GetProperty("numberOfRerankedResults").GetInt32());
    }

    [Fact]
    public async Task Without_a_reranking_none_is_sent()
    {
        using BedrockRuntimeClient client = await CreateClientAsync("us-west-2");

        await PassageRetrieval.RetrieveAsync(client, new RetrievalSpec { KnowledgeBaseId = KnowledgeBaseId }, "throttling retries", null, default);

        Assert.DoesNotContain("rerankingConfiguration", Assert.Single(_emulator!.Requests).Body, StringComparison.Ordinal);
    }

    private static JsonElement Reranking(RecordedRequest request) =>
        JsonDocument.Parse(request.Body).RootElement
            .GetProperty("retrievalConfiguration").GetProperty("vectorSearchConfiguration").GetProperty("rerankingConfiguration").Clone();

    /// <summary>A client of <paramref name="region"/> and an emulator serving that region (it checks the signature's scope).</summary>
    private async Task<BedrockRuntimeClient> CreateClientAsync(string region)
    {
        _emulator = await KnowledgeBaseEmulation.StartAsync(KnowledgeBaseId, _folder, region);
        return new BedrockRuntimeClient(KnowledgeBaseEmulation.ClientOptions(_emulator, region));
    }
}
