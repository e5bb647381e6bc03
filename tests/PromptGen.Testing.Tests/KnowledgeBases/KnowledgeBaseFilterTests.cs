using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PromptGen.Testing.KnowledgeBases;
using PromptGen.Testing.Wire.KnowledgeBases;
using Xunit;

namespace PromptGen.Testing.Tests.KnowledgeBases;

/// <summary>Metadata filters as the emulator reads them from a Retrieve body and applies them.</summary>
public sealed class KnowledgeBaseFilterTests
{
    private static readonly IReadOnlyDictionary<string, JsonElement> Metadata = Parse("""{"team":"search","year":2025,"public":true,"tags":["rag","bm25"],"path":"docs/guide.md"}""");

    [Theory]
    [InlineData("""{"equals":{"key":"team","value":"search"}}""", true)]
    [InlineData("""{"equals":{"key":"team","value":"ads"}}""", false)]
    [InlineData("""{"equals":{"key":"year","value":2025}}""", true)]
    [InlineData("""{"equals":{"key":"public","value":true}}""", true)]
    [InlineData("""{"notEquals":{"key":"team","value":"search"}}""", false)]
    [InlineData("""{"notEquals":{"key":"missing","value":"x"}}""", true)]
    [InlineData("""{"greaterThan":{"key":"year","value":2024}}""", true)]
    [InlineData("""{"lessThanOrEquals":{"key":"year","value":2024}}""", false)]
    [InlineData("""{"in":{"key":"team","value":["ads","search"]}}""", true)]
    [InlineData("""{"notIn":{"key":"team","value":["ads","search"]}}""", false)]
    [InlineData("""{"startsWith":{"key":"path","value":"docs/"}}""", true)]
    [InlineData("""{"listContains":{"key":"tags","value":"bm25"}}""", true)]
    [InlineData("""{"stringContains":{"key":"path","value":"guide"}}""", true)]
    [InlineData("""{"andAll":[{"equals":{"key":"team","value":"search"}},{"greaterThan":{"key":"year","value":2030}}]}""", false)]
    [InlineData("""{"orAll":[{"equals":{"key":"team","value":"ads"}},{"listContains":{"key":"tags","value":"rag"}}]}""", true)]
    public void Filters_match_metadata_as_the_operators_say(string filterJson, bool expected)
    {
        (MetadataFilter? filter, string? error) = MetadataFilter.Parse(JsonDocument.Parse(filterJson).RootElement);

        Assert.Null(error);
        Assert.Equal(expected, filter!.Matches(Metadata));
    }

    [Theory]
    [InlineData("""{}""", "exactly one operator")]
    [InlineData("""{"equals":{"key":"a","value":1},"in":{"key":"a","value":[1]}}""", "exactly one operator")]
    [InlineData("""{"andAll":[{"equals":{"key":"a","value":1}}]}""", "at least 2")]
    [InlineData("""{"greaterThan":{"key":"a","value":"x"}}""", "must be a number")]
    [InlineData("""{"in":{"key":"a","value":"x"}}""", "must be a list")]
    [InlineData("""{"equals":{"value":1}}""", "key must be a string")]
    [InlineData("""{"near":{"key":"a","value":1}}""", "unknown filter operator 'near'")]
    public void Malformed_filters_are_refused_with_the_reason(string filterJson, string reason)
    {
        (MetadataFilter? filter, string? error) = MetadataFilter.Parse(JsonDocument.Parse(filterJson).RootElement);

        Assert.Null(filter);
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("""{"retrievalQuery":{"text":"q"},"retrievalConfiguration":{"vectorSearchConfiguration":{"numberOfResults":0}}}""", "between 1 and 100")]
    [InlineData("""{"retrievalQuery":{"text":"q"},"retrievalConfiguration":{"vectorSearchConfiguration":{"numberOfResults":101}}}""", "between 1 and 100")]
    [InlineData("""{"retrievalQuery":{"text":""}}""", "retrievalQuery.text")]
    [InlineData("""{"retrievalConfiguration":{}}""", "retrievalQuery")]
    [InlineData("""{"retrievalQuery":{"text":"q"},"retrievalConfiguration":{"vectorSearchConfiguration":{"overrideSearchType":"FUZZY"}}}""", "HYBRID or SEMANTIC")]
    [InlineData("""[1]""", "JSON object")]
    [InlineData("""{"retrievalQuery":""", "not valid JSON")]
    public void Retrieve_bodies_are_checked_like_the_service(string body, string reason)
    {
        (RetrieveBody? read, Wire.EmulatorError? error) = KnowledgeBaseRequests.ReadRetrieve(Encoding.UTF8.GetBytes(body));

        Assert.Null(read);
        Assert.Equal(("ValidationException", 400), (error!.Code, error.Status));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Strings_that_are_not_valid_UTF8_are_refused_not_thrown()
    {
        // Found by the knowledge-bases fuzz target: GetString threw InvalidOperationException out of the reader.
        byte[] rawInvalid = [.. "{\"retrievalQuery\":{\"text\":\""u8, 0xC3, 0x28, .. "\"}}"u8];
        (RetrieveBody? raw, Wire.EmulatorError? rawError) = KnowledgeBaseRequests.ReadRetrieve(rawInvalid);
        (RetrieveBody? surrogate, Wire.EmulatorError? surrogateError) = KnowledgeBaseRequests.ReadRetrieve(
            """{"retrievalQuery":{"text":"q"},"retrievalConfiguration":{"vectorSearchConfiguration":{"filter":{"equals":{"key":"a","value":"\uD800"}}}}}"""u8.ToArray());

        Assert.Equal((null, "ValidationException"), (raw, rawError!.Code));
        Assert.Equal((null, "ValidationException"), (surrogate, surrogateError!.Code));
        Assert.Contains("UTF-8", surrogateError.Message);
    }

    [Fact]
    public void A_retrieve_body_without_configuration_asks_for_five_results()
    {
        (RetrieveBody? read, _) = KnowledgeBaseRequests.ReadRetrieve("""{"retrievalQuery":{"text":"how"}}"""u8.ToArray());

        Assert.Equal(("how", 5, (MetadataFilter?)null), (read!.Query, read.NumberOfResults, read.Filter));
    }

    private static Dictionary<string, JsonElement> Parse(string json)
    {
        var result = new Dictionary<string, JsonElement>();
        foreach (JsonProperty property in JsonDocument.Parse(json).RootElement.EnumerateObject())
        {
            result[property.Name] = property.Value.Clone();
        }

        return result;
    }
}
