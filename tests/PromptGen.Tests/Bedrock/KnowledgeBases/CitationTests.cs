using System;
using System.Linq;
using System.Text.Json;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Http;
using Xunit;

namespace PromptGen.Tests.Bedrock.KnowledgeBases;

/// <summary>Citations on results: Converse document citations (<c>citationsContent</c>) and RetrieveAndGenerate's.</summary>
public sealed class CitationTests
{
    [Fact]
    public void Converse_citations_content_blocks_become_the_results_citations()
    {
        // The shape of the official SDK's CitationsContentBlock / Citation / CitationLocation.
        ConverseResponse response = ConverseResponseReader.Read(
            """
            {"output":{"message":{"role":"assistant","content":[
              {"citationsContent":{"content":[{"text":"Refunds take five days."}],"citations":[
                {"title":"policy","sourceContent":[{"text":"Refunds are paid within five days."}],"location":{"documentChar":{"documentIndex":0,"start":120,"end":155}}},
                {"title":"faq","location":{"documentPage":{"documentIndex":1,"start":2,"end":3}}},
                {"source":"https://example.com/terms","location":{"web":{"url":"https://example.com/terms"}}}]}},
              {"text":" Anything else?"}]}},
             "stopReason":"end_turn","usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15},"metrics":{"latencyMs":1}}
            """u8.ToArray(),
            "r1");
        var result = new PromptResult<string>("x", Array.Empty<PromptAttempt>(), new TokenUsage { InputTokens = 10, OutputTokens = 5 }, response.StopReason) { Message = response.Output!.Message };

        Assert.Equal(3, result.Citations.Count);
        PromptCitation first = result.Citations[0];
        Assert.Equal(("Refunds take five days.", "policy", "Refunds are paid within five days.", "document 0, characters 120-155"), (first.CitedText, first.Source, first.SourceText, first.Location));
        Assert.Equal(("faq", "document 1, pages 2-3"), (result.Citations[1].Source, result.Citations[1].Location));
        Assert.Equal(("https://example.com/terms", "web"), (result.Citations[2].Source, result.Citations[2].Location));
        Assert.Empty(new PromptResult<string>("x", Array.Empty<PromptAttempt>(), new TokenUsage(), null).Citations);
    }

    [Fact]
    public void The_output_text_includes_the_text_of_citations_content_blocks_in_order()
    {
        ConverseResponse response = ConverseResponseReader.Read(
            """
            {"output":{"message":{"role":"assistant","content":[
              {"text":"Short answer: "},
              {"citationsContent":{"content":[{"text":"Refunds take "},{"text":"five days."}],"citations":[]}},
              {"citationsContent":{"citations":[]}},
              {"text":" Anything else?"}]}},
             "stopReason":"end_turn","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2}}
            """u8.ToArray(),
            null);

        Assert.Equal("Short answer: Refunds take five days. Anything else?", response.GetOutputText());
    }

    [Fact]
    public void A_citation_of_a_retrieved_passage_names_the_passages_location()
    {
        var passages = new[]
        {
            new PromptGen.Retrieval.RetrievedPassage("Refunds are paid within five days.", 1, 2.5, "s3://kb/refunds.md"),
            new PromptGen.Retrieval.RetrievedPassage("Unlocated.", 2),
        };
        Message turn = PromptGen.CompilerServices.PassageRetrieval.WithCitableDocuments(Message.User("When?"), passages);
        ConverseResponse response = ConverseResponseReader.Read(
            """
            {"output":{"message":{"role":"assistant","content":[
              {"citationsContent":{"content":[{"text":"Five days."}],"citations":[
                {"title":"passage 1","sourceContent":[{"text":"Refunds are paid within five days."}],"location":{"documentChar":{"documentIndex":0,"start":0,"end":34}}},
                {"title":"passage 2","location":{"documentChar":{"documentIndex":1,"start":0,"end":10}}},
                {"title":"other"}]}}]}},
             "stopReason":"end_turn","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2}}
            """u8.ToArray(),
            null);
        var result = PromptGen.CompilerServices.PassageRetrieval.WithPassages(
            new PromptResult<string>("Five days.", Array.Empty<PromptAttempt>(), new TokenUsage(), response.StopReason) { Message = response.Output!.Message },
            passages);

        // The passages went first, as citable plain-text documents named by rank, before the text.
        Assert.Equal(new[] { "passage 1", "passage 2" }, turn.Content.Take(2).Select(block => block.Document!.Name));
        Assert.All(turn.Content.Take(2), block => Assert.True(block.Document!.Citations!.Enabled));
        Assert.Equal("When?", turn.Content[2].Text);
        // A passage with a location is named by it; one without keeps the document's name, as does any other title.
        Assert.Equal(new[] { "s3://kb/refunds.md", "passage 2", "other" }, result.Citations.Select(citation => citation.Source));
        Assert.Same(passages, result.Passages);
    }

    [Fact]
    public void A_document_block_turns_citations_on_as_the_api_spells_it()
    {
        var block = new ContentBlock { Document = new DocumentBlock { Name = "policy", Format = "txt", Citations = new CitationsConfig { Enabled = true } } };

        string json = JsonSerializer.Serialize(block, BedrockJsonContext.Default.Options.GetTypeInfo(typeof(ContentBlock)));

        Assert.Contains("\"citations\":{\"enabled\":true}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RetrieveAndGenerate_citations_list_each_cited_passage()
    {
        RetrieveAndGenerateResponse response = KnowledgeBaseResponseReader.ReadRetrieveAndGenerate(
            """
            {"sessionId":"s","output":{"text":"Jitter. Bread."},"citations":[
              {"generatedResponsePart":{"textResponsePart":{"text":"Jitter.","span":{"start":0,"end":6}}},
               "retrievedReferences":[{"content":{"text":"full jitter"},"location":{"type":"S3","s3Location":{"uri":"s3://kb/retries.md"}}},
                                      {"content":{"text":"backoff"},"location":{"type":"WEB","webLocation":{"url":"https://x/retry"}}}]}]}
            """u8.ToArray(),
            null);

        var citations = PromptCitation.FromKnowledgeBase(response);

        Assert.Equal(new[] { "s3://kb/retries.md", "https://x/retry" }, citations.Select(citation => citation.Source));
        Assert.All(citations, citation => Assert.Equal(("Jitter.", "answer characters 0-6"), (citation.CitedText, citation.Location)));
        Assert.Equal("full jitter", citations[0].SourceText);
    }
}
