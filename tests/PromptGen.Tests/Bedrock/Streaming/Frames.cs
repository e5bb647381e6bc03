using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PromptGen.Bedrock.EventStream;
using PromptGen.Testing.Wire;

namespace PromptGen.Tests.Bedrock.Streaming;

/// <summary>Frames built with the emulator's encoder (an independent implementation) for decoder tests.</summary>
internal static class Frames
{
    public static byte[] Event(string eventType, string json) => EventStreamEncoder.Event(eventType, Encoding.UTF8.GetBytes(json));

    public static byte[] Concat(params byte[][] frames) => frames.SelectMany(frame => frame).ToArray();

    /// <summary>Every header type once, with edge values.</summary>
    public static EventStreamHeaderValue[] AllHeaderTypes() =>
    [
        new("t", 0, true),
        new("f", 1, false),
        new("i8", 2, (sbyte)-128),
        new("i16", 3, (short)-32768),
        new("i32", 4, int.MinValue),
        new("i64", 5, long.MaxValue),
        new("bytes", 6, new byte[] { 0, 1, 2, 255 }),
        new("string", 7, "héllo ✓ 😀"),
        new("time", 8, DateTimeOffset.FromUnixTimeMilliseconds(1_736_942_400_123)),
        new("uuid", 9, Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")),
    ];

    /// <summary>A small ConverseStream: start, two text deltas, stops and metadata.</summary>
    public static byte[] SampleStream() => Concat(
        Event("messageStart", """{"role":"assistant"}"""),
        Event("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"Hel"}}"""),
        Event("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"lo ✓"}}"""),
        Event("contentBlockStop", """{"contentBlockIndex":0}"""),
        Event("messageStop", """{"stopReason":"end_turn"}"""),
        Event("metadata", """{"usage":{"inputTokens":3,"outputTokens":2,"totalTokens":5},"metrics":{"latencyMs":7}}"""));

    /// <summary>A readable rendering of a message for equality checks: headers with typed values, then the payload.</summary>
    public static string Describe(EventStreamMessage message) =>
        string.Join("|", message.Headers.Select(header => $"{header.Name}:{(byte)header.Type}:{Format(header.Value)}"))
        + "#" + Convert.ToHexString(message.Payload);

    public static string Describe(IEnumerable<EventStreamMessage> messages) => string.Join("\n", messages.Select(Describe));

    private static string Format(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DateTimeOffset time => time.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
