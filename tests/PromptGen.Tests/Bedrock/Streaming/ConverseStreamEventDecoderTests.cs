using System;
using System.Net;
using System.Net.Http;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Errors;
using PromptGen.Bedrock.EventStream;
using PromptGen.Testing.Wire;
using Xunit;

namespace PromptGen.Tests.Bedrock.Streaming;

/// <summary>From a decoded frame to a typed event, or to the exception it carries.</summary>
public sealed class ConverseStreamEventDecoderTests
{
    private static readonly RequestSecretRedactor NoSecrets = RequestSecretRedactor.ForRequest(new HttpRequestMessage());

    [Fact]
    public void Every_event_type_of_the_spec_becomes_its_typed_event()
    {
        var start = Decode<MessageStartEvent>("messageStart", """{"role":"assistant"}""");
        Assert.Equal(ConversationRole.Assistant, start.Role);

        var toolStart = Decode<ContentBlockStartEvent>("contentBlockStart",
            """{"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"tooluse_1","name":"get_weather","type":"server_tool_use"}}}""");
        Assert.Equal(1, toolStart.ContentBlockIndex);
        Assert.Equal(("tooluse_1", "get_weather", "server_tool_use"), (toolStart.Start.ToolUse!.ToolUseId, toolStart.Start.ToolUse.Name, toolStart.Start.ToolUse.Type));

        var resultStart = Decode<ContentBlockStartEvent>("contentBlockStart",
            """{"contentBlockIndex":2,"start":{"toolResult":{"toolUseId":"t2","type":"x","status":"success"}}}""");
        Assert.Equal(ToolResultStatus.Success, resultStart.Start.ToolResult!.Status);
        Assert.Equal("png", Decode<ContentBlockStartEvent>("contentBlockStart", """{"contentBlockIndex":0,"start":{"image":{"format":"png"}}}""").Start.Image!.Format);

        Assert.Equal("Hel", Decode<ContentBlockDeltaEvent>("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"Hel"}}""").Delta.Text);
        Assert.Equal("{\"ci", Decode<ContentBlockDeltaEvent>("contentBlockDelta", """{"contentBlockIndex":1,"delta":{"toolUse":{"input":"{\"ci"}}}""").Delta.ToolUse!.Input);

        ReasoningContentBlockDelta reasoning = Decode<ContentBlockDeltaEvent>("contentBlockDelta",
            """{"contentBlockIndex":0,"delta":{"reasoningContent":{"redactedContent":"AQID"}}}""").Delta.ReasoningContent!;
        Assert.Equal(new byte[] { 1, 2, 3 }, reasoning.RedactedContent);
        Assert.Equal("think", Decode<ContentBlockDeltaEvent>("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"reasoningContent":{"text":"think"}}}""").Delta.ReasoningContent!.Text);
        Assert.Equal("sig", Decode<ContentBlockDeltaEvent>("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"reasoningContent":{"signature":"sig"}}}""").Delta.ReasoningContent!.Signature);

        ContentBlockDelta citation = Decode<ContentBlockDeltaEvent>("contentBlockDelta",
            """{"contentBlockIndex":0,"delta":{"citation":{"title":"Doc","sourceContent":[{"text":"q"}]}}}""").Delta;
        Assert.Equal("Doc", citation.Citation!.Value.GetProperty("title").GetString());

        ContentBlockDelta toolResult = Decode<ContentBlockDeltaEvent>("contentBlockDelta",
            """{"contentBlockIndex":2,"delta":{"toolResult":[{"text":"a"},{"json":{"k":1}}]}}""").Delta;
        Assert.Equal("a", toolResult.ToolResult![0].Text);
        Assert.Equal(1, toolResult.ToolResult[1].Json!.Value.GetProperty("k").GetInt32());
        Assert.NotNull(Decode<ContentBlockDeltaEvent>("contentBlockDelta", """{"contentBlockIndex":3,"delta":{"image":{"error":{"message":"x"}}}}""").Delta.Image);

        Assert.Equal(4, Decode<ContentBlockStopEvent>("contentBlockStop", """{"contentBlockIndex":4}""").ContentBlockIndex);

        var stop = Decode<MessageStopEvent>("messageStop", """{"stopReason":"tool_use","additionalModelResponseFields":{"stop_sequence":null}}""");
        Assert.Equal(StopReason.ToolUse, stop.StopReason);
        Assert.True(stop.AdditionalModelResponseFields!.Value.TryGetProperty("stop_sequence", out _));

        var metadata = Decode<ConverseStreamMetadataEvent>("metadata",
            """{"usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15,"cacheReadInputTokens":3},"metrics":{"latencyMs":123},"trace":{"promptRouter":{"invokedModelId":"m"}},"serviceTier":{"type":"flex"}}""");
        Assert.Equal((10, 5, 15, 3), (metadata.Usage!.InputTokens, metadata.Usage.OutputTokens, metadata.Usage.TotalTokens, metadata.Usage.CacheReadInputTokens));
        Assert.Equal(123, metadata.Metrics!.LatencyMs);
        Assert.Equal("m", metadata.Trace!.PromptRouter!.InvokedModelId);
        Assert.Equal(ServiceTier.Flex, metadata.ServiceTier);
    }

