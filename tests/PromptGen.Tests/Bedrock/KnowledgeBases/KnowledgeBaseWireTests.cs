using System;
using System.Text.Json;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Configuration;
using PromptGen.Bedrock.Http;
using Xunit;

namespace PromptGen.Tests.Bedrock.KnowledgeBases;

/// <summary>The Knowledge Bases wire: request bodies, response reading, endpoints.</summary>
public sealed class KnowledgeBaseWireTests
{
    [Fact]
    public void A_retrieve_request_is_written_as_the_API_spells_it()
    {
        var request = new RetrieveRequest
        {
            RetrievalQuery = { Text = "q" },
            RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration
            {
                VectorSearchConfiguration =
                {
                    NumberOfResults = 3,
                    OverrideSearchType = SearchTypes.Hybrid,
                    Filter = RetrievalFilter.AndAll(RetrievalFilter.Equal("a", "x"), RetrievalFilter.In("b", "1", "2"), RetrievalFilter.LessThan("c", 2.5)),
                },
            },
        };

        string json = JsonSerializer.Serialize(request, KnowledgeBaseJsonContext.Default.RetrieveRequest);

        Assert.Equal(
            """{"retrievalQuery":{"text":"q"},"retrievalConfiguration":{"vectorSearchConfiguration":{"numberOfResults":3,"overrideSearchType":"HYBRID","filter":{"andAll":[{"equals":{"key":"a","value":"x"}},{"in":{"key":"b","value":["1","2"]}},{"lessThan":{"key":"c","value":2.5}}]}}}}""",
            json);
    }

    [Fact]
    public void Filters_refuse_what_the_API_refuses()
    {
        Assert.Throws<ArgumentException>(() => RetrievalFilter.AndAll(RetrievalFilter.Equal("a", "x")));
        Assert.Throws<ArgumentException>(() => RetrievalFilter.In("a"));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrievalFilter.GreaterThan("a", double.NaN));
        Assert.Throws<ArgumentException>(() => RetrievalFilter.Equal("", "x"));
    }

    [Fact]
    public void Responses_keep_unknown_location_types_and_reject_missing_required_members()
    {
        RetrieveResponse response = KnowledgeBaseResponseReader.ReadRetrieve(
            """{"retrievalResults":[{"content":{"text":"t"},"location":{"type":"CONFLUENCE","confluenceLocation":{"url":"https://wiki/x"}},"score":0.5,"future":1}]}"""u8.ToArray(), "r1");

        Assert.Equal("CONFLUENCE", response.RetrievalResults[0].Location!.Type);
        Assert.True(response.RetrievalResults[0].Location!.OtherMembers!.ContainsKey("confluenceLocation"));
        Assert.Equal("r1", response.RequestId);
        Assert.Throws<BedrockResponseException>(() => KnowledgeBaseResponseReader.ReadRetrieve("""{}"""u8.ToArray(), null));
        Assert.Throws<BedrockResponseException>(() => KnowledgeBaseResponseReader.ReadRetrieve("""{"retrievalResults":[null]}"""u8.ToArray(), null));
        Assert.Throws<BedrockResponseException>(() => KnowledgeBaseResponseReader.ReadRetrieve("""[1"""u8.ToArray(), null));
        Assert.Throws<BedrockResponseException>(() => KnowledgeBaseResponseReader.ReadRetrieveAndGenerate("""{"sessionId":"s"}"""u8.ToArray(), null));

        // Found by the knowledge-bases fuzz target: System.Text.Json reads 1e999 as infinity, and a result without content.
        Assert.Throws<BedrockResponseException>(() => KnowledgeBaseResponseReader.ReadRetrieve("""{"retrievalResults":[{"content":{"text":"t"},"score":1e999}]}"""u8.ToArray(), null));
        Assert.Throws<BedrockResponseException>(() => KnowledgeBaseResponseReader.ReadRetrieve("""{"retrievalResults":[{"score":1}]}"""u8.ToArray(), null));
    }

    [Theory]
    [InlineData("us-east-1", false, false, "https://bedrock-agent-runtime.us-east-1.amazonaws.com/")]
    [InlineData("us-gov-west-1", true, false, "https://bedrock-agent-runtime-fips.us-gov-west-1.amazonaws.com/")]
    [InlineData("eu-west-1", false, true, "https://bedrock-agent-runtime.eu-west-1.api.aws/")]
    public void The_regional_endpoint_follows_the_agent_runtime_rule_set(string region, bool fips, bool dualStack, string expected)
    {
        Assert.Equal(new Uri(expected), BedrockEndpointBuilder.Build(BedrockEndpointBuilder.AgentRuntimePrefix, region, fips, dualStack));
    }

    [Fact]
    public void The_knowledge_base_endpoint_is_its_own_option_then_the_shared_custom_endpoint_then_regional()
    {
        var resolver = new BedrockSettingsResolver(name => name == "AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME" ? "http://127.0.0.1:9/" : null);

        Assert.Equal(new Uri("http://kb.local/"), resolver.ResolveKnowledgeBaseEndpoint(new BedrockOptions { KnowledgeBaseEndpoint = new Uri("http://kb.local/") }, "us-east-1"));
        Assert.Equal(new Uri("http://127.0.0.1:9/"), resolver.ResolveKnowledgeBaseEndpoint(new BedrockOptions { Endpoint = new Uri("http://runtime.local/") }, "us-east-1"));
        var plain = new BedrockSettingsResolver(_ => null);
        Assert.Equal(new Uri("http://runtime.local/"), plain.ResolveKnowledgeBaseEndpoint(new BedrockOptions { Endpoint = new Uri("http://runtime.local/") }, "us-east-1"));
        Assert.Equal(new Uri("https://bedrock-agent-runtime.us-west-2.amazonaws.com/"), plain.ResolveKnowledgeBaseEndpoint(new BedrockOptions(), "us-west-2"));
    }
}
