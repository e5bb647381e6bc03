using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock.Streaming;

/// <summary>Responses the emulator never sends: the client must still reject them with a clear, typed error.</summary>
public sealed class ConverseStreamResponseTests
{
    [Fact]
    public async Task A_stream_that_ends_cleanly_before_message_stop_is_truncated()
    {
        byte[] body = Frames.Concat(
            Frames.Event("messageStart", """{"role":"assistant"}"""),
            Frames.Event("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"Hel"}}"""));
        using BedrockRuntimeClient client = ClientAnswering(HttpStatusCode.OK, body, "application/vnd.amazon.eventstream");
        var received = new List<ConverseStreamEvent>();

        var error = await Assert.ThrowsAsync<BedrockEventStreamException>(async () =>
        {
            await foreach (ConverseStreamEvent e in client.ConverseStreamAsync("amazon.nova-lite-v1:0", TestClients.HiRequest()))
            {
                received.Add(e);
            }
        });

        Assert.Equal(EventStreamErrorKind.Truncated, error.Kind);
        Assert.Equal(body.Length, error.StreamOffset);
        Assert.Contains("messageStop", error.Message);
        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task A_200_that_is_not_an_event_stream_says_so()
    {
        using BedrockRuntimeClient client = ClientAnswering(HttpStatusCode.OK, CapturingHandler.MinimalConverseResponse, "application/json");

        var error = await Assert.ThrowsAsync<BedrockEventStreamException>(async () =>
        {
            await foreach (ConverseStreamEvent _ in client.ConverseStreamAsync("amazon.nova-lite-v1:0", TestClients.HiRequest()))
            {
            }
        });

        Assert.Equal(EventStreamErrorKind.NotAnEventStream, error.Kind);
        Assert.Contains("application/json", error.Message);
    }

    [Fact]
    public async Task The_request_goes_to_converse_stream_with_the_same_body_as_converse()
    {
        var handler = new CapturingHandler((_, _) => Task.FromResult(Response(HttpStatusCode.OK, Frames.Concat(
            Frames.Event("messageStart", """{"role":"assistant"}"""),
            Frames.Event("messageStop", """{"stopReason":"end_turn"}""")), "application/vnd.amazon.eventstream")));
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        await foreach (ConverseStreamEvent _ in client.ConverseStreamAsync("us.anthropic.claude-haiku-4-5-20251001-v1:0", TestClients.HiRequest()))
        {
        }

        CapturedRequest request = handler.Single;
        Assert.EndsWith("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse-stream", request.Message.RequestUri!.AbsoluteUri);
        Assert.Equal("""{"messages":[{"role":"user","content":[{"text":"Hi"}]}],"inferenceConfig":{"maxTokens":64}}""", request.Body);
    }

    private static BedrockRuntimeClient ClientAnswering(HttpStatusCode status, object body, string contentType) =>
        TestClients.Create(TestClients.SigV4Options(), new CapturingHandler((_, _) => Task.FromResult(Response(status, body, contentType))));

    private static HttpResponseMessage Response(HttpStatusCode status, object body, string contentType)
    {
        HttpContent content = body is byte[] bytes ? new ByteArrayContent(bytes) : new StringContent((string)body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpResponseMessage(status) { Content = content };
    }
}
