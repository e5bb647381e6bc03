using System;
using System.Text;
using PromptGen.Bedrock.Errors;
using PromptGen.Bedrock.EventStream;
using PromptGen.Testing.Wire;
using Xunit;

namespace PromptGen.Tests.Bedrock.InvokeModel;

/// <summary>
/// The <c>chunk</c> events of InvokeModelWithResponseStream, written by the emulator's independent encoder, decode to their
/// bytes; exception and error frames to the typed exceptions; unknown events are skipped; broken payloads are
/// <see cref="BedrockEventStreamException"/>.
/// </summary>
public sealed class InvokeModelStreamDecoderTests
{
    [Theory]
    [InlineData("""{"bytes":"eyJ0eXBlIjoibWVzc2FnZV9zdG9wIn0="}""", """{"type":"message_stop"}""")]
    [InlineData("""{"p":"abcdefgh","bytes":"eyJhIjoxfQ=="}""", """{"a":1}""")]
    [InlineData("""{"bytes":"eyJhIjoxfQ\u003d\u003d"}""", """{"a":1}""")]
    [InlineData("""{"bytes":""}""", "")]
    public void A_chunk_event_yields_its_decoded_bytes(string payload, string expected)
    {
        byte[]? bytes = Decode(EventStreamEncoder.Event("chunk", Encoding.UTF8.GetBytes(payload)));

        Assert.Equal(expected, Encoding.UTF8.GetString(bytes!));
    }

    [Fact]
    public void An_unknown_event_type_is_skipped()
    {
        Assert.Null(Decode(EventStreamEncoder.Event("somethingNew", Encoding.UTF8.GetBytes("{}"))));
    }

    [Theory]
    [InlineData("throttlingException", typeof(BedrockThrottlingException))]
    [InlineData("modelTimeoutException", typeof(BedrockModelTimeoutException))]
    [InlineData("internalServerException", typeof(BedrockInternalServerException))]
    [InlineData("validationException", typeof(BedrockValidationException))]
    public void An_exception_frame_is_the_typed_exception(string exceptionType, Type expected)
    {
        Exception error = Assert.ThrowsAny<BedrockServiceException>(() =>
            Decode(EventStreamEncoder.Exception(exceptionType, Encoding.UTF8.GetBytes("""{"message":"stream broke"}"""))));

        Assert.IsType(expected, error);
        Assert.Contains("stream broke", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""", "has no 'bytes' member")]
    [InlineData("""{"bytes":5}""", "has a 'bytes' member that is not a string")]
    [InlineData("""{"bytes":"%%%"}""", "has a 'bytes' member that is not valid base64")]
    [InlineData("""[1]""", "is not a JSON object")]
    [InlineData("""{"bytes":"AA=="} x""", "not valid JSON")]
    [InlineData("""{"bytes":""", "not valid JSON")]
    public void A_broken_chunk_payload_is_an_invalid_event(string payload, string problem)
    {
        BedrockEventStreamException error = Assert.Throws<BedrockEventStreamException>(() =>
            Decode(EventStreamEncoder.Event("chunk", Encoding.UTF8.GetBytes(payload))));

        Assert.Equal(EventStreamErrorKind.InvalidEvent, error.Kind);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_that_is_neither_event_nor_exception_is_an_invalid_event()
    {
        byte[] frame = EventStreamEncoder.Encode(new[] { EventStreamHeaderValue.String(":message-type", "surprise") }, Array.Empty<byte>());

        Assert.Equal(EventStreamErrorKind.InvalidEvent, Assert.Throws<BedrockEventStreamException>(() => Decode(frame)).Kind);
    }

    private static byte[]? Decode(byte[] frame)
    {
        using var reader = new EventStreamReader(new System.IO.MemoryStream(frame));
        EventStreamMessage message = reader.ReadAsync(default).AsTask().GetAwaiter().GetResult()!;
        return InvokeModelStreamDecoder.Decode(message, 0, "req-1", RequestSecretRedactor.None);
    }
}
