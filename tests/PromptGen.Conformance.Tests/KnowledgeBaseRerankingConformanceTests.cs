using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// Reranking and implicit filters in a Retrieve request: our body equals the official SDK's for the same input
/// (<c>rerankingConfiguration</c> with a Bedrock reranker, selective metadata and a number of reranked results;
/// <c>implicitFilterConfiguration</c> with its attributes and model), and the emulator accepts both.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class KnowledgeBaseRerankingConformanceTests(NodeProject node) : IAsyncLifetime
{
    private const string KnowledgeBaseId = "KBRRNK0001";
    private const string Reranker = "arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0";
    private const string FilterModel = "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private readonly string _folder = Directory.CreateTempSubdirectory("promptgen-kb-rerank-").FullName;
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        _emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { KnowledgeBases = { [KnowledgeBaseId] = _folder } });
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Our_reranking_and_implicit_filter_body_equals_the_sdks()
    {
        var input = new JsonObject
        {
            ["knowledgeBaseId"] = KnowledgeBaseId,
            ["retrievalQuery"] = new JsonObject { ["text"] = "throttling retried" },
            ["retrievalConfiguration"] = JsonNode.Parse("""
                {"vectorSearchConfiguration":{
                  "numberOfResults":10,
                  "rerankingConfiguration":{"type":"BEDROCK_RERANKING_MODEL","bedrockRerankingConfiguration":{
                    "modelConfiguration":{"modelArn":"RERANKER"},
                    "numberOfRerankedResults":3,
                    "metadataConfiguration":{"selectionMode":"SELECTIVE","selectiveModeConfiguration":{"fieldsToInclude":[{"fieldName":"team"}]}}}},
                  "implicitFilterConfiguration":{"metadataAttributes":[{"key":"team","type":"STRING","description":"The team that owns the page"}],"modelArn":"FILTER_MODEL"}}}
                """.Replace("RERANKER", Reranker, StringComparison.Ordinal).Replace("FILTER_MODEL", FilterModel, StringComparison.Ordinal)),
        };
        JsonElement results = await node.RunScriptJsonAsync("kb-calls.mjs", $"{_emulator.Endpoint} http1",
            new JsonArray { new JsonObject { ["name"] = "rerank", ["operation"] = "retrieve", ["input"] = input } }.ToJsonString());
        JsonElement sdkResult = results.EnumerateArray().Single();
        Assert.True(sdkResult.GetProperty("ok").GetBoolean(), sdkResult.ToString());

        using (var client = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            Retry = new BedrockRetryOptions { MaxAttempts = 1 },
        }))
        {
            RetrieveResponse ours = await client.RetrieveAsync(KnowledgeBaseId, new RetrieveRequest
            {
                RetrievalQuery = { Text = "throttling retried" },
                RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration
                {
                    VectorSearchConfiguration =
                    {
                        NumberOfResults = 10,
                        RerankingConfiguration = new VectorSearchRerankingConfiguration
                        {
                            BedrockRerankingConfiguration = new VectorSearchBedrockRerankingConfiguration
                            {
                                ModelConfiguration = { ModelArn = Reranker },
                                NumberOfRerankedResults = 3,
                                MetadataConfiguration = new MetadataConfigurationForReranking
                                {
                                    SelectionMode = "SELECTIVE",
                                    SelectiveModeConfiguration = new RerankingMetadataSelectiveModeConfiguration { FieldsToInclude = [new FieldForReranking { FieldName = "team" }] },
                                },
                            },
                        },
                        ImplicitFilterConfiguration = new ImplicitFilterConfiguration
                        {
                            MetadataAttributes = [new MetadataAttributeSchema { Key = "team", Type = "STRING", Description = "The team that owns the page" }],
                            ModelArn = FilterModel,
                        },
                    },
                },
            });
            Assert.Single(ours.RetrievalResults);
        }

        RecordedRequest sdk = _emulator.Requests[0], mine = _emulator.Requests[1];
        Assert.Equal((200, 200), (sdk.ResponseStatus, mine.ResponseStatus));
        using JsonDocument sdkBody = JsonDocument.Parse(sdk.Body), ourBody = JsonDocument.Parse(mine.Body);
        Assert.Null(JsonSemantics.FirstDifference(sdkBody.RootElement, ourBody.RootElement));
        Assert.Contains("\"numberOfRerankedResults\":3", mine.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_of_reranked_results_outside_the_range_never_leaves_the_client()
    {
        using var client = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        });
        var request = new RetrieveRequest
        {
            RetrievalQuery = { Text = "x" },
            RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration
            {
                VectorSearchConfiguration = { RerankingConfiguration = VectorSearchRerankingConfiguration.WithBedrockModel(Reranker, numberOfRerankedResults: 101) },
            },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.RetrieveAsync(KnowledgeBaseId, request));

        Assert.Contains("numberOfRerankedResults must be 1 to 100; got 101", error.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests);
    }
}
