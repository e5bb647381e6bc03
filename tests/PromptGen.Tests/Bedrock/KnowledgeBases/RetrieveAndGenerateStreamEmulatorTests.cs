using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.Bedrock.KnowledgeBases;

/// <summary>
/// RetrieveAndGenerateStream end to end: the real client, signed, against the emulator's knowledge base — the text in
/// several output events, citations that cut their text out of the whole answer, the session id, typed in-stream errors.
/// </summary>
public sealed class RetrieveAndGenerateStreamEmulatorTests : IAsyncLifetime
{
    private const string KnowledgeBaseId = "KBSTREAM01";
    private const string ModelId = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private readonly string _folder = Directory.CreateTempSubdirectory("pg-kbs-").FullName;
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "cooking.txt"), "Bread needs flour, water and time.");
        _emulator = await KnowledgeBaseEmulation.StartAsync(KnowledgeBaseId, _folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_answer_arrives_in_output_events_followed_by_its_citations()
    {
        _emulator.Script.When(model: ModelId, promptContains: "How are throttling errors retried?")
            .Stream(chunkSize: 10)
            .ReplyText("Throttling errors are retried with full jitter. Bread is unrelated.");
        using BedrockRuntimeClient client = CreateClient();

        var events = new List<RetrieveAndGenerateStreamEvent>();
        await foreach (RetrieveAndGenerateStreamEvent streamEvent in client.RetrieveAndGenerateStreamAsync(Generate("How are throttling errors retried?", KnowledgeBaseId)))
        {
            events.Add(streamEvent);
        }

        var outputs = events.OfType<RetrieveAndGenerateOutputEvent>().ToList();
        string answer = string.Concat(outputs.Select(output => output.Text));
        Assert.Equal("Throttling errors are retried with full jitter. Bread is unrelated.", answer);
        Assert.Equal(7, outputs.Count);
        Assert.IsType<RetrieveAndGenerateCitationEvent>(events[^1]);
        TextResponsePart part = Assert.Single(events.OfType<RetrieveAndGenerateCitationEvent>()).ToCitation().GeneratedResponsePart!.TextResponsePart!;
        Assert.Equal("Throttling errors are retried with full jitter.", part.Text);
        Assert.Equal(part.Text, answer[part.Span!.Start..(part.Span.End + 1)]);
        Assert.Single(events.Select(e => e.SessionId).Distinct());
        Assert.False(string.IsNullOrEmpty(events[0].SessionId));
        Assert.All(events, e => Assert.NotNull(e.RequestId));

        RecordedRequest recorded = Assert.Single(_emulator.Requests);
        Assert.Equal(("RetrieveAndGenerateStream", "/retrieveAndGenerateStream", true, 200), (recorded.Operation, recorded.RawPath, recorded.SignatureValid, recorded.ResponseStatus));
        Assert.Contains("exponential backoff", recorded.UserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_inside_the_stream_is_thrown_typed_after_the_events_before_it()
    {
        _emulator.Script.When(promptContains: "overload")
            .Stream(chunkSize: 10)
            .FailStream(StreamFault.Exception("throttlingException", "Slow down", afterEvents: 2))
            .ReplyText("Throttling errors are retried with full jitter.");
        using BedrockRuntimeClient client = CreateClient();
        var received = new StringBuilder();

        var error = await Assert.ThrowsAsync<BedrockThrottlingException>(async () =>
        {
            await foreach (RetrieveAndGenerateStreamEvent streamEvent in client.RetrieveAndGenerateStreamAsync(Generate("overload the retries", KnowledgeBaseId)))
            {
                received.Append(((RetrieveAndGenerateOutputEvent)streamEvent).Text);
            }
        });

        Assert.Equal("Throttling errors ar", received.ToString());
        Assert.Contains("Slow down", error.Message, StringComparison.Ordinal);
        Assert.Equal("throttlingException", Assert.Single(_emulator.Requests).ErrorCode);
    }

    [Fact]
    public async Task An_unknown_knowledge_base_fails_at_enumeration_and_bad_arguments_at_the_call()
    {
        using BedrockRuntimeClient client = CreateClient();

        IAsyncEnumerable<RetrieveAndGenerateStreamEvent> missing = client.RetrieveAndGenerateStreamAsync(Generate("retries", "KBMISSING1"));
        var notFound = await Assert.ThrowsAsync<BedrockResourceNotFoundException>(async () =>
        {
            await foreach (RetrieveAndGenerateStreamEvent unused in missing)
            {
            }
        });
        Assert.Throws<ArgumentException>(() => client.RetrieveAndGenerateStreamAsync(Generate("retries", "not-an-id!")));
        Assert.Throws<ArgumentNullException>(() => client.RetrieveAndGenerateStreamAsync(null!));

        Assert.Contains("KBMISSING1", notFound.Message, StringComparison.Ordinal);
        Assert.Single(_emulator.Requests);
    }

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
