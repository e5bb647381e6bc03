using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Retrieval;

/// <summary>
/// <c>[Retrieve(QueryTemplate = …)]</c> end to end against the emulator: the query rendered from the parameters is what
/// the one Retrieve sends (and so what the knowledge base ranks by), then one Converse with the passages it found.
/// </summary>
public sealed class QueryTemplateRetrievalTests : IAsyncLifetime
{
    private readonly string _docs = Directory.CreateTempSubdirectory("promptgen-query-template-").FullName;
    private BedrockEmulator _emulator = null!;
    private BedrockRuntimeClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_docs, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        await File.WriteAllTextAsync(Path.Combine(_docs, "streams.md"), "An idle stream times out after the idle limit; stream errors are not retried.");
        _emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions
        {
            KnowledgeBases = { [IQueryTemplatePrompts.KnowledgeBase] = _docs },
        });
        _client = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            Timeout = TimeSpan.FromSeconds(30),
        });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
        Directory.Delete(_docs, recursive: true);
    }

    [Theory]
    [InlineData("idle stream", "s3://promptgen-kb-kbdocs0002/streams.md")]
    [InlineData("throttling backoff", "s3://promptgen-kb-kbdocs0002/retries.md")]
    public async Task The_rendered_query_is_what_the_one_Retrieve_searches_for(string area, string expectedSource)
    {
        const string question = "Are errors retried?";
        _emulator.Script.When(model: IQueryTemplatePrompts.Model, promptContains: "Question: " + question).ReplyText("It depends [1].");

        PromptResult<string> answer = await IQueryTemplatePrompts.Create(_client).AnswerInAreaAsync(area, question);

        Assert.Equal("It depends [1].", answer.Value);
        Assert.Equal(new[] { "Retrieve", "Converse" }, _emulator.Requests.Select(request => request.Operation));
        using JsonDocument retrieve = JsonDocument.Parse(_emulator.Requests[0].Body);
        Assert.Equal(area + " " + question, retrieve.RootElement.GetProperty("retrievalQuery").GetProperty("text").GetString());
        // The same question, another area: the knowledge base ranks by the whole rendered query.
        Assert.Equal(expectedSource, Assert.Single(answer.Passages).Location);
        Assert.StartsWith("[1] ", _emulator.Requests[1].UserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_that_renders_blank_fails_before_any_request_naming_the_template()
    {
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => IQueryTemplatePrompts.Create(_client).AnswerInAreaAsync(" ", " "));

        Assert.Equal("QueryTemplate", error.ParamName);
        Assert.Empty(_emulator.Requests);
    }
}
