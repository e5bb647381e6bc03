using System.Text;
using PromptGen.Testing.Wire;
using PromptGen.Testing.Wire.KnowledgeBases;
using Xunit;

namespace PromptGen.Testing.Tests.KnowledgeBases;

/// <summary>A Retrieve body's rerankingConfiguration as the emulator reads and checks it.</summary>
public sealed class RerankingRequestTests
{
    [Fact]
    public void A_bedrock_reranker_is_read_with_its_model_id_and_count()
    {
        (RetrieveBody? body, EmulatorError? error) = Read("""
            {"type":"BEDROCK_RERANKING_MODEL","bedrockRerankingConfiguration":{
              "modelConfiguration":{"modelArn":"arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0"},"numberOfRerankedResults":3}}
            """);

        Assert.Null(error);
        Assert.Equal(new RerankingBody("amazon.rerank-v1:0", 3), body!.Reranking);
        Assert.Equal((10, 3), (body.NumberOfResults, body.ResultsKept));
    }

    [Fact]
    public void Without_a_count_the_reranker_keeps_every_result()
    {
        (RetrieveBody? body, _) = Read("""{"type":"BEDROCK_RERANKING_MODEL","bedrockRerankingConfiguration":{"modelConfiguration":{"modelArn":"cohere.rerank-v3-5:0"}}}""");

        Assert.Equal(new RerankingBody("cohere.rerank-v3-5:0", null), body!.Reranking);
        Assert.Equal(10, body.ResultsKept);
    }

    [Theory]
    [InlineData("""{"type":"SEMANTIC"}""", "type must be BEDROCK_RERANKING_MODEL")]
    [InlineData("""[]""", "type must be BEDROCK_RERANKING_MODEL")]
    [InlineData("""{"type":"BEDROCK_RERANKING_MODEL"}""", "modelArn is required")]
    [InlineData("""{"type":"BEDROCK_RERANKING_MODEL","bedrockRerankingConfiguration":{"modelConfiguration":{"modelArn":""}}}""", "modelArn is required")]
    [InlineData("""{"type":"BEDROCK_RERANKING_MODEL","bedrockRerankingConfiguration":{"modelConfiguration":{"modelArn":"amazon.rerank-v1:0"},"numberOfRerankedResults":0}}""", "Member must have value between 1 and 100")]
    [InlineData("""{"type":"BEDROCK_RERANKING_MODEL","bedrockRerankingConfiguration":{"modelConfiguration":{"modelArn":"amazon.rerank-v1:0"},"numberOfRerankedResults":101}}""", "Member must have value between 1 and 100")]
    [InlineData("""{"type":"BEDROCK_RERANKING_MODEL","bedrockRerankingConfiguration":{"modelConfiguration":{"modelArn":"amazon.rerank-v1:0"},"numberOfRerankedResults":"3"}}""", "Member must have value between 1 and 100")]
    public void A_reranking_Bedrock_would_refuse_is_a_validation_error(string reranking, string says)
    {
        (RetrieveBody? body, EmulatorError? error) = Read(reranking);

        Assert.Null(body);
        Assert.Equal("ValidationException", error!.Code);
        Assert.Contains(says, error.Message, System.StringComparison.Ordinal);
    }

    private static (RetrieveBody? Body, EmulatorError? Error) Read(string reranking) =>
        KnowledgeBaseRequests.ReadRetrieve(Encoding.UTF8.GetBytes(
            """{"retrievalQuery":{"text":"retries"},"retrievalConfiguration":{"vectorSearchConfiguration":{"numberOfResults":10,"rerankingConfiguration":"""
            + reranking + "}}}"));
}
