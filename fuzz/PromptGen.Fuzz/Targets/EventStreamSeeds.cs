using System;
using System.Collections.Generic;
using System.Text;
using PromptGen.Testing.Wire;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// Valid ConverseStream responses written with the emulator's encoder (independent of the client's decoder): text,
/// tool use, metadata, modelled exceptions and unmodelled errors, and frames carrying every header type.
/// </summary>
public static class EventStreamSeeds
{
    private static readonly Guid SomeUuid = new("0f8fad5b-d9cb-469f-a165-70867728950e");

    /// <summary>Event types the client knows, for payload fuzzing.</summary>
    public static readonly string[] EventTypes =
    {
        "messageStart", "contentBlockStart", "contentBlockDelta", "contentBlockStop", "messageStop", "metadata", "somethingNew",
    };

    /// <summary>Exception types Bedrock sends in a stream, plus an unknown one.</summary>
    public static readonly string[] ExceptionTypes =
    {
        "throttlingException", "modelStreamErrorException", "validationException", "internalServerException",
        "serviceUnavailableException", "modelTimeoutException", "accessDeniedException", "somethingElseException",
    };

    /// <summary>Each seed is a whole response: its frames, in order.</summary>
    public static IReadOnlyList<byte[][]> All { get; } = Build(); // after the arrays above: static fields initialize in order

    public static byte[] Event(string type, string json) => EventStreamEncoder.Event(type, Encoding.UTF8.GetBytes(json));

    private static IReadOnlyList<byte[][]> Build()
    {
        byte[] start = Event("messageStart", """{"role":"assistant"}""");
        byte[] stop = Event("messageStop", """{"stopReason":"end_turn"}""");
        byte[] metadata = Event("metadata", """{"usage":{"inputTokens":12,"outputTokens":34,"totalTokens":46},"metrics":{"latencyMs":321}}""");
        byte[] TextDelta(int index, string text) => Event("contentBlockDelta", $$$"""{"contentBlockIndex":{{{index}}},"delta":{"text":{{{System.Text.Json.JsonSerializer.Serialize(text)}}}}}""");
        byte[] BlockStop(int index) => Event("contentBlockStop", $$"""{"contentBlockIndex":{{index}}}""");

        var seeds = new List<byte[][]>
        {
            // Text.
            new[] { start, TextDelta(0, "Hello"), TextDelta(0, ", wörld ✓ 🎉"), BlockStop(0), stop, metadata },
            // Tool use.
            new[]
            {
                start, TextDelta(0, "Let me look."), BlockStop(0),
                Event("contentBlockStart", """{"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"tooluse_1","name":"get_weather"}}}"""),
                Event("contentBlockDelta", """{"contentBlockIndex":1,"delta":{"toolUse":{"input":"{\"city\": \"Par"}}}"""),
                Event("contentBlockDelta", """{"contentBlockIndex":1,"delta":{"toolUse":{"input":"is\"}"}}}"""),
                BlockStop(1),
                Event("messageStop", """{"stopReason":"tool_use","additionalModelResponseFields":{"x":[1,2]}}"""),
                metadata,
            },
            // Stopped by length, with a trace in the metadata, and an event type the client does not know.
            new[]
            {
                start, Event("somethingNew", """{"a":{"b":[true,null,1.5e3]}}"""), TextDelta(0, new string('x', 300)),
                Event("messageStop", """{"stopReason":"max_tokens"}"""),
                Event("metadata", """{"usage":{"inputTokens":1,"outputTokens":2,"totalTokens":3},"metrics":{"latencyMs":1},"trace":{"guardrail":{}}}"""),
            },
            // An error that is not modelled, after some text.
            new[] { start, TextDelta(0, "partial"), EventStreamEncoder.Error("InternalFailure", "Something broke") },
            // Every header type, on events the client must still read.
            new[] { WithEveryHeaderType("messageStart", """{"role":"assistant"}"""), TextDelta(0, "hi"), WithEveryHeaderType("messageStop", """{"stopReason":"end_turn"}""") },
        };

        foreach (string exceptionType in ExceptionTypes)
        {
            string payload = exceptionType == "modelStreamErrorException"
                ? """{"message":"The model failed","originalStatusCode":424,"originalMessage":"upstream"}"""
                : """{"message":"Too many requests, please wait"}""";
            seeds.Add(new[] { start, TextDelta(0, "a"), EventStreamEncoder.Exception(exceptionType, Encoding.UTF8.GetBytes(payload)) });
        }

        return seeds;
    }

    /// <summary>An event frame with one extra header of each wire type (0–9) besides the three Bedrock sends.</summary>
    private static byte[] WithEveryHeaderType(string eventType, string json) => EventStreamEncoder.Encode(
        new[]
        {
            new EventStreamHeaderValue("x-true", 0, true),
            new EventStreamHeaderValue("x-false", 1, false),
            new EventStreamHeaderValue("x-byte", 2, (sbyte)-7),
            new EventStreamHeaderValue("x-short", 3, (short)-30000),
            new EventStreamHeaderValue("x-int", 4, int.MinValue),
            new EventStreamHeaderValue("x-long", 5, long.MaxValue),
            new EventStreamHeaderValue("x-bytes", 6, new byte[] { 0, 1, 2, 0xFF }),
            EventStreamHeaderValue.String(":event-type", eventType),
            new EventStreamHeaderValue("x-time", 8, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)),
            new EventStreamHeaderValue("x-uuid", 9, SomeUuid),
            EventStreamHeaderValue.String(":content-type", "application/json"),
            EventStreamHeaderValue.String(":message-type", "event"),
        },
        Encoding.UTF8.GetBytes(json));
}
