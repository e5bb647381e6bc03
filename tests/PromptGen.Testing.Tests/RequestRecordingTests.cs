using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

public sealed class RequestRecordingTests
{
    [Fact]
    public async Task Accepted_request_is_recorded_with_what_was_sent()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string body = Converse.Body("Where is my refund?", system: "You are a support agent.");

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.Equal("Converse", recorded.Operation);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal(Converse.HaikuModel, recorded.ModelId);
        Assert.Equal("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse", recorded.RawPath);
        Assert.Equal(body, recorded.Body);
        Assert.Equal("application/json", recorded.Headers["CONTENT-TYPE"]);
        Assert.Equal(recorded.Headers["x-amz-date"], recorded.Headers["X-Amz-Date"]);
        Assert.Equal(new[] { "content-type", "host", "x-amz-content-sha256", "x-amz-date" }, recorded.SignedHeaders);
        Assert.Equal((AuthSchemes.SigV4, true, true), (recorded.AuthScheme, recorded.SignatureValid, recorded.Accepted));
        Assert.Equal("You are a support agent.", recorded.SystemText);
        Assert.Equal("Where is my refund?", recorded.UserText);
        Assert.Equal((200, (string?)null), (recorded.ResponseStatus, recorded.ErrorCode));
    }

    [Fact]
    public async Task Refused_requests_are_recorded_too()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using HttpRequestMessage unsigned = Converse.Request(emulator.Endpoint, Converse.HaikuModel, Converse.Body("no auth"));
        using HttpResponseMessage refused = await Converse.Http.SendAsync(unsigned);
        using HttpResponseMessage invalid = await Converse.SendSignedAsync(emulator, """{"messages":[{"role":"assistant","content":[{"text":"me first"}]}]}""");

        Assert.Equal(2, emulator.Requests.Count);
        RecordedRequest unauthenticated = emulator.Requests[0];
        Assert.Equal((false, 403, "MissingAuthenticationTokenException"), (unauthenticated.Accepted, unauthenticated.ResponseStatus, unauthenticated.ErrorCode));
        Assert.Equal("no auth", unauthenticated.UserText);
        RecordedRequest rejected = emulator.Requests[1];
        Assert.Equal((false, true, 400, "ValidationException"), (rejected.Accepted, rejected.SignatureValid, rejected.ResponseStatus, rejected.ErrorCode));
        Assert.Null(rejected.UserText); // no user turn at all
    }

    [Fact]
    public async Task Requests_are_listed_in_arrival_order_even_when_answered_out_of_order()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        ScriptRule slow = emulator.Script.When(promptContains: "slow").Delay(TimeSpan.FromMilliseconds(500)).ReplyText("slow");
        emulator.Script.When(promptContains: "fast").ReplyText("fast");
        Task<string> slowCall = Converse.AskAsync(emulator, "slow");
        Assert.True(await Eventually.HoldsAsync(() => slow.UseCount == 1, TimeSpan.FromSeconds(10)));

        await Converse.AskAsync(emulator, "fast");
        await slowCall;

        Assert.Equal(new[] { "slow", "fast" }, new[] { emulator.Requests[0].UserText, emulator.Requests[1].UserText });
    }

    [Fact]
    public async Task Requests_is_a_snapshot_and_clear_forgets_them()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        await Converse.AskAsync(emulator, "one");
        var snapshot = emulator.Requests;

        await Converse.AskAsync(emulator, "two");
        emulator.ClearRequests();

        Assert.Single(snapshot);
        Assert.Empty(emulator.Requests);
        await Converse.AskAsync(emulator, "three");
        Assert.Equal("three", Assert.Single(emulator.Requests).UserText);
    }

    [Fact]
    public async Task Completion_callback_sees_every_request()
    {
        var seen = new ConcurrentQueue<RecordedRequest>();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { RequestCompleted = seen.Enqueue });

        await Converse.AskAsync(emulator, "one");
        using HttpResponseMessage notFound = await Converse.Http.GetAsync(new Uri(emulator.Endpoint, "/nope"));

        Assert.Equal(new[] { 200, 404 }, seen.Select(r => r.ResponseStatus).ToArray());
    }

    [Theory]
    [InlineData("answer", 200, null)]
    [InlineData("error", 429, "ThrottlingException")]
    [InlineData("dropped connection", EmulatorStatusCodes.ConnectionDropped, null)]
    [InlineData("truncated body", EmulatorStatusCodes.TruncatedBody, null)]
    [InlineData("stream", 200, null)]
    [InlineData("stream ended by an exception", 200, "throttlingException")]
    public async Task A_request_is_logged_before_the_client_can_have_its_answer(string reply, int status, string? errorCode)
    {
        // The completion callback runs when the request is logged; holding it holds the answer back. So the client
        // cannot have finished while the callback waits, and a test that reads Requests right after its call (as
        // most do, the client retrying a dropped connection at once included) never misses it.
        var logged = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions
        {
            RequestCompleted = request =>
            {
                logged.TrySetResult(request);
                release.Wait(TimeSpan.FromMinutes(1));
            },
        });
        _ = reply switch
        {
            "answer" or "stream" => emulator.Script.Always().ReplyText("the answer"),
            "error" => emulator.Script.Always().ReplyThrottling(),
            "dropped connection" => emulator.Script.Always().ReplyDropConnection(),
            "truncated body" => emulator.Script.Always().ReplyTruncatedText("half of this is sent"),
            _ => emulator.Script.Always().FailStream(StreamFault.Exception("throttlingException", "Too many tokens.", afterEvents: 2)).ReplyText("the answer"),
        };
        Task call = SendAndReadAsync(emulator, reply.StartsWith("stream", StringComparison.Ordinal) ? "converse-stream" : "converse");

        RecordedRequest recorded = await logged.Task.WaitAsync(TimeSpan.FromMinutes(1));
        bool finishedEarly = call.IsCompleted;
        IReadOnlyList<RecordedRequest> seen = emulator.Requests;
        release.Set();
        await call;

        Assert.False(finishedEarly, "the client had its answer before the request was logged");
        Assert.Same(recorded, Assert.Single(seen));
        Assert.Equal((status, errorCode), (recorded.ResponseStatus, recorded.ErrorCode));
    }

    private static async Task SendAndReadAsync(BedrockEmulator emulator, string action)
    {
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, Converse.Body("hi"), action);
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow);
        try
        {
            using HttpResponseMessage response = await Converse.Http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
        }
        catch (HttpRequestException)
        {
            // A dropped connection or a truncated body: the client has its answer, an error, all the same.
        }
    }

    [Fact]
    public async Task Body_over_the_server_limit_is_refused_and_recorded()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string body = Converse.Body(new string('x', 31 * 1024 * 1024));

        try
        {
            using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);
            Assert.Equal(413, (int)response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // The server may answer and close before the client has sent the whole body.
        }

        Assert.True(await Eventually.HoldsAsync(() => emulator.Requests.Count == 1, TimeSpan.FromSeconds(10)));
        Assert.Equal((413, false), (emulator.Requests[0].ResponseStatus, emulator.Requests[0].Accepted));
    }

    [Fact]
    public async Task A_recorded_request_shows_what_script_conditions_see_tool_results_included()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        ConverseCall? seen = null;
        emulator.Script.When(call =>
        {
            seen = call;
            return true;
        }).ReplyText("done");
        const string body = """
            {"messages":[
              {"role":"user","content":[{"text":"weather?"}]},
              {"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"get_weather","input":{"city":"Paris"}}}]},
              {"role":"user","content":[{"toolResult":{"toolUseId":"t1","status":"error","content":[{"text":"no station"}]}}]}],
             "system":[{"text":"be brief"}],
             "toolConfig":{"tools":[{"toolSpec":{"name":"get_weather","inputSchema":{"json":{"type":"object"}}}}],"toolChoice":{"auto":{}}}}
            """;

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.NotNull(seen);
        Assert.Equal(seen!.ToolResults, recorded.ToolResults);
        Assert.Equal(new EmulatorToolResult("t1", "error", "no station"), Assert.Single(recorded.ToolResults));
        Assert.Equal((seen.ModelId, seen.UserText, seen.SystemText), (recorded.ModelId, recorded.UserText, recorded.SystemText));
        Assert.Equal(new[] { "get_weather" }, recorded.ToolNames);
        Assert.Equal(seen.ToolNames, recorded.ToolNames);
        Assert.Equal(("auto", seen.ToolChoice), (recorded.ToolChoice, recorded.ToolChoice));
        Assert.Equal((seen.MessageCount, seen.HasToolConfig, seen.ForcedToolName), (recorded.MessageCount, recorded.HasToolConfig, recorded.ForcedToolName));
        Assert.Equal(seen.Operation, recorded.Operation);
    }
}
