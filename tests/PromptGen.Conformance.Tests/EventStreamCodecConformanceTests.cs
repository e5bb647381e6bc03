using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Bedrock.EventStream;
using PromptGen.Testing.Wire;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// Our event-stream code against the official codec (@smithy/eventstream-codec): frames it encodes decode the
/// same in our client's decoder, and frames the emulator encodes are byte-identical to its own and decode the
/// same in it.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class EventStreamCodecConformanceTests(NodeProject node)
{
    /// <summary>Messages covering every header type, edge values, empty and large payloads, non-ASCII text.</summary>
    private static readonly CodecMessage[] Messages =
    [
        new([H(":event-type", "string", "messageStop"), H(":content-type", "string", "application/json"), H(":message-type", "string", "event")],
            """{"stopReason":"end_turn"}"""u8.ToArray()),
        new([H("t", "boolean", true), H("f", "boolean", false), H("b", "byte", -128), H("s", "short", -32768), H("i", "integer", int.MaxValue),
             H("l", "long", "-9007199254740991"), H("bin", "binary", "00ff10"), H("str", "string", "héllo ✓ 😀"),
             H("ts", "timestamp", "1736942400123"), H("id", "uuid", "0f8fad5b-d9cb-469f-a165-70867728950e")],
            [0, 1, 2, 250]),
        new([H(":message-type", "string", "error"), H(":error-code", "string", "InternalFailure"), H(":error-message", "string", "")], []),
        new([H(":message-type", "string", "exception"), H(":exception-type", "string", "throttlingException")],
            System.Text.Encoding.UTF8.GetBytes("{\"message\":\"" + new string('x', 70_000) + "\"}")),
        new([], []),
    ];

    [Fact]
    public async Task Frames_encoded_by_the_official_codec_decode_the_same_in_our_decoder()
    {
        JsonElement frames = await node.RunScriptJsonAsync("codec.mjs", "encode", JsonSerializer.Serialize(Messages.Select(ToJson)));

        Assert.Equal(Messages.Length, frames.GetArrayLength());
        byte[] stream = frames.EnumerateArray().SelectMany(frame => Convert.FromHexString(frame.GetString()!)).ToArray();
        using var reader = new EventStreamReader(new MemoryStream(stream));
        foreach (CodecMessage expected in Messages)
        {
            EventStreamMessage? decoded = await reader.ReadAsync();
            Assert.NotNull(decoded);
            Assert.Equal(Describe(expected), Describe(decoded));
        }

        Assert.Null(await reader.ReadAsync());
    }

    [Fact]
    public async Task Frames_encoded_by_the_emulator_are_the_official_codecs_bytes_and_decode_the_same_in_it()
    {
        string[] ours = Messages.Select(message => Convert.ToHexString(EventStreamEncoder.Encode(message.Headers.Select(ToEncoderHeader).ToArray(), message.Body)).ToLowerInvariant()).ToArray();

        JsonElement official = await node.RunScriptJsonAsync("codec.mjs", "encode", JsonSerializer.Serialize(Messages.Select(ToJson)));
        JsonElement decoded = await node.RunScriptJsonAsync("codec.mjs", "decode", JsonSerializer.Serialize(ours));

        Assert.Equal(official.EnumerateArray().Select(frame => frame.GetString()), ours);
        Assert.Equal(Messages.Select(Describe), decoded.EnumerateArray().Select(Describe));
    }

    [Fact]
    public async Task A_corrupted_frame_is_rejected_by_both()
    {
        byte[] frame = EventStreamEncoder.Event("messageStop", """{"stopReason":"end_turn"}"""u8.ToArray());
        frame[^6] ^= 0x01;

        await Assert.ThrowsAsync<InvalidOperationException>(() => node.RunScriptAsync("codec.mjs", "decode", JsonSerializer.Serialize(new[] { Convert.ToHexString(frame) })));
        using var reader = new EventStreamReader(new MemoryStream(frame));
        var error = await Assert.ThrowsAsync<PromptGen.BedrockEventStreamException>(async () => await reader.ReadAsync());
        Assert.Equal(PromptGen.EventStreamErrorKind.MessageChecksumMismatch, error.Kind);
    }

    private static CodecHeader H(string name, string type, object value) => new(name, type, value);

    private static object ToJson(CodecMessage message) => new
    {
        headers = message.Headers.Select(header => new { name = header.Name, type = header.Type, value = header.Value }),
        body = Convert.ToHexString(message.Body).ToLowerInvariant(),
    };

    private static EventStreamHeaderValue ToEncoderHeader(CodecHeader header) => header.Type switch
    {
        "boolean" => new(header.Name, (bool)header.Value ? (byte)0 : (byte)1, header.Value),
        "byte" => new(header.Name, 2, (sbyte)(int)header.Value),
        "short" => new(header.Name, 3, (short)(int)header.Value),
        "integer" => new(header.Name, 4, (int)header.Value),
        "long" => new(header.Name, 5, long.Parse((string)header.Value, CultureInfo.InvariantCulture)),
        "binary" => new(header.Name, 6, Convert.FromHexString((string)header.Value)),
        "string" => new(header.Name, 7, header.Value),
        "timestamp" => new(header.Name, 8, DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)header.Value, CultureInfo.InvariantCulture))),
        "uuid" => new(header.Name, 9, Guid.Parse((string)header.Value)),
        _ => throw new ArgumentException(header.Type),
    };

    /// <summary>One line per header, "name type value", then the payload in hex: the same text from any decoder.</summary>
    private static string Describe(CodecMessage message) =>
        string.Join("\n", message.Headers.Select(header => $"{header.Name} {header.Type} {Convert.ToString(header.Value, CultureInfo.InvariantCulture)!.ToLowerInvariant()}"))
        + "\n#" + Convert.ToHexString(message.Body).ToLowerInvariant();

    private static string Describe(EventStreamMessage message) =>
        string.Join("\n", message.Headers.Select(header => $"{header.Name} {TypeName(header.Type)} {ValueText(header.Value).ToLowerInvariant()}"))
        + "\n#" + Convert.ToHexString(message.Payload).ToLowerInvariant();

    private static string Describe(JsonElement message) =>
        string.Join("\n", message.GetProperty("headers").EnumerateArray().Select(header =>
            $"{header.GetProperty("name").GetString()} {header.GetProperty("type").GetString()} {JsonValueText(header.GetProperty("value")).ToLowerInvariant()}"))
        + "\n#" + message.GetProperty("body").GetString();

    private static string TypeName(EventStreamHeaderType type) => type switch
    {
        EventStreamHeaderType.BoolTrue or EventStreamHeaderType.BoolFalse => "boolean",
        EventStreamHeaderType.Byte => "byte",
        EventStreamHeaderType.Short => "short",
        EventStreamHeaderType.Integer => "integer",
        EventStreamHeaderType.Long => "long",
        EventStreamHeaderType.ByteArray => "binary",
        EventStreamHeaderType.String => "string",
        EventStreamHeaderType.Timestamp => "timestamp",
        _ => "uuid",
    };

    private static string ValueText(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DateTimeOffset time => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string JsonValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetString()!,
    };

    private sealed record CodecHeader(string Name, string Type, object Value);

    private sealed record CodecMessage(CodecHeader[] Headers, byte[] Body);
}
