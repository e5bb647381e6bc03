using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>converse-stream at the HTTP level: the frames the emulator writes, its stream shapes and its faults.</summary>
public sealed class StreamingReplyTests
{
    [Fact]
    public async Task A_text_reply_streams_as_checksummed_frames_in_spec_order()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "hi").Usage(4, 6).Stream(chunkSize: 4).ReplyText("Hello, stream!");

        (HttpResponseMessage response, byte[] body) = await PostStreamAsync(emulator.Endpoint, "hi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.amazon.eventstream", response.Content.Headers.ContentType?.MediaType);
        var frames = FrameReader.ReadAll(body);
        Assert.All(frames, frame => Assert.True(frame.PreludeCrcValid && frame.MessageCrcValid));
        Assert.All(frames, frame => Assert.Equal(("event", "application/json"), (frame.Headers[":message-type"], frame.Headers[":content-type"])));
        Assert.Equal(
            ["messageStart", "contentBlockDelta", "contentBlockDelta", "contentBlockDelta", "contentBlockDelta", "contentBlockStop", "messageStop", "metadata"],
            frames.Select(frame => frame.EventType));
        Assert.Equal(["Hell", "o, s", "trea", "m!"], frames.Where(f => f.EventType == "contentBlockDelta")
            .Select(f => JsonDocument.Parse(f.Payload).RootElement.GetProperty("delta").GetProperty("text").GetString()));
        Assert.Equal("""{"stopReason":"end_turn"}""", frames[^2].Payload);
        JsonElement usage = JsonDocument.Parse(frames[^1].Payload).RootElement.GetProperty("usage");
        Assert.Equal((4, 6, 10), (usage.GetProperty("inputTokens").GetInt32(), usage.GetProperty("outputTokens").GetInt32(), usage.GetProperty("totalTokens").GetInt32()));
        Assert.Equal("ConverseStream", Assert.Single(emulator.Requests).Operation);
    }

    [Fact]
    public async Task A_tool_use_reply_streams_its_input_as_string_fragments()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().Stream(chunkSize: 3).ReplyToolUse("lookup", """{"q":"x"}""");

        var frames = FrameReader.ReadAll((await PostStreamAsync(emulator.Endpoint, "hi")).Body);

        JsonElement start = JsonDocument.Parse(frames[1].Payload).RootElement;
        Assert.Equal("contentBlockStart", frames[1].EventType);
        Assert.Equal("lookup", start.GetProperty("start").GetProperty("toolUse").GetProperty("name").GetString());
        Assert.Equal(["{\"q", "\":\"", "x\"}"], frames.Where(f => f.EventType == "contentBlockDelta")
            .Select(f => JsonDocument.Parse(f.Payload).RootElement.GetProperty("delta").GetProperty("toolUse").GetProperty("input").GetString()));
        Assert.Equal("""{"stopReason":"tool_use"}""", frames[^2].Payload);
    }

    [Fact]
    public async Task Surrogate_pairs_are_never_split_between_deltas()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().Stream(chunkSize: 1).ReplyText("a😀b");

        var frames = FrameReader.ReadAll((await PostStreamAsync(emulator.Endpoint, "hi")).Body);

        Assert.Equal(["a", "😀", "b"], frames.Where(f => f.EventType == "contentBlockDelta")
            .Select(f => JsonDocument.Parse(f.Payload).RootElement.GetProperty("delta").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task An_error_reply_is_an_http_error_before_any_stream()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().ReplyError("ThrottlingException", 429, "Rate exceeded");

        (HttpResponseMessage response, byte[] body) = await PostStreamAsync(emulator.Endpoint, "hi");

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal("ThrottlingException", Converse.ErrorType(response));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Rate exceeded", JsonDocument.Parse(body).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Exception_and_error_faults_end_the_stream_with_their_frame()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "exception").FailStream(StreamFault.Exception("throttlingException", "Slow down", afterEvents: 2)).ReplyText("abcdefghijklmnopqrstuvwxyz");
        emulator.Script.When(promptContains: "error").FailStream(StreamFault.Error("InternalFailure", "It broke", afterEvents: 0)).ReplyText("abc");

        var exception = FrameReader.ReadAll((await PostStreamAsync(emulator.Endpoint, "exception")).Body);
        var error = FrameReader.ReadAll((await PostStreamAsync(emulator.Endpoint, "error")).Body);

        Assert.Equal(3, exception.Count);
        Assert.Equal(("exception", "throttlingException"), (exception[2].Headers[":message-type"], exception[2].Headers[":exception-type"]));
        Assert.Equal("""{"message":"Slow down"}""", exception[2].Payload);
        Frame only = Assert.Single(error);
        Assert.Equal(("error", "InternalFailure", "It broke", ""), (only.Headers[":message-type"], only.Headers[":error-code"], only.Headers[":error-message"], only.Payload));
        Assert.Equal(["throttlingException", "InternalFailure"], emulator.Requests.Select(r => r.ErrorCode));
    }

    [Fact]
    public async Task A_corrupt_frame_keeps_its_prelude_and_fails_its_message_checksum()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().FailStream(StreamFault.CorruptFrame(afterEvents: 1)).ReplyText("abcdefgh");

        var frames = FrameReader.ReadAll((await PostStreamAsync(emulator.Endpoint, "hi")).Body);

        Assert.Equal([true, false, true], frames.Take(3).Select(f => f.MessageCrcValid));
        Assert.All(frames, f => Assert.True(f.PreludeCrcValid));
    }

    [Fact]
    public async Task A_cut_connection_fails_the_read_and_a_stall_waits_for_the_client()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "cut").FailStream(StreamFault.CutConnection(afterEvents: 1)).ReplyText("abcdefgh");
        ScriptRule stallRule = emulator.Script.When(promptContains: "stall").FailStream(StreamFault.Stall(afterEvents: 1)).ReplyText("abcdefgh");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => PostStreamAsync(emulator.Endpoint, "cut"));

        // Give up on the stall once the emulator serves it: a timer started with the call could fire before the
        // request has left, and then nothing would be recorded.
        using var cancel = new CancellationTokenSource();
        Task stall = PostStreamAsync(emulator.Endpoint, "stall", cancellationToken: cancel.Token);
        Assert.True(await Eventually.HoldsAsync(() => stallRule.UseCount == 1, TimeSpan.FromSeconds(30)), "the stalled request never reached the emulator");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stall);
        Assert.True(await Eventually.HoldsAsync(() => emulator.Requests.Count == 2, TimeSpan.FromSeconds(20)));
        Assert.Equal(EmulatorStatusCodes.ClientClosedRequest, emulator.Requests.Single(r => r.UserText == "stall").ResponseStatus);
    }

    [Fact]
    public async Task Http2_without_tls_is_served_on_its_own_endpoint()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().ReplyText("over h2c");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        (HttpResponseMessage response, byte[] body) = await PostStreamAsync(emulator.Http2Endpoint, "hi", http, HttpVersion.Version20);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Contains(FrameReader.ReadAll(body), f => f.Payload.Contains("over h2c", StringComparison.Ordinal));
        Assert.Equal("HTTP/2", Assert.Single(emulator.Requests).Protocol);
        Assert.NotEqual(emulator.Endpoint.Port, emulator.Http2Endpoint.Port);
    }

    [Fact]
    public async Task Http2_requests_signed_over_the_authority_pseudo_header_verify()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using HttpRequestMessage request = Converse.Request(emulator.Http2Endpoint, Converse.HaikuModel, Converse.Body("hi"), "converse-stream");
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow, new SigningOptions { SignAuthority = true });

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.True(recorded.SignatureValid);
        Assert.Equal(":authority", recorded.SignedHeaders[0]);
    }

    [Fact]
    public void Stream_shapes_and_faults_reject_impossible_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamShape { ChunkSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamShape { WriteSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamShape { EventDelay = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentException>(() => StreamFault.Exception("throttling exception", "x", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StreamFault.CutConnection(-1));
    }

    [Fact]
    public async Task Script_files_shape_streams_and_inject_faults()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.LoadJson("""
            { "rules": [
              { "promptContains": "hi", "reply": { "text": "abcdef" },
                "stream": { "chunkSize": 2, "eventDelayMs": 1, "writeSize": 5,
                            "fault": { "kind": "exception", "code": "validationException", "message": "Bad", "afterEvents": 3 } } }
            ] }
            """);

        var frames = FrameReader.ReadAll((await PostStreamAsync(emulator.Endpoint, "hi")).Body);

        Assert.Equal(["messageStart", "contentBlockDelta", "contentBlockDelta", null], frames.Select(f => f.EventType));
        Assert.Equal("validationException", frames[3].Headers[":exception-type"]);
        Assert.Equal(2, emulator.Script.Rules.Single().Stream.ChunkSize);
    }

    [Theory]
    [InlineData("""{"chunkSize": 0}""", "chunkSize")]
    [InlineData("""{"chunkSiz": 2}""", "chunkSiz")]
    [InlineData("""{"fault": {"kind": "explode"}}""", "explode")]
    [InlineData("""{"fault": {"kind": "exception"}}""", "code")]
    public void Invalid_stream_members_in_scripts_are_named(string stream, string named)
    {
        var script = new EmulatorScript();

        var error = Assert.Throws<EmulatorScriptException>(() => script.LoadJson($$"""{"rules":[{"reply":{"text":"x"},"stream":{{stream}}}]}"""));

        Assert.Contains(named, error.Message);
        Assert.Empty(script.Rules);
    }

    private static async Task<(HttpResponseMessage Response, byte[] Body)> PostStreamAsync(
        Uri endpoint, string prompt, HttpClient? http = null, Version? version = null, CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage request = Converse.Request(endpoint, Converse.HaikuModel, Converse.Body(prompt), "converse-stream");
        request.Version = version ?? HttpVersion.Version11;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow);
        HttpResponseMessage response = await (http ?? Converse.Http).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return (response, body);
    }
}
