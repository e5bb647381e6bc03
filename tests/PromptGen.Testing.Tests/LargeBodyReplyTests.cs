using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using PromptGen.Testing.Wire;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>
/// <see cref="EmulatorFault.LargeBody"/> at the HTTP level: answers, errors and stream frames of an exact size, with and
/// without Content-Length, and ones that never end.
/// </summary>
public sealed class LargeBodyReplyTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_large_answer_has_exactly_the_length_asked_for_and_is_valid_json(bool announce)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().ReplyLargeText(300_000, announce);

        using HttpResponseMessage response = await SendAsync(emulator, "converse");
        long? announced = response.Content.Headers.ContentLength; // before reading: a buffered body gets a computed one
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(announce ? 300_000 : null, announced);
        Assert.Equal(300_000, body.Length);
        using JsonDocument document = JsonDocument.Parse(body);
        Assert.Equal("end_turn", document.RootElement.GetProperty("stopReason").GetString());
        string text = Converse.ReplyText(System.Text.Encoding.UTF8.GetString(body));
        Assert.True(text.Length > 299_000 && text.All(c => c == 'x'));
        Assert.Equal(200, Assert.Single(emulator.Requests).ResponseStatus);
    }

    [Fact]
    public async Task A_large_error_carries_its_code_and_a_padded_message()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().ReplyLargeError("ServiceUnavailableException", 503, 70_000);

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "hi");
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("ServiceUnavailableException", Converse.ErrorType(response));
        Assert.Equal(70_000, body.Length);
        Assert.Equal(70_000 - 14, JsonDocument.Parse(body).RootElement.GetProperty("message").GetString()!.Length);
        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.Equal((503, "ServiceUnavailableException"), (recorded.ResponseStatus, recorded.ErrorCode));
    }

    [Fact]
    public async Task An_endless_body_keeps_coming_without_a_length_until_the_client_leaves()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().ReplyLargeText(null);

        using (HttpResponseMessage response = await SendAsync(emulator, "converse"))
        {
            Assert.Null(response.Content.Headers.ContentLength);
            await using Stream body = await response.Content.ReadAsStreamAsync();
            long read = await ReadAtLeastAsync(body, 8 * 1024 * 1024);
            Assert.True(read >= 8 * 1024 * 1024);
        }

        Assert.True(await Eventually.HoldsAsync(() => emulator.Requests.Count == 1, TimeSpan.FromSeconds(10)));
        Assert.Equal(EmulatorStatusCodes.ClientClosedRequest, emulator.Requests[0].ResponseStatus);
    }

    [Fact]
    public async Task To_a_stream_a_large_answer_is_one_delta_frame_of_that_length_with_valid_checksums()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().ReplyLargeText(200_000);

        using HttpResponseMessage response = await SendAsync(emulator, "converse-stream");
        var frames = FrameReader.ReadAll(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(["messageStart", "contentBlockDelta", "contentBlockStop", "messageStop", "metadata"], frames.Select(frame => frame.EventType));
        Assert.All(frames, frame => Assert.True(frame.PreludeCrcValid && frame.MessageCrcValid));
        string text = JsonDocument.Parse(frames[1].Payload).RootElement.GetProperty("delta").GetProperty("text").GetString()!;
        Assert.True(text.Length > 199_000 && text.All(c => c == 'x'));
    }

    [Fact]
    public async Task To_a_stream_an_endless_answer_is_a_frame_claiming_4_GiB_that_never_ends()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().ReplyLargeText(null);

        using HttpResponseMessage response = await SendAsync(emulator, "converse-stream");
        await using Stream body = await response.Content.ReadAsStreamAsync();
        byte[] start = new byte[1024 * 1024];
        await body.ReadExactlyAsync(start);

        int firstLength = BinaryPrimitives.ReadInt32BigEndian(start);
        ReadOnlySpan<byte> prelude = start.AsSpan(firstLength, 12);
        Assert.Equal(uint.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(prelude));
        Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(prelude[8..]), EventStreamEncoder.Checksum(prelude[..8]));
    }

    [Fact]
    public void A_length_too_short_for_the_json_around_the_padding_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorReply.LargeText(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorReply.LargeError("ThrottlingException", 429, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorReply.LargeError("ThrottlingException", 200, 1000));

        EmulatorReply reply = EmulatorReply.LargeError("ThrottlingException", 429, 1000).WithRetryAfter(TimeSpan.FromSeconds(2));
        Assert.Equal((EmulatorFault.LargeBody, 1000L, true, TimeSpan.FromSeconds(2)), (reply.Fault, reply.BodyLength, reply.AnnouncesLength, reply.RetryAfter));
        Assert.False(EmulatorReply.LargeText(null, announceLength: true).AnnouncesLength);
    }

    [Fact]
    public async Task The_json_script_writes_large_bodies_too()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.LoadJson("""
            { "rules": [
                { "promptContains": "answer", "fault": { "largeBody": { "bytes": 5000, "contentLength": false } } },
                { "promptContains": "error", "fault": { "largeBody": { "bytes": 5000, "code": "InternalServerException", "status": 500 } } },
                { "promptContains": "endless", "fault": { "largeBody": {} } }
            ] }
            """);

        using HttpResponseMessage answer = await SendAsync(emulator, "converse", "answer");
        using HttpResponseMessage error = await SendAsync(emulator, "converse", "error");

        Assert.Equal((HttpStatusCode.OK, (long?)null, 5000), (answer.StatusCode, answer.Content.Headers.ContentLength, (await answer.Content.ReadAsByteArrayAsync()).Length));
        Assert.Equal((HttpStatusCode.InternalServerError, (long?)5000, "InternalServerException"), (error.StatusCode, error.Content.Headers.ContentLength, Converse.ErrorType(error)));
        Assert.Null(emulator.Script.Rules[2].Reply.BodyLength);
    }

    [Theory]
    [InlineData("""{ "largeBody": { "bytes": -1 } }""", "largeBody.bytes must be a whole number of bytes")]
    [InlineData("""{ "largeBody": { "code": "ThrottlingException" } }""", "needs both 'code' and 'status'")]
    [InlineData("""{ "largeBody": { "bytes": 3 } }""", "at least")]
    [InlineData("""{ "largeBody": { "size": 3 } }""", "size")]
    [InlineData("""{ "largeBody": { "contentLength": "yes" } }""", "contentLength must be true or false")]
    public void Invalid_large_body_scripts_name_the_member(string fault, string expected)
    {
        var script = new EmulatorScript();

        var error = Assert.Throws<EmulatorScriptException>(() => script.LoadJson($$"""{ "rules": [ { "fault": {{fault}} } ] }"""));

        Assert.Contains(expected, error.Message);
        Assert.Empty(script.Rules);
    }

    /// <summary>Sends without buffering the answer, so its headers are as the emulator sent them (no computed Content-Length).</summary>
    private static async Task<HttpResponseMessage> SendAsync(BedrockEmulator emulator, string action, string prompt = "hi")
    {
        HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, Converse.Body(prompt), action);
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow);
        return await Converse.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task<long> ReadAtLeastAsync(Stream body, long count)
    {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < count)
        {
            int read = await body.ReadAsync(buffer, CancellationToken.None);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
