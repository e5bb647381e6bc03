using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
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
    private EmulatorFixture _bedrock = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_docs, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        await File.WriteAllTextAsync(Path.Combine(_docs, "streams.md"), "An idle stream times out after the idle limit; stream errors are not retried.");
        _bedrock = new EmulatorFixture(new BedrockEmulatorOptions
        {
            KnowledgeBases = { [IQueryTemplatePrompts.KnowledgeBase] = _docs },
        });
        await _bedrock.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _bedrock.DisposeAsync();
        Directory.Delete(_docs, recursive: true);
    }

    [Theory]
    [InlineData("idle stream", "s3://promptgen-kb-kbdocs0002/streams.md")]
    [InlineData("throttling backoff", "s3://promptgen-kb-kbdocs0002/retries.md")]
    public async Task The_rendered_query_is_what_the_one_Retrieve_searches_for(string area, string expectedSource)
    {
        const string question = "Are errors retried?";
        _bedrock.Emulator.Script.When(model: IQueryTemplatePrompts.Model, promptContains: "Question: " + question).ReplyText("It depends [1].");

        PromptResult<string> answer = await IQueryTemplatePrompts.Create(_bedrock.Client).AnswerInAreaAsync(area, question);

        Assert.Equal("It depends [1].", answer.Value);
        Assert.Equal(new[] { "Retrieve", "Converse" }, _bedrock.Emulator.Requests.Select(request => request.Operation));
        using JsonDocument retrieve = JsonDocument.Parse(_bedrock.Emulator.Requests[0].Body);
        Assert.Equal(area + " " + question, retrieve.RootElement.GetProperty("retrievalQuery").GetProperty("text").GetString());
        // The same question, another area: the knowledge base ranks by the whole rendered query.
        Assert.Equal(expectedSource, Assert.Single(answer.Passages).Location);
        Assert.StartsWith("[1] ", _bedrock.Emulator.Requests[1].UserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_that_renders_blank_fails_before_any_request_naming_the_template()
    {
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => IQueryTemplatePrompts.Create(_bedrock.Client).AnswerInAreaAsync(" ", " "));

        Assert.Equal("QueryTemplate", error.ParamName);
        Assert.Empty(_bedrock.Emulator.Requests);
    }
}
