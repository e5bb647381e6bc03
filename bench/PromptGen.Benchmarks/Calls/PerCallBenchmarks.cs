using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using PromptGen.Benchmarks.Results;

namespace PromptGen.Benchmarks.Calls;

/// <summary>
/// One typed call end to end over a fake transport that answers with a canned Converse response: the generated
/// client (render, Converse JSON, SigV4, HttpClient, answer normalisation, generated parser) against the hand-written
/// floor doing the same wire work, and Microsoft.Extensions.AI's GetResponseAsync&lt;T&gt; over a fake IChatClient
/// returning the same text (no JSON request, no signing, no HTTP at all).
/// </summary>
[BenchmarkCategory("PerCall")]
public class PerCallBenchmarks
{
    private const string Title = "Router drops Wi-Fi every evening";
    private const string Body = "Since the last firmware update my router loses the 5 GHz network around 8 pm.";

    private static readonly AWSCredentials Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private IResultPrompts _generated = null!;
    private IResultPrompts _generatedWithoutResilience = null!;
    private HandWrittenBedrockCall _floor = null!;
    private IChatClient _chat = null!;
    private JsonSerializerOptions _chatJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        var http = new HttpClient(new CannedConverseHandler(ModelAnswers.CleanTriage));
        var bedrock = new BedrockRuntimeClient(new BedrockOptions { Region = "us-east-1", Credentials = Credentials }, http);
        _generated = IResultPrompts.Create(bedrock);

        // The floor has no time limit and no retries; this row shows what those two cost in the generated client.
        var bare = new BedrockRuntimeClient(
            new BedrockOptions { Region = "us-east-1", Credentials = Credentials, Timeout = System.Threading.Timeout.InfiniteTimeSpan, Retry = { MaxAttempts = 1 } },
            http);
        _generatedWithoutResilience = IResultPrompts.Create(bare);
        _floor = new HandWrittenBedrockCall(http, Credentials, GeneratedSpecs.Of<TicketTriage>(typeof(IResultPrompts), "TriageAsyncResult").SchemaJson);
        _chat = new CannedChatClient(ModelAnswers.CleanTriage);
        _chatJson = new JsonSerializerOptions(ResultJsonContext.Default.Options);
    }

    [Benchmark]
    public Task<TicketTriage> Generated() => _generated.TriageAsync(Title, Body);

    [Benchmark]
    public Task<TicketTriage> GeneratedWithoutTimeoutOrRetries() => _generatedWithoutResilience.TriageAsync(Title, Body);

    [Benchmark(Baseline = true)]
    public Task<TicketTriage> HandWrittenFloor() => _floor.TriageAsync(Title, Body);

    [Benchmark]
    public async Task<TicketTriage> ExtensionsAI()
    {
        ChatResponse<TicketTriage> response = await _chat.GetResponseAsync<TicketTriage>($"Triage this ticket: {Title}: {Body}", _chatJson).ConfigureAwait(false);
        return response.Result;
    }
}