    [Fact]
    public void Unknown_members_and_event_types_are_kept_not_rejected()
    {
        var delta = Decode<ContentBlockDeltaEvent>("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"hologram":{"x":1}},"p":"abcdefgh"}""");
        Assert.Null(delta.Delta.Text);
        Assert.True(delta.Delta.UnknownMembers!.ContainsKey("hologram"));
        Assert.True(delta.UnknownMembers!.ContainsKey("p"));

        var unknown = Decode<UnknownConverseStreamEvent>("someFutureEvent", """{"a":1}""");
        Assert.Equal("someFutureEvent", unknown.EventType);
        Assert.Equal(1, unknown.Payload!.Value.GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData("throttlingException", typeof(BedrockThrottlingException), 429, true)]
    [InlineData("modelStreamErrorException", typeof(BedrockModelStreamErrorException), 424, false)]
    [InlineData("validationException", typeof(BedrockValidationException), 400, false)]
    [InlineData("serviceUnavailableException", typeof(BedrockServiceUnavailableException), 503, true)]
    [InlineData("internalServerException", typeof(BedrockInternalServerException), 500, true)]
    [InlineData("modelTimeoutException", typeof(BedrockModelTimeoutException), 408, false)]
    public void In_stream_exceptions_are_the_same_types_as_converse_errors(string exceptionType, Type expected, int status, bool retryable)
    {
        byte[] frame = EventStreamEncoder.Exception(exceptionType, """{"message":"Too many tokens, slow down","originalStatusCode":500}"""u8.ToArray());

        var error = Assert.IsAssignableFrom<BedrockServiceException>(Record.Exception(() => DecodeFrame(frame, "req-1")));

        Assert.IsType(expected, error);
        Assert.Equal(char.ToUpperInvariant(exceptionType[0]) + exceptionType[1..], error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal("Too many tokens, slow down", error.ServiceMessage);
        if (error is BedrockModelStreamErrorException streamError)
        {
            Assert.Equal(500, streamError.OriginalStatusCode);
        }
    }

    [Fact]
    public void An_unknown_in_stream_exception_keeps_its_code()
    {
        byte[] frame = EventStreamEncoder.Exception("quantumFluxException", """{"message":"odd"}"""u8.ToArray());

        var error = Assert.IsType<BedrockServiceException>(Record.Exception(() => DecodeFrame(frame, null)));

        Assert.Equal("QuantumFluxException", error.ErrorCode);
        Assert.Equal("odd", error.ServiceMessage);
    }

    [Fact]
    public void An_error_frame_becomes_a_service_exception_from_its_headers()
    {
        var throttled = Assert.IsType<BedrockThrottlingException>(Record.Exception(() => DecodeFrame(EventStreamEncoder.Error("ThrottlingException", "Rate exceeded"), null)));
        Assert.Equal("Rate exceeded", throttled.ServiceMessage);

        var other = Assert.IsType<BedrockServiceException>(Record.Exception(() => DecodeFrame(EventStreamEncoder.Error("InternalFailure", "boom"), null)));
        Assert.Equal("InternalFailure", other.ErrorCode);
    }

    [Fact]
    public void Frames_without_a_usable_type_or_json_are_typed_errors()
    {
        byte[] noMessageType = EventStreamEncoder.Encode([EventStreamHeaderValue.String(":event-type", "messageStart")], "{}"u8);
        Assert.Equal(EventStreamErrorKind.InvalidEvent, Assert.IsType<BedrockEventStreamException>(Record.Exception(() => DecodeFrame(noMessageType, null))).Kind);

        byte[] badJson = Frames.Event("contentBlockDelta", """{"contentBlockIndex":"zero""");
        var error = Assert.IsType<BedrockEventStreamException>(Record.Exception(() => DecodeFrame(badJson, "req-9")));
        Assert.Equal(EventStreamErrorKind.InvalidEvent, error.Kind);
        Assert.Equal("req-9", error.RequestId);
        Assert.Contains("contentBlockDelta", error.Message);
    }

    private static T Decode<T>(string eventType, string json)
        where T : ConverseStreamEvent =>
        Assert.IsType<T>(DecodeFrame(Frames.Event(eventType, json), null));

    private static ConverseStreamEvent DecodeFrame(byte[] frame, string? requestId)
    {
        EventStreamMessage message = EventStreamFrame.Decode(frame, 0, requestId);
        return ConverseStreamEventDecoder.Decode(message, 0, requestId, NoSecrets);
    }
}
