using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// Converse document citations: the official AWS SDK for JavaScript sends passages as citable documents (as a method
/// with <c>[Retrieve(Citations = true)]</c> does) and parses the emulator's <c>citationsContent</c> answer into its own
/// <c>CitationsContentBlock</c>: the answer's text, and a citation per cited document with its title, source text and
/// <c>documentChar</c> location.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class CitationConformanceTests(NodeProject node) : IAsyncLifetime
{
    private const string Answer = "Throttling errors are retried with full jitter.";
    private const string Cited = "Throttling errors are retried with exponential backoff and full jitter.";
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await BedrockEmulator.StartAsync();
        _emulator.Script.When(promptContains: "[cite]").ReplyText(Answer);
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("http1")]
    [InlineData("http2")]
    public async Task The_sdk_parses_the_emulators_citations_of_citable_documents(string protocol)
    {
        JsonObject Document(string name, string text, bool cite) => new()
        {
            ["document"] = new JsonObject
            {
                ["format"] = "txt",
                ["name"] = name,
                ["source"] = new JsonObject { ["bytes"] = new JsonObject { ["$base64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) } },
                ["citations"] = new JsonObject { ["enabled"] = cite },
            },
        };
        var input = new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["content"] = new JsonArray(
                    Document("notes", "Throttling notes that are not citable.", cite: false),
                    Document("passage 1", Cited, cite: true),
                    Document("passage 2", "Bread needs flour, water and time.", cite: true),
                    new JsonObject { ["text"] = "[cite] How are throttling errors retried?" }),
            }),
        };
        Uri endpoint = protocol == "http2" ? _emulator.Http2Endpoint : _emulator.Endpoint;

        JsonElement results = await node.RunScriptJsonAsync(
            "sdk-calls.mjs", $"{endpoint} {protocol}", new JsonArray(ConformanceRequests.Call("cite", "converse", input)).ToJsonString());

        JsonElement result = results.EnumerateArray().Single();
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        JsonElement block = Assert.Single(result.GetProperty("output").GetProperty("output").GetProperty("message").GetProperty("content").EnumerateArray());
        JsonElement citations = block.GetProperty("citationsContent");
        Assert.Equal(Answer, Assert.Single(citations.GetProperty("content").EnumerateArray()).GetProperty("text").GetString());
        // Only the citable document that shares terms with the answer is cited, at its index among the documents.
        JsonElement citation = Assert.Single(citations.GetProperty("citations").EnumerateArray());
        Assert.Equal("passage 1", citation.GetProperty("title").GetString());
        Assert.Equal(Cited, Assert.Single(citation.GetProperty("sourceContent").EnumerateArray()).GetProperty("text").GetString());
        JsonElement location = citation.GetProperty("location").GetProperty("documentChar");
        Assert.Equal((1, 0, Cited.Length), (location.GetProperty("documentIndex").GetInt32(), location.GetProperty("start").GetInt32(), location.GetProperty("end").GetInt32()));
        Assert.True(_emulator.Requests.Single().UserContent.Where(content => content.Kind == ContentKinds.Document).Select(content => content.CitationsEnabled).SequenceEqual(new[] { false, true, true }));

        // Streamed: the text deltas, then a citation delta (the SDK's CitationsDelta) in the same block.
        JsonElement streamed = (await node.RunScriptJsonAsync(
            "sdk-calls.mjs", $"{endpoint} {protocol}", new JsonArray(ConformanceRequests.Call("cite-stream", "converseStream", JsonNode.Parse(input.ToJsonString())!.AsObject())).ToJsonString())).EnumerateArray().Single();
        Assert.True(streamed.GetProperty("ok").GetBoolean(), streamed.ToString());
        JsonElement[] deltas = streamed.GetProperty("output").EnumerateArray()
            .Where(streamEvent => streamEvent.TryGetProperty("contentBlockDelta", out _))
            .Select(streamEvent => streamEvent.GetProperty("contentBlockDelta").GetProperty("delta"))
            .ToArray();
        Assert.Equal(Answer, string.Concat(deltas.Where(delta => delta.TryGetProperty("text", out _)).Select(delta => delta.GetProperty("text").GetString())));
        JsonElement streamedCitation = Assert.Single(deltas, delta => delta.TryGetProperty("citation", out _)).GetProperty("citation");
        Assert.Equal("passage 1", streamedCitation.GetProperty("title").GetString());
        Assert.Equal(1, streamedCitation.GetProperty("location").GetProperty("documentChar").GetProperty("documentIndex").GetInt32());
        Assert.True(deltas[^1].TryGetProperty("citation", out _), "the citation follows the text it supports");
    }
}
