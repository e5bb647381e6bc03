using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.Bedrock.KnowledgeBases;

/// <summary>
/// <see cref="BedrockOptions.KnowledgeBaseIds"/> applies to every knowledge base call, not only Retrieve:
/// RetrieveAndGenerate and RetrieveAndGenerateStream go to the mapped knowledge base, send the same body apart from the
/// id, and leave the caller's request as it was.
/// </summary>
public sealed class KnowledgeBaseIdMappingTests : IAsyncLifetime
{
    /// <summary>The name the caller writes, which only configuration turns into an id.</summary>
    private const string Name = "handbook";
    private const string KnowledgeBaseId = "KBMAP00001";
    private const string ModelId = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private readonly string _folder = Directory.CreateTempSubdirectory("pg-kbmap-").FullName;
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        _emulator = await KnowledgeBaseEmulation.StartAsync(KnowledgeBaseId, _folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task RetrieveAndGenerate_goes_to_the_mapped_knowledge_base_and_leaves_the_request_unchanged()
    {
        _emulator.Script.When(model: ModelId, promptContains: "How are throttling errors retried?").ReplyText("Throttling errors are retried with full jitter.");
        using BedrockRuntimeClient mapped = CreateClient(mapName: true);
        RetrieveAndGenerateRequest request = Generate("How are throttling errors retried?");

        RetrieveAndGenerateResponse response = await mapped.RetrieveAndGenerateAsync(request);
        RetrieveAndGenerateResponse again = await mapped.RetrieveAndGenerateAsync(request);

        Assert.Equal("Throttling errors are retried with full jitter.", response.Output!.Text);
        Assert.Equal("s3://promptgen-kb-kbmap00001/retries.md", Assert.Single(response.Citations!).RetrievedReferences![0].Location!.Address);
        Assert.Equal("Throttling errors are retried with full jitter.", again.Output!.Text);
        Assert.Equal(new[] { KnowledgeBaseId, KnowledgeBaseId }, _emulator.Requests.Select(SentKnowledgeBaseId));
        Assert.Equal(Name, request.RetrieveAndGenerateConfiguration.KnowledgeBaseConfiguration!.KnowledgeBaseId);
    }

    [Fact]
    public async Task RetrieveAndGenerateStream_goes_to_the_mapped_knowledge_base()
    {
        _emulator.Script.When(model: ModelId, promptContains: "How are throttling errors retried?").ReplyText("Throttling errors are retried with full jitter.");
        using BedrockRuntimeClient mapped = CreateClient(mapName: true);
        RetrieveAndGenerateRequest request = Generate("How are throttling errors retried?");

        var events = new List<RetrieveAndGenerateStreamEvent>();
        await foreach (RetrieveAndGenerateStreamEvent streamEvent in mapped.RetrieveAndGenerateStreamAsync(request))
        {
            events.Add(streamEvent);
        }

        Assert.Equal("Throttling errors are retried with full jitter.", string.Concat(events.OfType<RetrieveAndGenerateOutputEvent>().Select(output => output.Text)));
        RecordedRequest recorded = Assert.Single(_emulator.Requests);
        Assert.Equal(("RetrieveAndGenerateStream", KnowledgeBaseId), (recorded.Operation, SentKnowledgeBaseId(recorded)));
        Assert.Equal(Name, request.RetrieveAndGenerateConfiguration.KnowledgeBaseConfiguration!.KnowledgeBaseId);
    }

    [Fact]
    public async Task Without_the_mapping_the_name_is_sent_as_written_and_is_not_found()
    {
        using BedrockRuntimeClient unmapped = CreateClient(mapName: false);

        await Assert.ThrowsAsync<BedrockResourceNotFoundException>(() => unmapped.RetrieveAndGenerateAsync(Generate("anything")));
        await Assert.ThrowsAsync<BedrockResourceNotFoundException>(async () =>
        {
            await foreach (RetrieveAndGenerateStreamEvent unused in unmapped.RetrieveAndGenerateStreamAsync(Generate("anything")))
            {
            }
        });
        Assert.Equal(new[] { Name, Name }, _emulator.Requests.Select(SentKnowledgeBaseId));
    }

    [Fact]
    public async Task A_mapped_request_sends_every_other_member_as_the_caller_wrote_it()
    {
        _emulator.Script.When(model: ModelId).ReplyText("Full jitter.");
        using BedrockRuntimeClient mapped = CreateClient(mapName: true);
        using BedrockRuntimeClient unmapped = CreateClient(mapName: false);

        await mapped.RetrieveAndGenerateAsync(Generate("How are throttling errors retried?", everything: true));
        await unmapped.RetrieveAndGenerateAsync(Generate("How are throttling errors retried?", everything: true, knowledgeBaseId: KnowledgeBaseId));

        Assert.Equal(2, _emulator.Requests.Count);
        Assert.Contains("\"sessionId\":\"session-1\"", _emulator.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"textPromptTemplate\":", _emulator.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"filter\":{\"equals\":{\"key\":\"team\",\"value\":\"runtime\"}}", _emulator.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal(_emulator.Requests[1].Body, _emulator.Requests[0].Body);
    }

    private static string? SentKnowledgeBaseId(RecordedRequest request)
    {
        using JsonDocument body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("retrieveAndGenerateConfiguration").GetProperty("knowledgeBaseConfiguration").GetProperty("knowledgeBaseId").GetString();
    }

    private static RetrieveAndGenerateRequest Generate(string question, bool everything = false, string knowledgeBaseId = Name) => new()
    {
        Input = { Text = question },
        SessionId = everything ? "session-1" : null,
        RetrieveAndGenerateConfiguration =
        {
            KnowledgeBaseConfiguration = new KnowledgeBaseRetrieveAndGenerateConfiguration
            {
                KnowledgeBaseId = knowledgeBaseId,
                ModelArn = ModelId,
                RetrievalConfiguration = everything
                    ? new KnowledgeBaseRetrievalConfiguration
                    {
                        VectorSearchConfiguration = { NumberOfResults = 2, OverrideSearchType = SearchTypes.Hybrid, Filter = RetrievalFilter.Equal("team", "runtime") },
                    }
                    : null,
                GenerationConfiguration = everything
                    ? new GenerationConfiguration
                    {
                        PromptTemplate = new KnowledgeBasePromptTemplate { TextPromptTemplate = "Results: $search_results$" },
                        InferenceConfig = new KnowledgeBaseInferenceConfig { TextInferenceConfig = new TextInferenceConfig { MaxTokens = 200, Temperature = 0.2f } },
                    }
                    : null,
            },
        },
    };

    private BedrockRuntimeClient CreateClient(bool mapName)
    {
        BedrockOptions options = KnowledgeBaseEmulation.ClientOptions(_emulator);
        if (mapName)
        {
            options.KnowledgeBaseIds[Name] = KnowledgeBaseId;
        }

        return new BedrockRuntimeClient(options);
    }
}
