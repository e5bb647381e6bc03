using System;
using System.Net;
using System.Text;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Errors;
using PromptGen.Bedrock.EventStream;
using PromptGen.Testing.Wire;
using Xunit;

namespace PromptGen.Tests.Bedrock.KnowledgeBases;

/// <summary>
/// The events of RetrieveAndGenerateStream, written by the emulator's independent encoder, decode to their typed
/// events (with the answer's request and session ids); exception frames to the typed exceptions, including the
/// Knowledge Bases runtime's own; unknown events are kept; broken payloads are <see cref="BedrockEventStreamException"/>.
/// </summary>
public sealed class RetrieveAndGenerateStreamDecoderTests
{
    [Fact]
    public void An_output_event_is_its_text_with_the_request_and_session_ids()
    {
        var output = Assert.IsType<RetrieveAndGenerateOutputEvent>(Decode(EventStreamEncoder.Event("output", """{"text":"Retries use jitter"}"""u8.ToArray())));

        Assert.Equal(("Retries use jitter", "req-1", "session-1"), (output.Text, output.RequestId, output.SessionId));
    }

    [Fact]
    public void A_citation_event_reads_the_current_members_and_the_deprecated_one()
    {
        const string part = """{"textResponsePart":{"text":"Retries use jitter.","span":{"start":0,"end":18}}}""";
        const string reference = """[{"content":{"type":"TEXT","text":"full jitter"},"location":{"type":"S3","s3Location":{"uri":"s3://b/retries.md"}}}]""";
        var current = Assert.IsType<RetrieveAndGenerateCitationEvent>(Decode(EventStreamEncoder.Event("citation", Encoding.UTF8.GetBytes(
            "{\"generatedResponsePart\":" + part + ",\"retrievedReferences\":" + reference + "}"))));
        var deprecated = Assert.IsType<RetrieveAndGenerateCitationEvent>(Decode(EventStreamEncoder.Event("citation", Encoding.UTF8.GetBytes(
            "{\"citation\":{\"generatedResponsePart\":" + part + ",\"retrievedReferences\":" + reference + "}}"))));

        foreach (KnowledgeBaseCitation citation in new[] { current.ToCitation(), deprecated.ToCitation() })
        {
            Assert.Equal((0, 18), (citation.GeneratedResponsePart!.TextResponsePart!.Span!.Start, citation.GeneratedResponsePart.TextResponsePart.Span.End));
            Assert.Equal("s3://b/retries.md", Assert.Single(citation.RetrievedReferences!).Location!.Address);
        }
    }

    [Fact]
    public void A_guardrail_event_carries_its_action_and_an_unknown_event_is_kept()
    {
        var guardrail = Assert.IsType<RetrieveAndGenerateGuardrailEvent>(Decode(EventStreamEncoder.Event("guardrail", """{"action":"INTERVENED"}"""u8.ToArray())));
        var unknown = Assert.IsType<UnknownRetrieveAndGenerateStreamEvent>(Decode(EventStreamEncoder.Event("somethingNew", """{"x":1}"""u8.ToArray())));

        Assert.Equal("INTERVENED", guardrail.Action);
        Assert.Equal(("somethingNew", 1), (unknown.EventType, unknown.Payload!.Value.GetProperty("x").GetInt32()));
    }

    [Theory]
    [InlineData("throttlingException", typeof(BedrockThrottlingException), 429)]
    [InlineData("resourceNotFoundException", typeof(BedrockResourceNotFoundException), 404)]
    [InlineData("dependencyFailedException", typeof(BedrockServiceException), 424)]
    [InlineData("badGatewayException", typeof(BedrockServiceException), 502)]
    public void An_exception_frame_is_the_typed_exception_with_the_status_the_model_gives_it(string exceptionType, Type expected, int status)
    {
        BedrockServiceException error = Assert.ThrowsAny<BedrockServiceException>(() =>
            Decode(EventStreamEncoder.Exception(exceptionType, """{"message":"stream broke"}"""u8.ToArray())));

        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains("stream broke", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("output", """{"text":null}""", "without 'text'")]
    [InlineData("output", """{"text":5}""", "not valid JSON for it")]
    [InlineData("citation", """{"retrievedReferences":[null]}""", "null retrieved reference")]
    [InlineData("guardrail", """{"action":""", "not valid JSON for it")]
    [InlineData("output", "null", "payload is null")]
    public void A_broken_payload_is_an_invalid_event(string eventType, string payload, string problem)
    {
        BedrockEventStreamException error = Assert.Throws<BedrockEventStreamException>(() =>
            Decode(EventStreamEncoder.Event(eventType, Encoding.UTF8.GetBytes(payload))));

        Assert.Equal(EventStreamErrorKind.InvalidEvent, error.Kind);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static RetrieveAndGenerateStreamEvent Decode(byte[] frame)
    {
        using var reader = new EventStreamReader(new System.IO.MemoryStream(frame));
        EventStreamMessage message = reader.ReadAsync(default).AsTask().GetAwaiter().GetResult()!;
        return RetrieveAndGenerateStreamDecoder.Decode(message, 0, "req-1", "session-1", RequestSecretRedactor.None);
    }
}
