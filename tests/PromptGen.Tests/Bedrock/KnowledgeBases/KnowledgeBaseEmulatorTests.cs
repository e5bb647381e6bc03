using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.Bedrock.KnowledgeBases;

/// <summary>
/// Retrieve and RetrieveAndGenerate end to end: the real client, signed, against the emulator serving a knowledge base
/// loaded from a folder — rank order, locations, metadata, filters, citations and errors.
/// </summary>
public sealed class KnowledgeBaseEmulatorTests : IAsyncLifetime
{
    private const string KnowledgeBaseId = "KBTEST0001";
    private const string ModelId = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private readonly string _folder = Directory.CreateTempSubdirectory("pg-kb-").FullName;
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "guides"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "retries.md"), "Retries use full jitter.\n\nThrottling errors are retried with exponential backoff and full jitter.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "retries.md.metadata.json"), """{"metadataAttributes":{"team":"runtime","year":2025}}""");
        await File.WriteAllTextAsync(Path.Combine(_folder, "guides", "streaming.md"), "Streams are read frame by frame; an idle stream times out.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "guides", "streaming.md.metadata.json"), """{"metadataAttributes":{"team":"streaming","year":2024}}""");
        await File.WriteAllTextAsync(Path.Combine(_folder, "cooking.txt"), "Bread needs flour, water and time.");
        _emulator = await KnowledgeBaseEmulation.StartAsync(KnowledgeBaseId, _folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Retrieve_returns_the_matching_passages_best_first_with_locations_and_metadata()
    {
        using BedrockRuntimeClient client = CreateClient();

        RetrieveResponse response = await client.RetrieveAsync(KnowledgeBaseId, Query("how are throttling errors retried with jitter"));

        KnowledgeBaseRetrievalResult best = response.RetrievalResults[0];
        Assert.Contains("full jitter", best.Content.Text);
        Assert.Equal(("S3", "s3://promptgen-kb-kbtest0001/retries.md"), (best.Location!.Type, best.Location.Address));
        Assert.Equal("runtime", best.Metadata!["team"].GetString());
        Assert.Equal("s3://promptgen-kb-kbtest0001/retries.md", best.Metadata["x-amz-bedrock-kb-source-uri"].GetString());
        Assert.True(response.RetrievalResults.Select(result => result.Score!.Value).SequenceEqual(response.RetrievalResults.Select(result => result.Score!.Value).OrderDescending()));
        Assert.DoesNotContain(response.RetrievalResults, result => result.Location!.Address!.EndsWith("cooking.txt", StringComparison.Ordinal));
        Assert.NotNull(response.RequestId);

        RecordedRequest recorded = Assert.Single(_emulator.Requests);
        Assert.Equal(("Retrieve", KnowledgeBaseId, "/knowledgebases/KBTEST0001/retrieve", true), (recorded.Operation, recorded.ModelId, recorded.RawPath, recorded.SignatureValid));
    }

    [Fact]
    public async Task Retrieve_applies_metadata_filters_and_the_number_of_results()
    {
        using BedrockRuntimeClient client = CreateClient();

        RetrieveResponse streamingOnly = await client.RetrieveAsync(KnowledgeBaseId, Query("stream retried idle", filter: RetrievalFilter.Equal("team", "streaming")));
        RetrieveResponse recentOrStreaming = await client.RetrieveAsync(KnowledgeBaseId, Query(
            "stream retried idle",
            filter: RetrievalFilter.OrAll(RetrievalFilter.GreaterThan("year", 2024), RetrievalFilter.In("team", "streaming", "ads"))));
        RetrieveResponse one = await client.RetrieveAsync(KnowledgeBaseId, Query("stream retried idle", count: 1));

        Assert.Equal(new[] { "s3://promptgen-kb-kbtest0001/guides/streaming.md" }, streamingOnly.RetrievalResults.Select(result => result.Location!.Address));
        Assert.Equal(2, recentOrStreaming.RetrievalResults.Count);
        Assert.Single(one.RetrievalResults);
        Assert.Contains("\"filter\":{\"equals\":{\"key\":\"team\",\"value\":\"streaming\"}}", _emulator.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_knowledge_base_is_ResourceNotFound_and_bad_arguments_never_leave_the_client()
    {
        using BedrockRuntimeClient client = CreateClient();

        var missing = await Assert.ThrowsAsync<BedrockResourceNotFoundException>(() => client.RetrieveAsync("KBMISSING1", Query("retries")));
        var missingGenerate = await Assert.ThrowsAsync<BedrockResourceNotFoundException>(() => client.RetrieveAndGenerateAsync(Generate("retries", "KBMISSING1")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.RetrieveAsync("not-an-id!", Query("retries")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.RetrieveAsync(KnowledgeBaseId, Query("retries", count: 101)));
        await Assert.ThrowsAsync<ArgumentException>(() => client.RetrieveAsync(KnowledgeBaseId, Query("retries", count: 0)));

        Assert.Contains("KBMISSING1", missing.Message);
        Assert.Equal(404, (int)missingGenerate.StatusCode);
        Assert.Equal(2, _emulator.Requests.Count);
    }

    [Fact]
    public async Task RetrieveAndGenerate_answers_through_the_script_and_cites_the_retrieved_chunks()
    {
        _emulator.Script.When(model: ModelId, promptContains: "How are throttling errors retried?")
            .ReplyText("Throttling errors are retried with full jitter. Bread is unrelated.");
        using BedrockRuntimeClient client = CreateClient();

        RetrieveAndGenerateResponse response = await client.RetrieveAndGenerateAsync(Generate("How are throttling errors retried?", KnowledgeBaseId));

        string answer = response.Output!.Text;
        Assert.Equal("Throttling errors are retried with full jitter. Bread is unrelated.", answer);
        Assert.False(string.IsNullOrEmpty(response.SessionId));
        KnowledgeBaseCitation citation = Assert.Single(response.Citations!);
        TextResponsePart part = citation.GeneratedResponsePart!.TextResponsePart!;
        Assert.Equal("Throttling errors are retried with full jitter.", part.Text);
        Assert.Equal(part.Text, answer[part.Span!.Start..(part.Span.End + 1)]);
        Assert.Contains(citation.RetrievedReferences!, reference => reference.Location!.Address == "s3://promptgen-kb-kbtest0001/retries.md");
        Assert.All(citation.RetrievedReferences!, reference => Assert.False(string.IsNullOrEmpty(reference.Content!.Text)));

        RecordedRequest recorded = Assert.Single(_emulator.Requests);
        Assert.Equal(("RetrieveAndGenerate", "/retrieveAndGenerate", true), (recorded.Operation, recorded.RawPath, recorded.SignatureValid));
        Assert.Contains("Throttling errors are retried with exponential backoff", recorded.UserText);
    }

    [Fact]
    public async Task RetrieveAndGenerate_raises_scripted_errors_as_typed_exceptions()
    {
        _emulator.Script.When(promptContains: "overload").ReplyError("ThrottlingException", 429, "Too many requests.");
        using BedrockRuntimeClient client = CreateClient();

        var error = await Assert.ThrowsAsync<BedrockThrottlingException>(() => client.RetrieveAndGenerateAsync(Generate("overload the retries", KnowledgeBaseId)));

        Assert.Contains("Too many requests.", error.Message, StringComparison.Ordinal);
    }

    private static RetrieveRequest Query(string text, int? count = null, RetrievalFilter? filter = null) => new()
    {
        RetrievalQuery = { Text = text },
        RetrievalConfiguration = count is null && filter is null ? null : new KnowledgeBaseRetrievalConfiguration
        {
            VectorSearchConfiguration = { NumberOfResults = count, Filter = filter },
        },
    };

    private static RetrieveAndGenerateRequest Generate(string question, string knowledgeBaseId) => new()
    {
        Input = { Text = question },
        RetrieveAndGenerateConfiguration =
        {
            KnowledgeBaseConfiguration = new KnowledgeBaseRetrieveAndGenerateConfiguration { KnowledgeBaseId = knowledgeBaseId, ModelArn = ModelId },
        },
    };

    private BedrockRuntimeClient CreateClient() => new(KnowledgeBaseEmulation.ClientOptions(_emulator));
}
